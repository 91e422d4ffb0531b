import type {Rule} from '../../rules.ts'
import {reportSentences, sentenceDifficulty} from '../difficulty.ts'

export const hardSentence: Rule = {
  meta: {
    id: 'hard-sentence',
    category: 'readability',
    defaultSeverity: 'warning',
    wcag: ['3.1.5'],
    description: 'A sentence of ten words or more reads at least two grades above the target, or any sentence runs past 35 words.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html',
    highlight: {style: 'hard', label: 'Hard sentence'},
    messages: {
      hard: 'Hard to read: this sentence reads {{grade}} (target {{target}}); it has {{words}} words, {{longWords}} of them long. Split it or use shorter words.'
    }
  },
  check(context) {
    reportSentences(context, context.get(sentenceDifficulty).hard, 'hard')
  }
}
