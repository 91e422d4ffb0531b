import type {FaircopyErrorCode} from '../errors.ts'
import type {AuditReport} from '../report/schema.ts'

/** One file of a run: its report, or why it could not be audited. */
export type RunEntry =
  | {readonly path: string; readonly report: AuditReport}
  | {readonly path: string; readonly error: {readonly code: FaircopyErrorCode | 'E_INTERNAL'; readonly message: string}}

/** What reporters format: every file of a run, in the order given. */
export interface RunResult {
  readonly entries: readonly RunEntry[]
}
