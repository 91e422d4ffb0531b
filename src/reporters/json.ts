import {SCHEMA_VERSION} from '../report/schema.ts'
import {isAudited, type RunResult} from './types.ts'

/** `{ schemaVersion, summary, files: AuditReport[], errors }`: every report, and the files that could not be audited. */
export function toJson(run: RunResult): string {
  const audited = run.entries.filter(isAudited)
  const files = audited.map((entry) => entry.report)
  const errors = run.entries.flatMap((entry) => ('error' in entry ? [{path: entry.path, ...entry.error}] : []))
  const summary = {
    files: run.entries.length,
    passed: run.passed,
    errors: files.reduce((sum, report) => sum + report.summary.errors, 0),
    warnings: files.reduce((sum, report) => sum + report.summary.warnings, 0),
    infos: files.reduce((sum, report) => sum + report.summary.infos, 0),
    suppressed: files.reduce((sum, report) => sum + report.summary.suppressed, 0),
    known: audited.reduce((sum, entry) => sum + entry.known.length, 0),
    unaudited: errors.length
  }
  return `${JSON.stringify({schemaVersion: SCHEMA_VERSION, summary, files, errors}, null, 2)}\n`
}
