import retextEquality from 'retext-equality'
import type {Position} from 'unist'
import type {Rule} from '../../rules.ts'
import {asSentence} from '../../wording.ts'
import {expectedOf, placeOf, retextMessages} from '../retext.ts'
import type {SentenceInfo} from '../tokens.ts'

/** "fellow" is an academic title ("research fellow") far more often than a gendered word in articles. */
const EQUALITY_IGNORE = ['fellow', 'fellows']

export const inclusiveLanguage: Rule = {
  meta: {
    id: 'inclusive-language',
    category: 'style',
    defaultSeverity: 'off',
    presets: {strict: 'warning'},
    wcag: [],
    description: 'Words that may exclude or offend some readers (retext-equality).',
    helpUrl: 'https://github.com/retextjs/retext-equality#readme',
    highlight: {style: 'style', label: 'Style'},
    source: 'retext-equality',
    // retext-equality names each pattern (`chairman-chairwoman`); its own message is passed on.
    messages: {}
  },
  async check(context) {
    for (const message of await retextMessages(context, retextEquality, {ignore: EQUALITY_IGNORE})) {
      const position = placeOf(message)
      // Proper nouns are left alone: retext-equality would flag "Special" in "Special Operations".
      if (!position || isProperNoun(position, context.source, context.sentences)) continue
      context.report({position, messageId: message.ruleId ?? 'equality', message: asSentence(message.reason), suggestions: expectedOf(message)})
    }
  }
}

/** A capitalised word inside a sentence, or one that starts a run of capitalised words ("Special Operations"). */
function isProperNoun(position: Position, source: string, sentences: readonly SentenceInfo[]): boolean {
  const text = source.slice(position.start.offset, position.end.offset)
  if (!/^\p{Lu}/u.test(text)) return false
  const sentence = sentences.find((info) => info.words.some((word) => word.position.start.offset === position.start.offset))
  if (!sentence) return true
  const index = sentence.words.findIndex((word) => word.position.start.offset === position.start.offset)
  return index > 0 || /^\p{Lu}/u.test(sentence.words[index + 1]?.text ?? '')
}
