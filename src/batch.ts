import {existsSync} from 'node:fs'
import {MessageChannel, type MessagePort} from 'node:worker_threads'
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Tinypool} from 'tinypool'
import {FaircopyError} from './errors.ts'
import type {FileResult} from './report/result.ts'
import {normalizeOptions, type AuditOptions, type Settings} from './settings.ts'
import type {AuditTask} from './worker.ts'

export type {FileResult}

export interface BatchOptions extends AuditOptions {
  /** Worker threads; default 1 (this thread). Options with `plugins` or `customRules` run in this thread: functions cannot cross. */
  readonly jobs?: number | undefined
  /**
   * Seconds one file may take; a file that takes longer is stopped (its worker is replaced) and reported with
   * `E_TIMEOUT`, and the rest go on. With a timeout every file runs in a worker thread, `jobs: 1` included.
   * Without one, each audit keeps its own limit (`timeout` of `audit()`, default 60 s) between its steps.
   */
  readonly timeout?: number | undefined
}

/** How `runTasks` runs: threads, and the per-file time limit in seconds (none when undefined). */
export interface RunOptions {
  readonly jobs: number
  readonly timeout?: number | undefined
}

/**
 * Audits a task in this thread. The audit engine (jsdom, axe-core, the word lists) loads on first use, so a
 * run that sends every file to worker threads never loads it in the main thread: less memory, faster start.
 */
let engine: Promise<typeof import('./worker.ts')> | undefined
async function auditHere(task: AuditTask): Promise<FileResult> {
  engine ??= import('./worker.ts')
  return (await engine).auditTask(task)
}

/**
 * Each worker's old-generation heap limit when there are several. Without one, V8 sizes the heap from the
 * machine's memory and collects lazily: two workers reached 850 MB over 1,000 articles (the bench). With this
 * limit they stay near 450 MB together, at the price of more frequent collection (about a fifth more time); a
 * 1.5 MB article still fits with room to spare.
 */
const WORKER_HEAP_MB = 768

/** One finished task, with its place in the order the tasks came. */
export interface Finished {
  readonly index: number
  readonly task: AuditTask
  readonly result: FileResult
}

/**
 * Audits tasks in `jobs` worker threads (tinypool), or in this thread for one job, and yields each as it
 * finishes. Tasks are pulled from the iterable only as slots free up (at most two per thread in flight), so a
 * list of 100,000 paths, or a generator of them, never has more than a few files open at once.
 */
export async function* runTasks(tasks: Iterable<AuditTask> | AsyncIterable<AuditTask>, options: RunOptions): AsyncGenerator<Finished> {
  const {jobs, timeout} = options
  if (!Number.isInteger(jobs) || jobs < 1) throw new FaircopyError('E_OPTIONS_INVALID', `jobs must be a whole number of 1 or more, not ${String(jobs)}.`)
  if (timeout !== undefined && !(timeout > 0)) throw new FaircopyError('E_OPTIONS_INVALID', `timeout must be a number of seconds above 0, not ${String(timeout)}.`)
  if (jobs === 1 && timeout === undefined) {
    let index = 0
    for await (const task of tasks) yield {index: index++, task, result: await auditHere(task)}
    return
  }
  const pool = poolOf(jobs)
  // Two files per thread keep the threads busy (a file's clock starts only when its worker begins it).
  const limit = jobs * 2
  const running = new Map<number, Promise<Finished>>()
  const iterator = (Symbol.asyncIterator in tasks ? tasks[Symbol.asyncIterator]() : tasks[Symbol.iterator]()) as AsyncIterator<AuditTask> | Iterator<AuditTask>
  let index = 0
  let exhausted = false
  try {
    while (true) {
      while (!exhausted && running.size < limit) {
        const next = await iterator.next()
        if (next.done) {
          exhausted = true
          break
        }
        // The worker's clock is the hard limit; the audit's own, cooperative one is given the same time.
        const task = timeout === undefined ? next.value : {...next.value, settings: {...next.value.settings, timeout}}
        const at = index++
        // A task with functions in its settings (plugins, rules of the user's) cannot be sent to a worker: it runs here.
        const here = holdsFunctions(task.settings)
        const clock = timeout === undefined || here ? undefined : startClock(timeout)
        const work = here
          ? auditHere(task)
          : (pool.run(clock ? {...task, started: clock.port} : task, clock ? {signal: clock.signal, transferList: [clock.port]} : {}) as Promise<FileResult>)
        const settled = work
          .then(
            (result) => result,
            (error: unknown): FileResult =>
              clock?.signal.aborted
                ? {path: task.path, error: {code: 'E_TIMEOUT', message: `${task.path} took longer than ${timeout} s and was stopped.`}}
                : {path: task.path, error: {code: 'E_INTERNAL', message: `${task.path}: the worker failed: ${error instanceof Error ? error.message : String(error)}`}}
          )
          .finally(() => clock?.stop())
        running.set(at, settled.then((result) => ({index: at, task, result})))
      }
      if (running.size === 0) return
      const finished = await Promise.race(running.values())
      running.delete(finished.index)
      yield finished
    }
  } finally {
    await Promise.allSettled(running.values())
  }
}

/**
 * The worker pools of this process, by thread count. A pool outlives the run that made it: a process that audits
 * again soon (a language server, a watch, a test suite, a script calling `auditFiles` in a loop) finds its workers
 * with the engine loaded, instead of paying most of a second per worker to load jsdom, axe-core and the tagger.
 * An idle worker never keeps the process alive (tinypool unrefs it); `closeWorkers()` ends them all, to give
 * their memory back sooner.
 */
const pools = new Map<number, Tinypool>()

function poolOf(jobs: number): Tinypool {
  let pool = pools.get(jobs)
  if (pool === undefined) {
    pool = new Tinypool({
      ...workerFile(),
      name: 'auditTask',
      minThreads: jobs,
      maxThreads: jobs,
      // One worker's heap stays near 450 MB unbounded; several need the cap to stay within memory together.
      ...(jobs > 1 ? {resourceLimits: {maxOldGenerationSizeMb: WORKER_HEAP_MB}} : {})
    })
    pools.set(jobs, pool)
  }
  return pool
}

/** Ends every worker this process keeps for audits now, instead of when they have been idle a while. */
export async function closeWorkers(): Promise<void> {
  const all = [...pools.values()]
  pools.clear()
  await Promise.all(all.map((pool) => pool.destroy()))
}

/**
 * A file's clock. It starts when the worker begins the file (the worker says so on `port`), not when the file is
 * handed over: a worker that replaces a stopped one first spends most of a second loading the engine.
 */
function startClock(seconds: number): {port: MessagePort; signal: AbortSignal; stop: () => void} {
  const {port1, port2} = new MessageChannel()
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  port1.once('message', () => {
    timer = setTimeout(() => controller.abort(), seconds * 1000)
  })
  return {
    port: port2,
    signal: controller.signal,
    stop: () => {
      clearTimeout(timer)
      port1.close()
    }
  }
}

/** The built worker next to this module; from source (the tests), a bootstrap that loads the TypeScript through tsx. */
function workerFile(): {filename: string} {
  const built = new URL('./worker.js', import.meta.url)
  if (existsSync(fileURLToPath(built))) return {filename: built.href}
  return {filename: new URL('./worker.dev.mjs', import.meta.url).href}
}

/** Whether settings hold functions, which cannot be sent to a worker thread. */
function holdsFunctions(settings: Settings): boolean {
  return settings.plugins.length > 0 || settings.customRules.length > 0
}

/** The options are normalised once for the whole batch: a wrong one rejects before any file is read. */
async function* tasksOf(paths: Iterable<string> | AsyncIterable<string>, options: BatchOptions): AsyncGenerator<AuditTask> {
  const {jobs: _jobs, timeout: _timeout, ...auditOptions} = options
  const settings = normalizeOptions(auditOptions)
  for await (const path of paths) yield {path, file: resolve(path), settings: {...settings, path}}
}

/**
 * Audits many files and yields each result as soon as its file is done (not in order; each names its path).
 * A bad file is a result with an `error`, never a rejection: the rest go on.
 */
export async function* auditEach(paths: Iterable<string> | AsyncIterable<string>, options: BatchOptions = {}): AsyncGenerator<FileResult> {
  for await (const finished of runTasks(tasksOf(paths, options), {jobs: options.jobs ?? 1, timeout: options.timeout})) yield finished.result
}

/** Audits many files, in `jobs` worker threads, and resolves with their results in the order of the paths. */
export async function auditFiles(paths: Iterable<string> | AsyncIterable<string>, options: BatchOptions = {}): Promise<FileResult[]> {
  const results: FileResult[] = []
  for await (const finished of runTasks(tasksOf(paths, options), {jobs: options.jobs ?? 1, timeout: options.timeout})) results[finished.index] = finished.result
  return results
}
