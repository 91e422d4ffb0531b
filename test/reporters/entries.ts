import {dirname} from 'node:path'
import type {AuditReport} from '../../src/index.ts'
import type {AuditedEntry, FailedEntry} from '../../src/reporters/types.ts'
import {fixture} from '../helpers.ts'

/** The run's working folder for reporter tests: the test folder, so fixture paths read `fixtures/…`. */
export const cwd = dirname(dirname(fixture('positions.md')))

/** A file that could not be audited. */
export const missing: FailedEntry = {path: 'missing.md', error: {code: 'E_INPUT_MISSING', message: 'missing.md does not exist.'}}

/** An audited file as the CLI would hand it to a reporter, with the report's own verdict unless overridden. */
export function entry(report: AuditReport, overrides: Partial<AuditedEntry> = {}): AuditedEntry {
  return {path: report.source.path ?? '', report, passed: report.summary.passed, failures: [], known: [], ...overrides}
}
