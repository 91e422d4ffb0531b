import {SCHEMA_VERSION} from '../report/schema.ts'
import {joined, jsonChunks} from './stream.ts'
import {isAudited, type RunResult} from './types.ts'

/** `{ schemaVersion, summary, files: AuditReport[], errors, results }`: every report, the files that could not be audited, and each file's verdict. */
export function toJson(run: RunResult): string {
  return joined(jsonReport(run))
}

/** The JSON report in pieces, as the CLI writes it: no run is too large for it (see `jsonChunks`). */
export function jsonReport(run: RunResult): Iterable<string> {
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
  // Each file's verdict, in run order, with the fingerprints a baseline knew: what `faircopy merge` needs to rebuild the run.
  const results = run.entries.map((entry) =>
    isAudited(entry) ? {path: entry.path, passed: entry.passed, failures: entry.failures, known: entry.known} : {path: entry.path, error: entry.error}
  )
  return (function* () {
    yield* jsonChunks({schemaVersion: SCHEMA_VERSION, summary, ...(run.shard ? {shard: run.shard} : {}), files, errors, results})
    yield '\n'
  })()
}
