import {existsSync, readFileSync} from 'node:fs'
import {writeSafely} from './write.ts'
import {z} from 'zod'
import {FaircopyError} from '../errors.ts'
import {describeIssue} from '../validation.ts'

/** Known findings by file (paths relative to the working directory, POSIX slashes). */
const baselineSchema = z
  .object({
    faircopyBaseline: z.literal(1),
    files: z.record(z.string(), z.array(z.string().regex(/^[0-9a-f]{16}$/)))
  })
  .strict()

/**
 * Known findings by file. A Map, never an object keyed by file name: files named `__proto__`, `constructor` or
 * `toString` are files like any other.
 */
export interface Baseline {
  readonly faircopyBaseline: 1
  readonly files: ReadonlyMap<string, readonly string[]>
}

/**
 * The baseline at `path`. A missing one is an error, since a typo in its name would otherwise fail every known
 * finding; only a run that records it (`creating`: `--update-baseline`) starts from an empty one.
 */
export function readBaseline(path: string, label: string, creating = false): Baseline {
  if (!existsSync(path)) {
    if (creating) return {faircopyBaseline: 1, files: new Map()}
    throw new FaircopyError('E_USAGE', `--baseline ${label}: no such file. Record one first with --baseline ${label} --update-baseline.`)
  }
  let data: unknown
  try {
    // A byte-order mark, as some editors on Windows write one, is not part of the JSON.
    data = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new FaircopyError('E_CONFIG_INVALID', `${label}: not valid JSON (${(error as Error).message})`)
  }
  const parsed = baselineSchema.safeParse(data)
  if (!parsed.success) {
    const {where, what} = describeIssue(parsed.error.issues[0])
    throw new FaircopyError('E_CONFIG_INVALID', `${label}: not a faircopy baseline (${where || 'top level'}: ${what})`)
  }
  // The entries of the JSON as parsed: a copy made by assigning keys would turn a `__proto__` entry into a prototype.
  return {faircopyBaseline: 1, files: new Map(Object.entries((data as {files: Record<string, string[]>}).files))}
}

/** The baseline with these files' fingerprints replaced; other files' entries are kept. */
export function updateBaseline(baseline: Baseline, files: ReadonlyMap<string, readonly string[]>): Baseline {
  const merged = new Map(baseline.files)
  for (const [file, fingerprints] of files) merged.set(file, [...new Set(fingerprints)].sort())
  return {faircopyBaseline: 1, files: new Map([...merged].sort(([a], [b]) => (a < b ? -1 : 1)))}
}

export function writeBaseline(path: string, baseline: Baseline): void {
  // Object.fromEntries defines each key as its own property, `__proto__` included.
  writeSafely(path, `${JSON.stringify({faircopyBaseline: 1, files: Object.fromEntries(baseline.files)}, null, 2)}\n`, '--baseline')
}
