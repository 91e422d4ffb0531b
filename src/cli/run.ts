import {createHash} from 'node:crypto'
import {appendFileSync, readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {relative, resolve} from 'node:path'
import {WriteStream} from 'node:tty'
import {parseArgs} from 'node:util'
import {runTasks} from '../batch.ts'
import {FaircopyError} from '../errors.ts'
import {displayPath, relativePath} from '../paths.ts'
import {registryFor} from '../registry.ts'
import type {FileResult} from '../report/result.ts'
import type {AuditReport} from '../report/schema.ts'
import {gate, summarize} from '../report/summary.ts'
import {githubSummary, loadReporter, reporterNames, type LoadedReporter} from '../reporters/index.ts'
import {inert} from '../reporters/text.ts'
import type {AuditedEntry, RunEntry, RunResult, Shard} from '../reporters/types.ts'
import {DEFAULT_TIMEOUT, normalizeOptions, presetNames, type AuditOptions, type PresetName, type Settings} from '../settings.ts'
import {VERSION} from '../version.ts'
import type {AuditTask} from '../worker.ts'
import {readBaseline, updateBaseline, writeBaseline} from './baseline.ts'
import {isOneOf, writeSafely} from './write.ts'
import {isIgnored, layersFor, loadConfig, merge, optionsFor} from './config.ts'
import {initConfig} from './init.ts'
import {printConfig} from './print-config.ts'
import {argumentError} from './args.ts'
import {expandArguments} from './files.ts'
import {runMerge} from './merge.ts'
import {Progress, type ProgressStream} from './progress.ts'

export const USAGE = `Usage: faircopy [options] <file|glob|folder ...>
       faircopy merge [options] <shard.json ...>   (faircopy merge --help)

Audits articles (text, Markdown, HTML) for readability, passive voice, jargon and accessibility.

Options:
  -f, --format NAME        the report's format: ${reporterNames.join(', ')} (default text), a file,
                           or a package faircopy-reporter-NAME (--reporter is the same flag)
  -o, --output FILE        write the report to FILE instead of stdout (folders are created)
  -c, --config FILE        use this config; else faircopy.config.json, .faircopyrc.json or
                           package.json "faircopy", found from the working folder up to the repository root
  --preset NAME            ${presetNames.join(', ')}
  --max-grade N            fail when an article's consensus grade is above N
  --fail-on LEVEL          error, warning, info or never: lowest severity that fails (default error)
  --input-format FORMAT    read every file as text, markdown, mdx or html, whatever its extension
  --quiet                  report errors only: warnings and infos are left out and do not fail
  --max-warnings N         fail when the run has more than N warnings (not counting the baseline's)
  --color, --no-color      colour the text report or not (default: on a colour terminal;
                           FORCE_COLOR and NO_COLOR are honoured)
  --engine NAME            jsdom (default) or chromium: what renders the page for axe-core;
                           chromium judges contrast and layout (Chromium installed; FAIRCOPY_CHROMIUM)
  --baseline FILE          findings recorded in FILE are shown but do not fail
  --update-baseline        record the current findings in the --baseline FILE (which may not exist yet)
  --report-unused-disable-directives
                           warn of faircopy-disable comments that switch nothing off
  --jobs N                 audit in N worker threads (default: the number of cores)
  --shard I/N              audit only the I-th of N equal parts of the file list (CI matrix jobs)
  --timeout SECONDS        stop a file that takes longer, report it, go on (default 60)
  --files-from FILE        also audit the paths listed in FILE, one per line (- reads stdin)
  -0, --null               the --files-from list is NUL-separated (git diff -z, find -print0)
  --stdin-filename NAME    audit the article read from stdin (given as -) under this name: its format,
                           its config overrides and its report's path come from NAME
  --print-config FILE      print the settings FILE would be audited with, and where each came from
  --init                   write a commented faircopy.config.jsonc (asks the preset, or --init --preset NAME)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 the gate passed, 1 it failed, 2 the run could not be done as asked.`

/** What the CLI may touch of its process, passed in so tests can run it in-process. */
export interface CliIo {
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stdoutIsTTY: boolean
  readonly progress: ProgressStream
  /** Asks the person at the terminal one question (`--init`); absent when stdin is not a terminal. */
  readonly ask?: ((question: string) => Promise<string>) | undefined
  /** Reads all of stdin (`-` as a file, `--files-from -`); by default file descriptor 0. */
  readonly readStdin?: (() => Buffer) | undefined
}

/** Runs the CLI and returns its exit code; a user's mistake is one line on stderr and exit 2, never a throw. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return argv[0] === 'merge' ? await runMerge(argv.slice(1), io) : await run(argv, io)
  } catch (error) {
    if (!(error instanceof FaircopyError)) throw error
    io.stderr(`faircopy: ${error.message}\n`)
    return 2
  }
}

interface Flags {
  /** `--print-config FILE`: print that file's settings instead of auditing. */
  printConfig: string | undefined
  /** `--init`: write a starter config instead of auditing. */
  init: boolean
  /** `--stdin-filename NAME`: the name the article read from stdin (`-`) is audited under. */
  stdinFilename: string | undefined
  reporter: string
  output: string | undefined
  quiet: boolean
  maxWarnings: number | undefined
  color: boolean | undefined
  config: string | undefined
  baseline: string | undefined
  updateBaseline: boolean
  jobs: number
  timeout: number
  shard: Shard | undefined
  options: AuditOptions
  files: string[]
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, io)
  if (typeof flags === 'number') return flags

  if (flags.init) return initConfig(flags.options.preset as PresetName | undefined, {cwd: io.cwd, stdout: io.stdout, ask: io.ask})
  const loaded = await loadConfig(io.cwd, flags.config)
  const label = loaded.path ? relative(io.cwd, loaded.path) : 'options'
  if (flags.printConfig !== undefined) {
    const file = resolve(io.cwd, flags.printConfig)
    const printed = printConfig(displayPath(io.cwd, file), loaded.path && label, layersFor(loaded, file, label), flags.options)
    io.stdout(`${JSON.stringify(printed, null, 2)}\n`)
    return 0
  }
  const reporter = await loadReporter(flags.reporter, io.cwd)
  const expanded = await expandArguments(flags.files, io.cwd, (file) => isIgnored(loaded, file))
  let stdinRead = false
  const items = expanded.flatMap((item): Array<{file: string; bytes?: Uint8Array} | {path: string; message: string}> => {
    if ('unmatched' in item) return [{path: item.path, message: item.unmatched}]
    if ('stdin' in item) {
      if (stdinRead) return []
      stdinRead = true
      return [{file: resolve(io.cwd, flags.stdinFilename ?? STDIN_NAME), bytes: readStdin(io)}]
    }
    return item.files.map((file) => ({file}))
  })
  const tasks: AuditTask[] = []
  const order: Array<{task: AuditTask} | {path: string; message: string}> = []
  const shard = flags.shard && {...flags.shard, list: listHash(items.map((item) => ('message' in item ? item.path : relativePath(io.cwd, item.file))))}
  for (const item of shard ? shardOf(items, shard) : items) {
    if ('message' in item) {
      order.push(item)
      continue
    }
    const path = item.bytes !== undefined && flags.stdinFilename === undefined ? STDIN_NAME : displayPath(io.cwd, item.file)
    const settings = settingsFor({...merge(optionsFor(loaded, item.file), flags.options), path}, label)
    const task: AuditTask = {path, file: resolve(io.cwd, item.file), bytes: item.bytes, settings, withText: reporter.needs.text === true}
    tasks.push(task)
    order.push({task})
  }

  // The report or the baseline must not replace an article it is about.
  const inputs = tasks.flatMap((task) => (task.bytes === undefined ? [task.file] : []))
  for (const [flag, path] of [['--output', flags.output], ['--baseline', flags.baseline]] as const) {
    if (path !== undefined && isOneOf(resolve(io.cwd, path), inputs)) throw new FaircopyError('E_USAGE', `${flag} ${path} is one of the articles audited; write it elsewhere.`)
  }

  // Read before any file is audited: a baseline that is not there is found out before the long part of the run.
  const baselinePath = flags.baseline === undefined ? undefined : resolve(io.cwd, flags.baseline)
  let baseline = baselinePath === undefined ? undefined : readBaseline(baselinePath, flags.baseline as string, flags.updateBaseline)

  const progress = new Progress(io.progress, tasks.length)
  const results: FileResult[] = []
  for await (const finished of runTasks(tasks, {jobs: Math.min(flags.jobs, Math.max(1, tasks.length)), timeout: flags.timeout})) {
    results[finished.index] = finished.result
    progress.tick(finished.task.path)
  }
  progress.finish()
  const byTask = new Map(tasks.map((task, index) => [task, results[index]]))

  if (flags.updateBaseline && baseline && baselinePath) {
    const current = new Map<string, string[]>()
    for (const task of tasks) {
      const result = byTask.get(task)
      if (result && 'report' in result) current.set(baselineKey(io.cwd, task.path), result.report.findings.map((finding) => finding.fingerprint))
    }
    baseline = updateBaseline(baseline, current)
    writeBaseline(baselinePath, baseline)
  }

  const entries: RunEntry[] = order.map((item): RunEntry => {
    if ('message' in item) return {path: item.path, error: {code: 'E_INPUT_MISSING', message: item.message}}
    const audited = byTask.get(item.task)
    if (!audited || 'error' in audited) return {path: item.task.path, error: audited?.error ?? {code: 'E_INTERNAL', message: `${item.task.path}: no result`}}
    const result = flags.quiet ? {...audited, report: errorsOnly(audited.report, item.task.settings)} : audited
    const recorded = new Set(baseline?.files.get(baselineKey(io.cwd, item.task.path)) ?? [])
    const known = result.report.findings.map((finding) => finding.fingerprint).filter((fingerprint) => recorded.has(fingerprint))
    const verdict = gate(result.report.findings, result.report.readability, result.report.passiveVoice, item.task.settings, new Set(known))
    return {path: item.task.path, report: result.report, passed: verdict.passed, failures: verdict.failures, known, text: result.text} satisfies AuditedEntry
  })
  const custom = loaded.config.customRules ?? []
  const runResult: RunResult = {
    entries,
    cwd: io.cwd,
    passed: entries.every((entry) => 'report' in entry && entry.passed),
    ...(shard ? {shard} : {}),
    ...(custom.length > 0 ? {rules: registryFor({customRules: custom}).metas} : {})
  }
  const code = await emit(runResult, reporter, flags.output, io, flags.color)
  if (flags.maxWarnings === undefined || code === 2) return code
  const warnings = countWarnings(entries)
  if (warnings <= flags.maxWarnings) return code
  io.stderr(`faircopy: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found, more than --max-warnings ${flags.maxWarnings} allows.\n`)
  return 1
}

/** What the article read from stdin is called without `--stdin-filename`. */
const STDIN_NAME = '<stdin>'

/** All of stdin, as the CLI's io reads it. */
function stdinBytes(io: CliIo): Buffer {
  return io.readStdin ? io.readStdin() : readFileSync(0)
}

function readStdin(io: CliIo): Buffer {
  try {
    return stdinBytes(io)
  } catch (error) {
    throw usage(`- (stdin) could not be read: ${(error as Error).message}`)
  }
}

/** `--quiet`: the report as if only its errors had been found, its summary and verdict worked out again from them. */
function errorsOnly(report: AuditReport, settings: Settings): AuditReport {
  const findings = report.findings.filter((finding) => finding.severity === 'error')
  return {...report, findings, summary: summarize(findings, report.summary.suppressed, report.readability, report.passiveVoice, settings)}
}

/** The run's warnings that count against `--max-warnings`: those the baseline does not already know. */
function countWarnings(entries: readonly RunEntry[]): number {
  let count = 0
  for (const entry of entries) {
    if (!('report' in entry)) continue
    const known = new Set(entry.known)
    for (const finding of entry.report.findings) if (finding.severity === 'warning' && !known.has(finding.fingerprint)) count++
  }
  return count
}

/** Writes the run with its reporter (to stdout or `--output`), the GitHub job summary, and returns the exit code. */
export async function emit(runResult: RunResult, reporter: LoadedReporter, output: string | undefined, io: CliIo, color?: boolean): Promise<number> {
  const text = await reporter.report(runResult, {color: output === undefined && (color ?? hasColors(io))})
  if (output === undefined) {
    if (typeof text === 'string') io.stdout(text)
    else for (const piece of batched(text)) io.stdout(piece)
  } else {
    const target = resolve(io.cwd, output)
    writeSafely(target, text, '--output')
    // The report is in a file; what could not be audited is said where the person running faircopy looks too.
    for (const entry of runResult.entries) if ('error' in entry) io.stderr(`faircopy: ${inert(entry.error.message)} (${inert(entry.error.code)})\n`)
  }
  const summaryFile = io.env['GITHUB_STEP_SUMMARY']
  if (reporter.name === 'github' && summaryFile) appendFileSync(summaryFile, await githubSummary(runResult))

  if (runResult.entries.some((entry) => 'error' in entry)) return 2
  return runResult.passed ? 0 : 1
}

/** Pieces of a reporter's output joined up to about a megabyte: few writes, and never one string of the whole run. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let buffer = ''
  for (const piece of pieces) {
    buffer += piece
    if (buffer.length >= 1 << 20) {
      yield buffer
      buffer = ''
    }
  }
  if (buffer !== '') yield buffer
}

/** The options `faircopy [options] <files>` takes, as `parseArgs` reads them. */
const RUN_OPTIONS = {
  reporter: {type: 'string'},
  format: {type: 'string', short: 'f'},
  'input-format': {type: 'string'},
  output: {type: 'string', short: 'o'},
  config: {type: 'string', short: 'c'},
  quiet: {type: 'boolean'},
  'max-warnings': {type: 'string'},
  color: {type: 'boolean'},
  preset: {type: 'string'},
  'max-grade': {type: 'string'},
  'fail-on': {type: 'string'},
  engine: {type: 'string'},
  baseline: {type: 'string'},
  'update-baseline': {type: 'boolean'},
  'report-unused-disable-directives': {type: 'boolean'},
  jobs: {type: 'string'},
  shard: {type: 'string'},
  timeout: {type: 'string'},
  'files-from': {type: 'string'},
  'stdin-filename': {type: 'string'},
  'print-config': {type: 'string'},
  init: {type: 'boolean'},
  null: {type: 'boolean', short: '0'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'}
} as const

function parseFlags(argv: readonly string[], io: CliIo): Flags | number {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], allowPositionals: true, allowNegative: true, options: RUN_OPTIONS})
  } catch (error) {
    throw usage(argumentError(error as Error & {code?: string}, Object.keys(RUN_OPTIONS)))
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(`${USAGE}\n`)
    return 0
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  if (values.null && values['files-from'] === undefined) throw usage('-0 (--null) needs --files-from FILE')
  const listed = values['files-from'] === undefined ? [] : readFileList(values['files-from'], values.null === true, io)
  // An empty list is a run of no files (a pull request that changed no article), not a mistake.
  const alone = values['print-config'] !== undefined || values.init === true
  if (positionals.length === 0 && values['files-from'] === undefined && !alone) throw usage('no files given')
  if (alone && positionals.length > 0) throw usage(`${values.init ? '--init' : '--print-config FILE'} takes no files to audit, but was given ${positionals[0]}`)
  if (values.init && values['print-config'] !== undefined) throw usage('--init and --print-config are two different commands; give one')
  if (positionals.includes('-') && values['files-from'] === '-') throw usage('stdin can be read once: - as an article and --files-from - cannot both be given')
  if (values['stdin-filename'] !== undefined && !positionals.includes('-')) throw usage('--stdin-filename names the article read from stdin: give - among the files')
  if (values['update-baseline'] && values.baseline === undefined) throw usage('--update-baseline needs --baseline FILE')
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) throw usage(`--jobs takes a whole number of 1 or more, not "${values.jobs}"`)
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  const timeout = values.timeout === undefined ? DEFAULT_TIMEOUT : Number(values.timeout)
  if (!Number.isFinite(timeout) || timeout <= 0) throw usage(`--timeout takes a number of seconds above 0, not "${values.timeout}"`)
  const maxGrade = values['max-grade'] === undefined ? undefined : Number(values['max-grade'])
  if (maxGrade !== undefined && !Number.isFinite(maxGrade)) throw usage(`--max-grade takes a number, not "${values['max-grade']}"`)
  if (values.format !== undefined && values.reporter !== undefined && values.format !== values.reporter) {
    throw usage(`--format ${values.format} and --reporter ${values.reporter} name two report formats; give one (they are the same flag)`)
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw usage(`--max-warnings takes a whole number of 0 or more, not "${values['max-warnings']}"`)
  const options = {
    ...(values['input-format'] === undefined ? {} : {format: values['input-format']}),
    ...(values.engine === undefined ? {} : {engine: values.engine}),
    ...(values.preset === undefined ? {} : {preset: values.preset}),
    ...(maxGrade === undefined ? {} : {maxGrade}),
    ...(values['fail-on'] === undefined ? {} : {failOn: values['fail-on']}),
    ...(values['report-unused-disable-directives'] ? {rules: {'unused-suppression': 'warning'}} : {})
  } as AuditOptions
  settingsFor(options, 'command line')
  return {
    printConfig: values['print-config'],
    init: values.init === true,
    stdinFilename: values['stdin-filename'],
    reporter: values.format ?? values.reporter ?? 'text',
    output: values.output,
    quiet: values.quiet === true,
    maxWarnings,
    color: values.color,
    config: values.config,
    baseline: values.baseline,
    updateBaseline: values['update-baseline'] === true,
    jobs,
    timeout,
    shard,
    options,
    files: [...positionals, ...listed]
  }
}

/**
 * The paths a `--files-from` list names, in its order: one per line (a trailing CR dropped), or NUL-separated with
 * `-0`, which is the only way a list can carry a name with a line break; empty entries skipped. `-` is stdin. The
 * names are taken as the command line takes them, so a list of changed files never passes through a shell.
 */
function readFileList(file: string, nul: boolean, io: CliIo): string[] {
  let text: string
  try {
    text = file === '-' ? stdinBytes(io).toString('utf8') : readFileSync(resolve(io.cwd, file), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw usage(`--files-from ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}`)
  }
  const entries = nul ? text.split('\0') : text.split('\n').map((line) => line.replace(/\r$/, ''))
  return entries.filter((entry) => entry !== '')
}

/** A file's settings, normalised once: a wrong option is a usage error that names where it came from. */
function settingsFor(options: AuditOptions, label: string): Settings {
  try {
    return normalizeOptions(options)
  } catch (error) {
    if (error instanceof FaircopyError) throw new FaircopyError('E_USAGE', `${label}: ${error.message}`)
    throw error
  }
}

/** The hash a shard records of its run's whole file list, so that `merge` can tell shards of one run from others. */
function listHash(paths: readonly string[]): string {
  return createHash('sha256').update(paths.join('\0')).digest('hex').slice(0, 16)
}

/** `2/4` → the second of four shards; anything else is a usage error. */
function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) throw usage(`--shard takes INDEX/COUNT with 1 ≤ INDEX ≤ COUNT, such as 2/4, not "${value}"`)
  return {index, count}
}

/**
 * The shard's part of the run's list, in order: the list is cut into `count` runs of consecutive files, as
 * even as can be, so that shard reports merged in shard order list the files in the order of the whole run.
 */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  const from = Math.floor(((shard.index - 1) * items.length) / shard.count)
  const to = Math.floor((shard.index * items.length) / shard.count)
  return items.slice(from, to)
}

function usage(message: string): FaircopyError {
  return new FaircopyError('E_USAGE', `${message}\nRun faircopy --help for usage.`)
}

function baselineKey(cwd: string, path: string): string {
  return relativePath(cwd, resolve(cwd, path))
}

/**
 * Colour on stdout as Node decides it for a terminal: FORCE_COLOR forces it (and FORCE_COLOR=0 stops it), NO_COLOR
 * and TERM=dumb stop it, and a pipe or a file gets none.
 */
function hasColors(io: CliIo): boolean {
  const env = io.env as NodeJS.ProcessEnv
  return (io.stdoutIsTTY || env['FORCE_COLOR'] !== undefined) && WriteStream.prototype.hasColors.call(undefined, 16, env)
}
