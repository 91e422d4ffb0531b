import type {MessagePort} from 'node:worker_threads'
import {auditBytesWith, auditFileWith} from './audit.ts'
import {FaircopyError} from './errors.ts'
import type {FileResult} from './report/result.ts'
import type {Settings} from './settings.ts'

export interface AuditTask {
  /** The file as the run shows it (relative to the working folder when inside it); the report's path. */
  readonly path: string
  /** The absolute file to read. */
  readonly file: string
  /** The article itself, when it was not read from a file (stdin): `file` is then only its name. */
  readonly bytes?: Uint8Array | undefined
  /** Normalised once, in the thread that made the task; `path` is the task's. */
  readonly settings: Settings
  /** Send the decoded text back too (reporters that draw the article). */
  readonly withText?: boolean
  /** Told when the audit begins, so that the file's time limit counts from then. */
  readonly started?: MessagePort | undefined
}

/** Audits one file; errors become data, so a bad file never stops the others. Runs in a worker or in process. */
export async function auditTask(task: AuditTask): Promise<FileResult> {
  task.started?.postMessage('started')
  task.started?.close()
  try {
    const {report, text} = task.bytes === undefined ? await auditFileWith(task.file, task.settings) : await auditBytesWith(task.bytes, task.settings)
    return task.withText ? {path: task.path, report, text} : {path: task.path, report}
  } catch (error) {
    if (error instanceof FaircopyError) return {path: task.path, error: {code: error.code, message: error.message}}
    return {path: task.path, error: {code: 'E_INTERNAL', message: `${task.path}: internal error: ${error instanceof Error ? error.message : String(error)}`}}
  }
}
