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

export type Baseline = z.infer<typeof baselineSchema>

export function readBaseline(path: string, label: string): Baseline {
  if (!existsSync(path)) return {faircopyBaseline: 1, files: {}}
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new FaircopyError('E_CONFIG_INVALID', `${label}: not valid JSON (${(error as Error).message})`)
  }
  const parsed = baselineSchema.safeParse(data)
  if (!parsed.success) {
    const {where, what} = describeIssue(parsed.error.issues[0])
    throw new FaircopyError('E_CONFIG_INVALID', `${label}: not a faircopy baseline (${where || 'top level'}: ${what})`)
  }
  return parsed.data
}

/** The baseline with these files' fingerprints replaced; other files' entries are kept. */
export function updateBaseline(baseline: Baseline, files: ReadonlyMap<string, readonly string[]>): Baseline {
  const merged: Record<string, string[]> = {...baseline.files}
  for (const [file, fingerprints] of files) merged[file] = [...new Set(fingerprints)].sort()
  const sorted = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => (a < b ? -1 : 1)))
  return {faircopyBaseline: 1, files: sorted}
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeSafely(path, `${JSON.stringify(baseline, null, 2)}\n`, '--baseline')
}
