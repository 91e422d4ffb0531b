import {HARD_MARGIN, VERY_HARD_MARGIN} from '../../prose/hard-sentences.ts'
import type {Finding} from '../../report/schema.ts'

/** How a highlight is drawn: each kind has its own colour and its own underline or border style. */
export type HighlightKind = 'hard' | 'very-hard' | 'passive' | 'plain' | 'jargon' | 'acronym' | 'uncommon' | 'style' | 'a11y' | 'other'

const byRule: Record<string, HighlightKind> = {
  'hard-sentence': 'hard',
  'very-hard-sentence': 'very-hard',
  'passive-voice': 'passive',
  'plain-language': 'plain',
  jargon: 'jargon',
  'undefined-acronym': 'acronym',
  'uncommon-word': 'uncommon'
}

export function highlightKind(finding: Finding): HighlightKind {
  const kind = byRule[finding.ruleId]
  if (kind !== undefined) return kind
  if (finding.category === 'style') return 'style'
  if (finding.category === 'accessibility') return 'a11y'
  return 'other'
}

/** The legend: each kind, its name, and the cue besides colour that tells it apart. */
export const legend: ReadonlyArray<{kind: HighlightKind; label: string; cue: string}> = [
  {kind: 'hard', label: 'Hard sentence', cue: 'dashed line under the sentence'},
  {kind: 'very-hard', label: 'Very hard sentence', cue: 'double line under the sentence'},
  {kind: 'passive', label: 'Passive voice', cue: 'solid underline'},
  {kind: 'plain', label: 'Plainer word available', cue: 'dotted underline'},
  {kind: 'jargon', label: 'Jargon', cue: 'double underline'},
  {kind: 'acronym', label: 'Undefined acronym', cue: 'dashed underline'},
  {kind: 'uncommon', label: 'Uncommon word', cue: 'thin dotted underline, no fill'},
  {kind: 'style', label: 'Style', cue: 'wavy underline'},
  {kind: 'a11y', label: 'Accessibility (text)', cue: 'box around the words'}
]

export function kindLabel(kind: HighlightKind): string {
  return legend.find((entry) => entry.kind === kind)?.label ?? 'Finding'
}

/** How far a paragraph's grade is over the target, in the same steps as hard and very hard sentences. */
export type Band = 'ok' | 'above' | 'hard' | 'very-hard'

export function paragraphBand(grade: number, target: number): Band {
  if (grade >= target + VERY_HARD_MARGIN) return 'very-hard'
  if (grade >= target + HARD_MARGIN) return 'hard'
  if (grade > target) return 'above'
  return 'ok'
}

export const bandLabel: Record<Band, string> = {
  ok: 'at or below target',
  above: 'above target',
  hard: `${HARD_MARGIN}+ grades above`,
  'very-hard': `${VERY_HARD_MARGIN}+ grades above`
}
