import type {AuditReport} from '../report/schema.ts'
import type {RunResult} from './types.ts'

/** The terminal summary: findings grouped by file, one line each, then a summary line per file and a total. */
export function toText(run: RunResult): string {
  const blocks = run.entries.map((entry) => {
    if ('error' in entry) return `${entry.path}\n  error  ${entry.error.message}  (${entry.error.code})`
    return fileBlock(entry.report)
  })
  const reports = run.entries.flatMap((entry) => ('report' in entry ? [entry.report] : []))
  const count = (key: 'errors' | 'warnings' | 'infos') => reports.reduce((sum, report) => sum + report.summary[key], 0)
  const failed = run.entries.length - reports.length
  const total = `${plural(run.entries.length, 'file')}: ${plural(count('errors'), 'error')}, ${plural(count('warnings'), 'warning')}, ${plural(count('infos'), 'info')}${failed > 0 ? `, ${failed} could not be audited` : ''}`
  return `${[...blocks, total].join('\n\n')}\n`
}

function fileBlock(report: AuditReport): string {
  const width = Math.max(0, ...report.findings.map((finding) => `${finding.location.start.line}:${finding.location.start.column}`.length))
  const lines = report.findings.map((finding) => {
    const place = `${finding.location.start.line}:${finding.location.start.column}`.padEnd(width)
    return `  ${place}  ${finding.severity.padEnd(7)}  ${finding.message}  ${finding.ruleId}`
  })
  const {readability, passiveVoice, accessibility, summary} = report
  const status = summary.passed ? 'passed' : 'failed'
  const line = `  grade ${readability.gradeLevel} (target ${readability.targetGrade}) · passive ${passiveVoice.percent}% · ${plural(accessibility.violations.reduce((sum, rule) => sum + rule.nodes, 0), 'accessibility violation')} · ${status}`
  return [report.source.path ?? '(input)', ...lines, line].join('\n')
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
