import type {Rule} from '../../rules.ts'
import {difficultyMessages, HARD_LENGTH, HARD_MARGIN, MIN_WORDS, reportSentences, sentenceDifficulty} from '../difficulty.ts'

export const hardSentence: Rule = {
  meta: {
    id: 'hard-sentence',
    category: 'readability',
    defaultSeverity: 'warning',
    wcag: ['3.1.5'],
    description: `A sentence of ${MIN_WORDS} words or more reads at least ${HARD_MARGIN} grades above the target, or any sentence runs past ${HARD_LENGTH} words.`,
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html',
    highlight: {style: 'hard', label: 'Hard sentence'},
    messages: difficultyMessages('Hard to read', HARD_LENGTH)
  },
  async check(context) {
    reportSentences(context, (await context.get(sentenceDifficulty)).hard)
  }
}
