import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {Tinypool} from 'tinypool'
import {auditTask, type AuditTask, type TaskResult} from './worker.ts'

/**
 * Audits every task, in `jobs` worker threads when there is more than one task and one job, else in this
 * thread. Results come back in the order of the tasks; `onDone` hears of each as it finishes.
 */
export async function auditAll(tasks: readonly AuditTask[], jobs: number, onDone: (task: AuditTask) => void): Promise<TaskResult[]> {
  const threads = Math.min(jobs, tasks.length)
  if (threads <= 1) {
    const results: TaskResult[] = []
    for (const task of tasks) {
      results.push(await auditTask(task))
      onDone(task)
    }
    return results
  }
  const pool = new Tinypool({...workerFile(), name: 'auditTask', minThreads: threads, maxThreads: threads})
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const result = (await pool.run(task)) as TaskResult
        onDone(task)
        return result
      })
    )
  } finally {
    await pool.destroy()
  }
}

/** The built worker next to this module; from source (tests), the TypeScript file through tsx. */
function workerFile(): {filename: string; execArgv?: string[]} {
  const built = new URL('./worker.js', import.meta.url)
  if (existsSync(fileURLToPath(built))) return {filename: built.href}
  return {filename: new URL('./worker.ts', import.meta.url).href, execArgv: ['--import', 'tsx']}
}
