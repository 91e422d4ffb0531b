import {auditFileWithText} from './audit.ts'
import {FaircopyError} from './errors.ts'
import type {AuditReport} from './report/schema.ts'
import type {FailedEntry} from './reporters/types.ts'
import type {MessagePort} from 'node:worker_threads'
import type {AuditOptions} from './settings.ts'

export interface AuditTask {
  /** The file as the run shows it (relative to the working folder when inside it). */
  readonly path: string
  /** The absolute file to read. */
  readonly file: string
  readonly options: AuditOptions
  /** Send the decoded text back too (the html reporter draws the article). */
  readonly withText?: boolean
  /** Told when the audit begins, so that the file's time limit counts from then. */
  readonly started?: MessagePort | undefined
}

export type TaskResult = {readonly report: AuditReport; readonly text?: string} | {readonly error: FailedEntry['error']}

/** Audits one file; errors become data, so a bad file never stops the others. Runs in a worker or in process. */
export async function auditTask(task: AuditTask): Promise<TaskResult> {
  task.started?.postMessage('started')
  task.started?.close()
  try {
    const {report, text} = await auditFileWithText(task.file, {...task.options, path: task.path})
    return task.withText ? {report, text} : {report}
  } catch (error) {
    if (error instanceof FaircopyError) return {error: {code: error.code, message: error.message}}
    return {error: {code: 'E_INTERNAL', message: `${task.path}: internal error: ${error instanceof Error ? error.message : String(error)}`}}
  }
}
