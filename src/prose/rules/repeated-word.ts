import retextRepeatedWords from 'retext-repeated-words'
import type {Rule} from '../../rules.ts'
import {asSentence} from '../../wording.ts'
import {expectedOf, placeOf, retextMessages} from '../retext.ts'

export const repeatedWord: Rule = {
  meta: {
    id: 'repeated-word',
    category: 'style',
    defaultSeverity: 'off',
    presets: {strict: 'warning'},
    wcag: [],
    description: 'The same word twice in a row (retext-repeated-words).',
    helpUrl: 'https://github.com/retextjs/retext-repeated-words#readme',
    highlight: {style: 'style', label: 'Style'},
    source: 'retext-repeated-words',
    // retext-repeated-words' own message is passed on.
    messages: {}
  },
  async check(context) {
    for (const message of await retextMessages(context, retextRepeatedWords)) {
      const position = placeOf(message)
      if (position) context.report({position, messageId: 'repeated', message: asSentence(message.reason), suggestions: expectedOf(message)})
    }
  }
}
