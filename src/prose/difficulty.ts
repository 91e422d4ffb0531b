import {shared, type RuleContext} from '../rules.ts'
import {sentenceScores, type SentenceScore} from './readability.ts'

/** Sentences shorter than this are never flagged: a grade from a few words says little. */
export const MIN_WORDS = 10
/** Longer sentences are hard whatever their words. */
export const MAX_WORDS = 35
/** Grades above the target that make a sentence of ten words or more hard, and very hard. */
export const HARD_MARGIN = 2
export const VERY_HARD_MARGIN = 6

/**
 * Hard and very hard sentences, by faircopy's own sentence grade (the same consensus as the document's). A very
 * hard sentence is only that: hard-sentence leaves it to very-hard-sentence, whether that rule is on or not.
 */
export const sentenceDifficulty = shared('sentence-difficulty', (audit) => {
  const target = audit.settings.targetGrade
  const hard: SentenceScore[] = []
  const veryHard: SentenceScore[] = []
  for (const score of audit.get(sentenceScores)) {
    if (score.words >= MIN_WORDS && score.grade >= target + VERY_HARD_MARGIN) veryHard.push(score)
    else if ((score.words >= MIN_WORDS && score.grade >= target + HARD_MARGIN) || score.words > MAX_WORDS) hard.push(score)
  }
  return {hard, veryHard}
})

/** Single-sentence formulas run off the scale on extreme sentences; past 20 a number says nothing more. */
export function gradeText(grade: number): string {
  return grade > 20 ? 'above grade 20' : `at grade ${Math.round(grade)}`
}

/** Reports each scored sentence with the reason an editor can act on: its grade, its length and its long words. */
export function reportSentences(context: RuleContext, scores: readonly SentenceScore[], messageId: string): void {
  for (const score of scores) {
    context.report({
      position: score.sentence.position,
      messageId,
      data: {grade: gradeText(score.grade), target: context.settings.targetGrade, words: score.words, longWords: score.longWords}
    })
  }
}
