import type {Finding, Impact, PassiveVoice, Readability, Severity, Summary} from './schema.ts'

const rank: Readonly<Record<Severity, number>> = {info: 0, warning: 1, error: 2}
const impactRank: Readonly<Record<Impact, number>> = {minor: 0, moderate: 1, serious: 2, critical: 3}

/** The thresholds a run is gated on. */
export interface GateSettings {
  readonly failOn: Severity | 'never'
  /** Set only when the user asks to fail above a grade (`maxGrade`); a preset's target alone never fails. */
  readonly maxGrade: number | undefined
  readonly maxPassivePercent: number | undefined
  readonly accessibilityFailOn: Impact | undefined
}

/** Whether a finding of this severity fails a gate set to `failOn`. */
export function failsGate(severity: Severity, failOn: Severity | 'never'): boolean {
  return failOn !== 'never' && rank[severity] >= rank[failOn]
}

/**
 * The gate's verdict and its reasons. Findings whose fingerprint is `known` (a baseline) never fail it.
 */
export function gate(
  findings: readonly Finding[],
  readability: Readability,
  passive: PassiveVoice,
  settings: GateSettings,
  known: ReadonlySet<string> = new Set()
): {passed: boolean; failures: string[]} {
  const fresh = findings.filter((finding) => !known.has(finding.fingerprint))
  const failures: string[] = []
  const failing = fresh.filter((finding) => failsGate(finding.severity, settings.failOn))
  if (failing.length > 0) failures.push(`${count(failing.length, 'finding')} at ${settings.failOn} or above`)
  if (settings.accessibilityFailOn !== undefined) {
    const limit = impactRank[settings.accessibilityFailOn]
    const violations = fresh.filter((finding) => finding.impact !== undefined && impactRank[finding.impact] >= limit)
    if (violations.length > 0) failures.push(`${count(violations.length, 'accessibility violation')} of ${settings.accessibilityFailOn} impact or worse`)
  }
  if (settings.maxGrade !== undefined && readability.gradeLevel > settings.maxGrade) {
    failures.push(`reading grade ${readability.gradeLevel} is above the maximum of ${settings.maxGrade}`)
  }
  if (settings.maxPassivePercent !== undefined && passive.percent > settings.maxPassivePercent) {
    failures.push(`passive voice in ${passive.percent}% of sentences is above the maximum of ${settings.maxPassivePercent}%`)
  }
  return {passed: failures.length === 0, failures}
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

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`
}
