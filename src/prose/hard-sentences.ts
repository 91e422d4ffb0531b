import type {DraftFinding} from '../report/finding.ts'
import type {Readability} from '../report/schema.ts'
import {findingsFor, type RuleMeta} from '../rules.ts'
import type {Settings} from '../settings.ts'
import type {SentenceScore} from './readability.ts'

export const readingLevelRule: RuleMeta = {
  id: 'reading-level',
  category: 'readability',
  defaultSeverity: 'warning',
  wcag: ['3.1.5'],
  description: 'The article as a whole reads above its target grade.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html'
}

export const hardSentenceRule: RuleMeta = {
  id: 'hard-sentence',
  category: 'readability',
  defaultSeverity: 'warning',
  wcag: ['3.1.5'],
  description: 'A sentence of ten words or more reads at least two grades above the target, or any sentence runs past 35 words.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html'
}

export const veryHardSentenceRule: RuleMeta = {
  id: 'very-hard-sentence',
  category: 'readability',
  defaultSeverity: 'warning',
  wcag: ['3.1.5'],
  description: 'A sentence of ten words or more reads at least six grades above the target.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html'
}

/** Sentences shorter than this are never flagged: a grade from a few words says little. */
export const MIN_WORDS = 10
/** Longer sentences are hard whatever their words. */
export const MAX_WORDS = 35
export const HARD_MARGIN = 2
export const VERY_HARD_MARGIN = 6

/**
 * Hard and very hard sentences, judged by faircopy's own per-sentence grade (the same consensus as the
 * document's), with the reason an editor can act on: its length and its long words.
 */
export function checkHardSentences(scores: readonly SentenceScore[], target: number, settings: Settings, source: string): DraftFinding[] {
  const hard: SentenceScore[] = []
  const veryHard: SentenceScore[] = []
  for (const score of scores) {
    if (score.words >= MIN_WORDS && score.grade >= target + VERY_HARD_MARGIN) veryHard.push(score)
    else if ((score.words >= MIN_WORDS && score.grade >= target + HARD_MARGIN) || score.words > MAX_WORDS) hard.push(score)
  }
  const describe = (label: string) => (score: SentenceScore) => ({
    position: score.sentence.position,
    message: `${label}: this sentence reads ${gradeText(score.grade)} (target ${target}); it has ${score.words} words, ${score.longWords} of them long. Split it or use shorter words.`
  })
  return [
    ...findingsFor(hardSentenceRule, settings, source, hard.map(describe('Hard to read'))),
    ...findingsFor(veryHardSentenceRule, settings, source, veryHard.map(describe('Very hard to read')))
  ]
}

export function checkReadingLevel(readability: Readability, settings: Settings, source: string): DraftFinding[] {
  if (readability.words === 0 || readability.gradeLevel <= readability.targetGrade) return []
  return findingsFor(readingLevelRule, settings, source, [
    {
      position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}},
      message: `The article reads at grade ${readability.gradeLevel}, above its target of grade ${readability.targetGrade}: shorten sentences and prefer shorter words.`,
      fingerprintBasis: 'document'
    }
  ])
}

/** Single-sentence formulas run off the scale on extreme sentences; past 20 a number says nothing more. */
function gradeText(grade: number): string {
  return grade > 20 ? 'above grade 20' : `at grade ${Math.round(grade)}`
}
