import {auditFile} from '../audit.ts'
import {FaircopyError} from '../errors.ts'
import type {AuditReport} from '../report/schema.ts'
import type {FailedEntry} from '../reporters/types.ts'
import type {AuditOptions} from '../settings.ts'

export interface AuditTask {
  /** The file as the run shows it (relative to the working folder when inside it). */
  readonly path: string
  /** The absolute file to read. */
  readonly file: string
  readonly options: AuditOptions
}

export type TaskResult = {readonly report: AuditReport} | {readonly error: FailedEntry['error']}

/** Audits one file; errors become data, so a bad file never stops the others. Runs in a worker or in process. */
export async function auditTask(task: AuditTask): Promise<TaskResult> {
  try {
    return {report: await auditFile(task.file, {...task.options, path: task.path})}
  } catch (error) {
    if (error instanceof FaircopyError) return {error: {code: error.code, message: error.message}}
    return {error: {code: 'E_INTERNAL', message: `${task.path}: internal error: ${error instanceof Error ? error.message : String(error)}`}}
  }
}
