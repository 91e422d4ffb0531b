import type {Finding, Severity, Summary} from './schema.ts'

const rank: Readonly<Record<Severity, number>> = {info: 0, warning: 1, error: 2}

/** Whether a finding of this severity fails a gate set to `failOn`. */
export function failsGate(severity: Severity, failOn: Severity | 'never'): boolean {
  return failOn !== 'never' && rank[severity] >= rank[failOn]
}

export function summarize(findings: readonly Finding[], failOn: Severity | 'never'): Summary {
  const byCategory: Record<string, number> = {}
  for (const finding of findings) byCategory[finding.category] = (byCategory[finding.category] ?? 0) + 1
  return {
    passed: !findings.some((finding) => failsGate(finding.severity, failOn)),
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    infos: findings.filter((finding) => finding.severity === 'info').length,
    byCategory
  }
}
