import retextRepeatedWords from 'retext-repeated-words'
import {asSentence} from '../../wording.ts'
import {retextRule} from '../retext.ts'

export const repeatedWord = retextRule(
  {
    id: 'repeated-word',
    plugin: 'retext-repeated-words',
    presets: {strict: 'warning'},
    description: 'The same word twice in a row (retext-repeated-words).',
    // retext-repeated-words' own message is passed on.
    messages: {repeated: 'retext-repeated-words’ message: “Unexpected repeated `the`, expected `the`”.'}
  },
  retextRepeatedWords,
  (message) => ({messageId: 'repeated', message: asSentence(message.reason)})
)
