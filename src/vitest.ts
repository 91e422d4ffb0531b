import type {Matcher, MatcherState} from 'vitest'
import type {AuditReport, Finding, Severity} from './report/schema.ts'
import {gate, severityRank} from './report/summary.ts'

/** What `expect(report).toPassAudit(options)` checks. */
export interface PassAuditOptions {
  /** Lowest severity that fails the assertion; default `error`. */
  failOn?: Severity | undefined
  /** Highest consensus reading grade (`report.readability.gradeLevel`) allowed. */
  maxGrade?: number | undefined
  /** Highest share of passive sentences (`report.passiveVoice.percent`, 0–100) allowed. */
  maxPassivePercent?: number | undefined
  /** Only findings of these rule ids count. */
  rules?: readonly string[] | undefined
  /** Findings of these rule ids never count. */
  ignore?: readonly string[] | undefined
}

/** A custom matcher's result, as Vitest (and Jest) expect it. */
export interface PassAuditResult {
  pass: boolean
  message: () => string
}

/**
 * Passes when the report passes faircopy's gate with these limits: no finding at or above `failOn` counts, and the
 * reading grade and passive share are within their limits when given. Register it with `expect.extend(faircopyMatchers)`.
 */
export function toPassAudit(this: unknown, received: AuditReport, options: PassAuditOptions = {}): PassAuditResult {
  const report = checkReport(received)
  const {failOn = 'error', maxGrade, maxPassivePercent, rules, ignore} = checkOptions(options)
  const counted = report.findings.filter((finding) => (rules === undefined || rules.includes(finding.ruleId)) && !(ignore?.includes(finding.ruleId) ?? false))
  const verdict = gate(counted, report.readability, report.passiveVoice, {failOn, maxGrade, maxPassivePercent, accessibility: {failOn: undefined}})
  const grade = report.readability.gradeLevel
  const passive = report.passiveVoice.percent
  const name = report.source.path ?? 'the article'
  const place = (finding: Finding) =>
    `${report.source.path === undefined ? '' : `${report.source.path}:`}${finding.location.start.line}:${finding.location.start.column}`
  const problems = [
    ...verdict.failing.toSorted(byPosition).map((finding) => `  ${place(finding)}  ${finding.severity}  ${finding.message}  (${finding.ruleId})`),
    ...verdict.limits.map((limit) => `  ${limit}`)
  ]
  if (problems.length > 0) return {pass: false, message: () => [`${name} does not pass the faircopy audit:`, ...problems].join('\n')}
  const checks = [`no finding at ${failOn} or above counts`]
  if (maxGrade !== undefined) checks.push(`reading grade ${grade} is at most ${maxGrade}`)
  if (maxPassivePercent !== undefined) checks.push(`passive voice share ${passive}% is at most ${maxPassivePercent}%`)
  return {pass: true, message: () => `expected ${name} to fail the faircopy audit, but it passed: ${checks.join(', ')}`}
}

// Typed with vitest's types so the .d.ts imports vitest: else the augmentation below misses Assertion when a suite imports faircopy/vitest first.
/** The matchers to hand to `expect.extend`. */
export const faircopyMatchers: {toPassAudit: Matcher<MatcherState, [options?: PassAuditOptions]>} = {toPassAudit}

declare module 'vitest' {
  interface Assertion<T = any> {
    /** Passes when the `AuditReport` has no finding at or above `failOn` (default `error`) and keeps within the limits given. */
    toPassAudit(options?: PassAuditOptions): void
  }
  interface AsymmetricMatchersContaining {
    toPassAudit(options?: PassAuditOptions): void
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.location.start.offset - b.location.start.offset || a.location.end.offset - b.location.end.offset
}

function checkReport(received: unknown): AuditReport {
  if (typeof received === 'object' && received !== null) {
    if ('then' in received && typeof received.then === 'function') {
      throw new TypeError('toPassAudit expects an AuditReport but received a promise: await audit() or auditFile() first.')
    }
    if ('findings' in received && Array.isArray(received.findings) && 'readability' in received && 'passiveVoice' in received && 'source' in received) {
      return received as AuditReport
    }
  }
  throw new TypeError(`toPassAudit expects an AuditReport from faircopy's audit() or auditFile(), but received ${show(received)}.`)
}

// Matchers are often called from plain JavaScript, where a misspelt option would otherwise loosen the check silently.
function checkOptions(options: PassAuditOptions): PassAuditOptions {
  const known = new Set(['failOn', 'maxGrade', 'maxPassivePercent', 'rules', 'ignore'])
  const unknown = Object.keys(options).filter((key) => !known.has(key))
  if (unknown.length > 0) throw new TypeError(`toPassAudit: unknown option ${unknown.join(', ')}.`)
  if (options.failOn !== undefined && !Object.hasOwn(severityRank, options.failOn)) {
    throw new TypeError(`toPassAudit: failOn must be 'error', 'warning' or 'info', not ${show(options.failOn)}.`)
  }
  for (const key of ['maxGrade', 'maxPassivePercent'] as const) {
    const value = options[key]
    if (value !== undefined && (typeof value !== 'number' || Number.isNaN(value))) {
      throw new TypeError(`toPassAudit: ${key} must be a number, not ${show(value)}.`)
    }
  }
  for (const key of ['rules', 'ignore'] as const) {
    const value = options[key]
    if (value !== undefined && !(Array.isArray(value) && value.every((id) => typeof id === 'string'))) {
      throw new TypeError(`toPassAudit: ${key} must be an array of rule ids, not ${show(value)}.`)
    }
  }
  return options
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : typeof value
}
