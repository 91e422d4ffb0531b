import type {Rule} from '../../rules.ts'
import {reportSentences, sentenceDifficulty} from '../difficulty.ts'

export const veryHardSentence: Rule = {
  meta: {
    id: 'very-hard-sentence',
    category: 'readability',
    defaultSeverity: 'warning',
    wcag: ['3.1.5'],
    description: 'A sentence of ten words or more reads at least six grades above the target.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html',
    highlight: {style: 'very-hard', label: 'Very hard sentence'},
    messages: {
      'very-hard': 'Very hard to read: this sentence reads {{grade}} (target {{target}}); it has {{words}} words, {{longWords}} of them long. Split it or use shorter words.'
    }
  },
  check(context) {
    reportSentences(context, context.get(sentenceDifficulty).veryHard, 'very-hard')
  }
}
