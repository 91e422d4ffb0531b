import {HARD_MARGIN, VERY_HARD_MARGIN} from '../../prose/difficulty.ts'
import {registry} from '../../registry.ts'
import type {Finding} from '../../report/schema.ts'
import {highlightStyles, type HighlightStyle, type RuleMeta} from '../../rules.ts'
import type {RunResult} from '../types.ts'

/** How a highlight is drawn: each rule names a style (its colour and its underline or border); `other` is the rest. */
export type HighlightKind = HighlightStyle | 'other'

/** The cue besides colour that tells each style apart (the CSS of `.hl-STYLE` draws it). */
const cues: Readonly<Record<HighlightStyle, string>> = {
  hard: 'dashed line under the sentence',
  'very-hard': 'double line under the sentence',
  passive: 'solid underline',
  plain: 'dotted underline',
  jargon: 'double underline',
  acronym: 'dashed underline',
  uncommon: 'thin dotted underline, no fill',
  style: 'wavy underline',
  a11y: 'box around the words'
}

/** The run's rules by id: faircopy's, and the user's own when the run has them. */
export type RuleIndex = ReadonlyMap<string, RuleMeta>

export function ruleIndex(run: RunResult): RuleIndex {
  return new Map((run.rules ?? registry.metas).map((meta) => [meta.id, meta]))
}

export function highlightKind(finding: Finding, rules: RuleIndex): HighlightKind {
  const style = rules.get(finding.ruleId)?.highlight?.style
  if (style !== undefined) return style
  // Findings of the user's retext plugins, and of axe-core's rules on text, have no rule of their own here.
  if (finding.category === 'style') return 'style'
  if (finding.category === 'accessibility') return 'a11y'
  return 'other'
}

export interface LegendEntry {
  readonly kind: HighlightStyle
  readonly label: string
  readonly cue: string
}

/** The legend: each highlight the rules name, once per style and label, in the order of the styles. */
export function legendOf(rules: RuleIndex): LegendEntry[] {
  const entries = new Map<string, LegendEntry>()
  for (const meta of rules.values()) {
    const highlight = meta.highlight
    if (highlight) entries.set(`${highlight.style}\u0000${highlight.label}`, {kind: highlight.style, label: highlight.label, cue: cues[highlight.style]})
  }
  return [...entries.values()].sort((a, b) => highlightStyles.indexOf(a.kind) - highlightStyles.indexOf(b.kind))
}

/** What a tip calls a finding: its rule's highlight label, else the first label of its style in the legend. */
export function kindLabel(finding: Finding, kind: HighlightKind, rules: RuleIndex): string {
  const own = rules.get(finding.ruleId)?.highlight
  if (own?.style === kind) return own.label
  let labels = styleLabels.get(rules)
  if (!labels) {
    labels = new Map()
    for (const entry of legendOf(rules)) if (!labels.has(entry.kind)) labels.set(entry.kind, entry.label)
    styleLabels.set(rules, labels)
  }
  return labels.get(kind as HighlightStyle) ?? 'Finding'
}

/** Each run's first legend label of each style, worked out once per run, not once per tip. */
const styleLabels = new WeakMap<RuleIndex, Map<HighlightStyle, string>>()

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
