import type {DraftFinding} from './report/finding.ts'
import {excerptAt, toLocation} from './report/finding.ts'
import type {Category, Severity} from './report/schema.ts'
import {ruleSeverity, type Settings} from './settings.ts'
import type {Position} from 'unist'

/** What every faircopy rule declares beside its check, like an ESLint rule's `meta`. */
export interface RuleMeta {
  readonly id: string
  readonly category: Category
  /** `off` for rules a preset or the user must turn on. */
  readonly defaultSeverity: Severity | 'off'
  readonly wcag: readonly string[]
  readonly description: string
  readonly helpUrl: string
}

export interface FindingInput {
  readonly position: Position
  readonly message: string
  readonly suggestions?: readonly string[]
  readonly source?: string
  readonly fingerprintBasis?: string
}

/** Builds the findings of one rule at the severity the settings give it (none when it is off). */
export function findingsFor(rule: RuleMeta, settings: Settings, source: string, inputs: readonly FindingInput[]): DraftFinding[] {
  const severity = ruleSeverity(settings, rule.id, rule.defaultSeverity)
  if (severity === 'off') return []
  return inputs.map((input) => {
    const location = toLocation(input.position)
    return {
      ruleId: rule.id,
      category: rule.category,
      severity,
      message: input.message,
      excerpt: excerptAt(source, location),
      location,
      suggestions: [...(input.suggestions ?? [])],
      source: input.source ?? 'faircopy',
      wcag: [...rule.wcag],
      helpUrl: rule.helpUrl,
      ...(input.fingerprintBasis === undefined ? {} : {fingerprintBasis: input.fingerprintBasis})
    }
  })
}

/** Quotes words for a message the way editors write them. */
export function quote(text: string): string {
  return `“${text}”`
}
