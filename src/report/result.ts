import type {FaircopyErrorCode} from '../errors.ts'
import type {AuditReport} from './schema.ts'

/** Why a file could not be audited: a code to branch on and one sentence. */
export interface FileError {
  readonly code: FaircopyErrorCode
  readonly message: string
}

/** A file that was audited: its report, and the decoded text the report points into when it was asked for. */
export interface AuditedFile {
  readonly path: string
  readonly report: AuditReport
  readonly text?: string | undefined
}

export interface FailedFile {
  readonly path: string
  readonly error: FileError
}

/** One file of a run, as a worker returns it, the batch API yields it and the reporters read it. */
export type FileResult = AuditedFile | FailedFile
