import type {Finding} from '../report/schema.ts'
import {isAudited, type AuditedEntry, type RunResult} from './types.ts'

/** What the terminal decided, passed in so that the reporter stays pure. */
export interface TextContext {
  readonly color: boolean
}

const codes = {red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1, underline: 4} as const

/** The terminal summary: findings grouped by file, `line:column severity message rule`, a summary line per file, a total. */
export function toText(run: RunResult, context: TextContext = {color: false}): string {
  const paint = (style: keyof typeof codes, text: string) => (context.color ? `\u001B[${codes[style]}m${text}\u001B[0m` : text)
  const blocks = run.entries.map((entry) =>
    isAudited(entry) ? fileBlock(entry, paint) : `${paint('underline', entry.path)}\n  ${paint('red', 'error')}  ${entry.error.message}  ${paint('dim', entry.error.code)}`
  )
  const audited = run.entries.filter(isAudited)
  const sum = (key: 'errors' | 'warnings' | 'infos') => audited.reduce((total, entry) => total + entry.report.summary[key], 0)
  const failed = run.entries.length - audited.length
  const total = [
    `${plural(run.entries.length, 'file')}: ${plural(sum('errors'), 'error')}, ${plural(sum('warnings'), 'warning')}, ${plural(sum('infos'), 'info')}`,
    ...(failed > 0 ? [`${failed} could not be audited`] : []),
    run.passed ? paint('green', 'passed') : paint('red', 'failed')
  ].join(' · ')
  return `${[...blocks, total].join('\n\n')}\n`
}

function fileBlock(entry: AuditedEntry, paint: (style: keyof typeof codes, text: string) => string): string {
  const {report} = entry
  const known = new Set(entry.known)
  const places = report.findings.map((finding) => `${finding.location.start.line}:${finding.location.start.column}`)
  const width = Math.max(0, ...places.map((place) => place.length))
  const lines = report.findings.map((finding, index) => {
    const severity = paint(severityColor(finding), finding.severity.padEnd(7))
    const mark = known.has(finding.fingerprint) ? ` ${paint('dim', '(baseline)')}` : ''
    return `  ${paint('dim', (places[index] as string).padEnd(width))}  ${severity}  ${finding.message}  ${paint('dim', finding.ruleId)}${mark}`
  })
  const {readability, passiveVoice, accessibility, summary} = report
  const violations = accessibility.violations.reduce((total, rule) => total + rule.nodes, 0)
  const facts = [
    `grade ${readability.gradeLevel} (target ${readability.targetGrade})`,
    `passive ${passiveVoice.percent}%`,
    plural(violations, 'accessibility violation'),
    ...(summary.suppressed > 0 ? [`${summary.suppressed} suppressed`] : []),
    ...(known.size > 0 ? [`${report.findings.filter((finding) => known.has(finding.fingerprint)).length} in baseline`] : []),
    entry.passed ? paint('green', 'passed') : paint('red', `failed: ${entry.failures.join('; ')}`)
  ]
  return [paint('underline', entry.path), ...lines, `  ${facts.join(' · ')}`].join('\n')
}

function severityColor(finding: Finding): keyof typeof codes {
  return finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'blue'
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
