import type {Rule} from '../../rules.ts'
import {difficultyMessages, MIN_WORDS, reportSentences, sentenceDifficulty, VERY_HARD_LENGTH, VERY_HARD_MARGIN} from '../difficulty.ts'

export const veryHardSentence: Rule = {
  meta: {
    id: 'very-hard-sentence',
    category: 'readability',
    defaultSeverity: 'warning',
    wcag: ['3.1.5'],
    description: `A sentence of ${MIN_WORDS} words or more reads at least ${VERY_HARD_MARGIN} grades above the target, or any sentence runs past ${VERY_HARD_LENGTH} words.`,
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html',
    highlight: {style: 'very-hard', label: 'Very hard sentence'},
    messages: difficultyMessages('Very hard to read', VERY_HARD_LENGTH)
  },
  async check(context) {
    reportSentences(context, (await context.get(sentenceDifficulty)).veryHard)
  }
}
