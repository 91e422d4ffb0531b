import {shared, type RuleContext} from '../rules.ts'
import {sentenceScores, type SentenceScore} from './readability.ts'

/**
 * When a sentence is hard, calibrated on the development half of faircopy's labelled real prose
 * (test/fixtures/real-labels/hard.dev.tsv; the README's Accuracy section has both halves):
 *
 * - a sentence of 20 words or more that reads 4 grades or more above the target is hard, and 10 grades or more
 *   above it very hard: a grade from fewer words says little (one long word in a short sentence moves it by several
 *   grades), and 2 grades above flagged too many ordinary sentences (precision 0.59). 15 words was the first
 *   choice; a hand-judged sample of real findings then found 17 of 22 sentences reported for their grade alone
 *   readable, and 20 words kept the development half's F1 (0.91 / 0.86 against 0.85 / 0.90);
 * - a sentence of more than 25 words is hard, and of more than 40 very hard, whatever its words: readers lose the
 *   thread of a long sentence even when every word is short.
 *
 * The share of long words was tried as a third cause and left out: it added as many wrong findings as right ones.
 */
export const MIN_WORDS = 20
export const HARD_MARGIN = 4
export const VERY_HARD_MARGIN = 10
export const HARD_LENGTH = 25
export const VERY_HARD_LENGTH = 40

/** What made a sentence hard: its grade, its length, or both. */
export type Cause = 'grade' | 'length' | 'grade-and-length'

export interface Difficulty {
  readonly score: SentenceScore
  readonly cause: Cause
}

/**
 * Hard and very hard sentences, by faircopy's own sentence grade (the same consensus as the document's). A very
 * hard sentence is only that: hard-sentence leaves it to very-hard-sentence, whether that rule is on or not.
 */
export const sentenceDifficulty = shared('sentence-difficulty', async (audit) => {
  const target = audit.settings.targetGrade
  const hard: Difficulty[] = []
  const veryHard: Difficulty[] = []
  for (const score of await audit.get(sentenceScores)) {
    const very = causeOf(score, target + VERY_HARD_MARGIN, VERY_HARD_LENGTH)
    const cause = very ?? causeOf(score, target + HARD_MARGIN, HARD_LENGTH)
    if (very) veryHard.push({score, cause: very})
    else if (cause) hard.push({score, cause})
  }
  return {hard, veryHard}
})

function causeOf(score: SentenceScore, grade: number, length: number): Cause | undefined {
  const byGrade = score.words >= MIN_WORDS && score.grade >= grade
  const byLength = score.words > length
  return byGrade && byLength ? 'grade-and-length' : byGrade ? 'grade' : byLength ? 'length' : undefined
}

/** Single-sentence formulas run off the scale on extreme sentences; past 20 a number says nothing more. */
export function gradeText(grade: number): string {
  return grade > 20 ? 'above grade 20' : `at grade ${Math.round(grade)}`
}

/** The messages of hard-sentence and very-hard-sentence, one per cause, so an editor knows what to change. */
export function difficultyMessages(prefix: string, length: number): Record<Cause, string> {
  return {
    grade: `${prefix}: this sentence reads {{grade}} (target {{target}}): {{longWords}} of its {{words}} words are long. Use shorter words, or split it.`,
    length: `${prefix}: this sentence runs to {{words}} words (more than ${length}), though its words are plain. Split it.`,
    'grade-and-length': `${prefix}: this sentence runs to {{words}} words (more than ${length}) and reads {{grade}} (target {{target}}), {{longWords}} of its words long. Split it and use shorter words.`
  }
}

/** Reports each hard sentence with its cause: its grade, its length, or both. */
export function reportSentences(context: RuleContext, found: readonly Difficulty[]): void {
  for (const {score, cause} of found) {
    context.report({
      position: score.sentence.position,
      messageId: cause,
      data: {grade: gradeText(score.grade), target: context.settings.targetGrade, words: score.words, longWords: score.longWords}
    })
  }
}
