import {createHash} from 'node:crypto'
import {lstatSync, readFileSync, realpathSync} from 'node:fs'
import {isAbsolute, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {z} from 'zod'
import {FaircopyError, type FaircopyErrorCode} from '../errors.ts'
import {loadReporter} from '../reporters/index.ts'
import {SCHEMA_VERSION, auditReportSchema} from '../report/schema.ts'
import type {RunEntry, RunResult} from '../reporters/types.ts'
import {decodeArticle} from '../input/read.ts'
import {isInside} from '../paths.ts'
import {describeIssue} from '../validation.ts'
import {argumentError} from './args.ts'
import {expandArguments} from './files.ts'
import {emit, type CliIo} from './run.ts'

/** What `--reporter json` writes, as far as merging needs it. */
const jsonRunSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  shard: z.object({index: z.number().int().min(1), count: z.number().int().min(1), list: z.string().optional()}).optional(),
  files: z.array(auditReportSchema),
  results: z.array(
    z.union([
      z.object({path: z.string(), passed: z.boolean(), failures: z.array(z.string()), known: z.array(z.string())}),
      z.object({path: z.string(), error: z.object({code: z.string(), message: z.string()})})
    ])
  )
})
type JsonRun = z.infer<typeof jsonRunSchema>

export const MERGE_USAGE = `Usage: faircopy merge [options] <shard.json ...>

Joins the JSON reports of a sharded run (faircopy --shard I/N --format json) into one run, in shard order, and
writes it in any format. The exit code is the whole run's.

Options:
  -f, --format NAME        the report's format, as for faircopy (default text; --reporter is the same flag)
  -o, --output FILE        write the report to FILE instead of stdout
  --color, --no-color      colour the text report or not (default: on a colour terminal)
  -h, --help               show this help`

/** The options `faircopy merge` takes. */
const MERGE_OPTIONS = {
  reporter: {type: 'string'},
  format: {type: 'string', short: 'f'},
  output: {type: 'string', short: 'o'},
  color: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'}
} as const

function mergeUsage(message: string): FaircopyError {
  return new FaircopyError('E_USAGE', `merge: ${message}\nRun faircopy merge --help for usage.`)
}

/**
 * `faircopy merge shard-*.json`: joins the JSON reports of a sharded run (`--shard I/N --reporter json`) into one
 * run, in shard order, and writes it with any reporter. The exit code is the whole run's: 0, 1 or 2.
 */
export async function runMerge(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({args: [...argv], allowPositionals: true, allowNegative: true, options: MERGE_OPTIONS})
  } catch (error) {
    throw mergeUsage(argumentError(error as Error & {code?: string}, Object.keys(MERGE_OPTIONS)))
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(`${MERGE_USAGE}\n`)
    return 0
  }
  if (values.format !== undefined && values.reporter !== undefined && values.format !== values.reporter) {
    throw mergeUsage(`--format ${values.format} and --reporter ${values.reporter} name two report formats; give one (they are the same flag)`)
  }
  if (positionals.length === 0) throw mergeUsage('no JSON reports given')
  const reporter = await loadReporter(values.format ?? values.reporter ?? 'text', io.cwd)
  const files: string[] = []
  for (const item of await expandArguments(positionals, io.cwd)) {
    if ('unmatched' in item) throw new FaircopyError('E_USAGE', `merge: ${item.unmatched}`)
    if ('stdin' in item) throw mergeUsage('merge reads JSON reports from files; - (stdin) is not one')
    for (const file of item.files) files.push(file)
  }
  const runs = files.map((file) => ({file, run: readRun(resolve(io.cwd, file), isAbsolute(file) ? relative(io.cwd, file) : file)}))
  checkShardSet(runs.map(({file, run}) => ({name: isAbsolute(file) ? relative(io.cwd, file) : file, shard: run.shard})))
  // Shards merge in shard order, whatever order the shell listed their files in.
  if (runs.every(({run}) => run.shard !== undefined)) runs.sort((a, b) => (a.run.shard?.index ?? 0) - (b.run.shard?.index ?? 0))
  const entries = runs.flatMap(({run}) => entriesOf(run, reporter.needs.text === true, io.cwd))
  // Shards judged by different engines or axe-core versions do not add up to one run's result.
  const engines = new Map<string, string>()
  for (const {file, run} of runs) for (const report of run.files) engines.set(`${report.accessibility.engine} ${report.accessibility.axeVersion}`, isAbsolute(file) ? relative(io.cwd, file) : file)
  if (engines.size > 1) {
    throw new FaircopyError('E_USAGE', `merge: the reports were made with different accessibility engines or axe-core versions (${[...engines].map(([engine, file]) => `${engine} in ${file}`).join(', ')}); audit every shard with the same --engine and faircopy.`)
  }
  const merged: RunResult = {entries, cwd: io.cwd, passed: entries.every((entry) => 'report' in entry && entry.passed)}
  return emit(merged, reporter, values.output, io, values.color)
}

/**
 * Shards add up to one run only when they are all of it: each of 1…N once, all of the same N and the same file
 * list. A shard that never arrived, one given twice, or one of another run is exit 2, never a smaller run that passes.
 */
function checkShardSet(runs: ReadonlyArray<{name: string; shard: JsonRun['shard']}>): void {
  const sharded = runs.filter((run) => run.shard !== undefined)
  if (sharded.length === 0) return
  const whole = runs.find((run) => run.shard === undefined)
  if (whole) throw new FaircopyError('E_USAGE', `merge: ${whole.name} is a whole run and ${sharded[0]?.name} a shard (${shardName(sharded[0]?.shard)}); merge the shards of one run.`)
  const first = sharded[0] as {name: string; shard: NonNullable<JsonRun['shard']>}
  for (const run of sharded) {
    const shard = run.shard as NonNullable<JsonRun['shard']>
    if (shard.count !== first.shard.count || (shard.list !== undefined && first.shard.list !== undefined && shard.list !== first.shard.list)) {
      throw new FaircopyError('E_USAGE', `merge: ${first.name} (${shardName(first.shard)}) and ${run.name} (${shardName(shard)}) are shards of different runs (another file list or shard count); merge the shards of one run.`)
    }
  }
  const byIndex = new Map<number, string>()
  for (const run of sharded) {
    const index = (run.shard as NonNullable<JsonRun['shard']>).index
    const earlier = byIndex.get(index)
    if (earlier !== undefined) throw new FaircopyError('E_USAGE', `merge: shard ${index}/${first.shard.count} is given twice (${earlier} and ${run.name}).`)
    byIndex.set(index, run.name)
  }
  const missing = Array.from({length: first.shard.count}, (_, index) => index + 1).filter((index) => !byIndex.has(index))
  if (missing.length > 0) {
    throw new FaircopyError('E_USAGE', `merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${first.shard.count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing; a run merged without ${missing.length > 1 ? 'them' : 'it'} would leave files out.`)
  }
}

function shardName(shard: JsonRun['shard']): string {
  return shard ? `shard ${shard.index}/${shard.count}` : 'whole run'
}

function readRun(path: string, name: string): JsonRun {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `is not JSON (${(error as Error).message})`
    throw new FaircopyError('E_USAGE', `merge: ${name} ${reason}.`)
  }
  const result = jsonRunSchema.safeParse(data)
  if (!result.success) {
    const {where, what} = describeIssue(result.error.issues[0])
    throw new FaircopyError('E_USAGE', `merge: ${name} is not a JSON report of this faircopy (from --reporter json): ${where || 'the file'}: ${what}.`)
  }
  const audited = result.data.results.filter((entry) => !('error' in entry)).length
  if (audited !== result.data.files.length) throw new FaircopyError('E_USAGE', `merge: ${name} lists ${audited} audited files in results but has ${result.data.files.length} reports.`)
  return result.data
}

/** The run's entries, in its order: each audited result takes the next report. */
function entriesOf(run: JsonRun, withText: boolean, cwd: string): RunEntry[] {
  let next = 0
  return run.results.map((result): RunEntry => {
    if ('error' in result) return {path: result.path, error: {code: result.error.code as FaircopyErrorCode, message: result.error.message}}
    const report = run.files[next++] as JsonRun['files'][number]
    const text = withText ? readText(cwd, result.path, report.source.sha256) : undefined
    return {...result, report, ...(text === undefined ? {} : {text})}
  })
}

/**
 * The article, for the HTML report, as the shard's audit read it: only a regular file inside the working folder (no
 * absolute path, no `..` out of it, no symbolic link out of it), only when its bytes have the SHA-256 the report
 * names, decoded as the audit decoded it. A shard is a file anyone can write: what it claims is not trusted, and an
 * article that cannot be shown is drawn as the report alone.
 */
function readText(cwd: string, path: string, sha256: string): string | undefined {
  try {
    if (isAbsolute(path)) return undefined
    const root = realpathSync(cwd)
    const file = resolve(root, path)
    if (!isInside(root, file) || !isInside(root, realpathSync(file)) || !lstatSync(file).isFile()) return undefined
    const bytes = readFileSync(file)
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) return undefined
    return decodeArticle(bytes, path).text
  } catch {
    return undefined
  }
}
