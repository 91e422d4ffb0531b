import {plural} from '../wording.ts'
import type {Finding, Impact, PassiveVoice, Readability, Severity, Summary} from './schema.ts'

/** Severities in rising order: what the gate, the reporters and the matcher compare. */
export const severityRank: Readonly<Record<Severity, number>> = {info: 0, warning: 1, error: 2}
const impactRank: Readonly<Record<Impact, number>> = {minor: 0, moderate: 1, serious: 2, critical: 3}

/** The thresholds a run is gated on. */
export interface GateSettings {
  readonly failOn: Severity | 'never'
  /** Set only when the user asks to fail above a grade (`maxGrade`); a preset's target alone never fails. */
  readonly maxGrade: number | undefined
  readonly maxPassivePercent: number | undefined
  readonly accessibility: {readonly failOn: Impact | undefined}
}

/** Whether a finding of this severity fails a gate set to `failOn`. */
export function failsGate(severity: Severity, failOn: Severity | 'never'): boolean {
  return failOn !== 'never' && severityRank[severity] >= severityRank[failOn]
}

/** The gate's verdict: whether it passed, why not in words, the findings that fail it and the limits exceeded. */
export interface Verdict {
  readonly passed: boolean
  readonly failures: string[]
  /** The findings at or above `failOn` or the accessibility impact, in the order given. */
  readonly failing: Finding[]
  /** The grade and passive-share limits exceeded, in words. */
  readonly limits: string[]
}

/**
 * The gate's verdict and its reasons. Findings whose fingerprint is `known` (a baseline) never fail it.
 */
export function gate(findings: readonly Finding[], readability: Readability, passive: PassiveVoice, settings: GateSettings, known: ReadonlySet<string> = new Set()): Verdict {
  const fresh = findings.filter((finding) => !known.has(finding.fingerprint))
  const failures: string[] = []
  const bySeverity = fresh.filter((finding) => failsGate(finding.severity, settings.failOn))
  if (bySeverity.length > 0) failures.push(`${plural(bySeverity.length, 'finding')} at ${settings.failOn} or above`)
  const impact = settings.accessibility.failOn
  const byImpact = impact === undefined ? [] : fresh.filter((finding) => finding.impact !== undefined && impactRank[finding.impact] >= impactRank[impact])
  if (byImpact.length > 0) failures.push(`${plural(byImpact.length, 'accessibility violation')} of ${impact} impact or worse`)
  const limits: string[] = []
  if (settings.maxGrade !== undefined && readability.gradeLevel > settings.maxGrade) {
    limits.push(`reading grade ${readability.gradeLevel} is above the maximum of ${settings.maxGrade}`)
  }
  if (settings.maxPassivePercent !== undefined && passive.percent > settings.maxPassivePercent) {
    limits.push(`passive voice in ${passive.percent}% of sentences is above the maximum of ${settings.maxPassivePercent}%`)
  }
  failures.push(...limits) // bounded: one per gate limit
  const failing = fresh.filter((finding) => bySeverity.includes(finding) || byImpact.includes(finding))
  return {passed: failures.length === 0, failures, failing, limits}
}

export function summarize(
  findings: readonly Finding[],
  suppressed: number,
  readability: Readability,
  passive: PassiveVoice,
  settings: GateSettings
): Summary {
  const byCategory: Record<string, number> = {}
  for (const finding of findings) byCategory[finding.category] = (byCategory[finding.category] ?? 0) + 1
  const verdict = gate(findings, readability, passive, settings)
  return {
    passed: verdict.passed,
    failures: verdict.failures,
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    infos: findings.filter((finding) => finding.severity === 'info').length,
    suppressed,
    byCategory
  }
}
