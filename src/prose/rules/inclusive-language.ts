import retextEquality from 'retext-equality'
import type {Position} from 'unist'
import {asSentence} from '../../wording.ts'
import {retextRule} from '../retext.ts'
import type {SentenceInfo} from '../tokens.ts'

/** "fellow" is an academic title ("research fellow") far more often than a gendered word in articles. */
const EQUALITY_IGNORE = ['fellow', 'fellows']

export const inclusiveLanguage = retextRule(
  {
    id: 'inclusive-language',
    plugin: 'retext-equality',
    presets: {strict: 'warning'},
    description: 'Words that may exclude or offend some readers (retext-equality).',
    // Each of retext-equality's patterns is a message id of its own (`chairman-chairwoman`); its words are passed on.
    messages: {}
  },
  retextEquality,
  // Proper nouns are left alone: retext-equality would flag "Special" in "Special Operations".
  (message, _words, context) => {
    const position = message.place && 'start' in message.place ? message.place : undefined
    if (position && isProperNoun(position, context.source, context.sentences)) return undefined
    return {messageId: message.ruleId ?? 'equality', message: asSentence(message.reason)}
  },
  {ignore: EQUALITY_IGNORE}
)

/** A capitalised word inside a sentence, or one that starts a run of capitalised words ("Special Operations"). */
function isProperNoun(position: Position, source: string, sentences: readonly SentenceInfo[]): boolean {
  const text = source.slice(position.start.offset, position.end.offset)
  if (!/^\p{Lu}/u.test(text)) return false
  const sentence = sentences.find((info) => info.words.some((word) => word.position.start.offset === position.start.offset))
  if (!sentence) return true
  const index = sentence.words.findIndex((word) => word.position.start.offset === position.start.offset)
  return index > 0 || /^\p{Lu}/u.test(sentence.words[index + 1]?.text ?? '')
}
