import type {AuditedFile, FailedFile} from '../report/result.ts'
import type {RuleMeta} from '../rules.ts'

/** A file that was audited, with the gate's verdict on it. `text` is there when the reporter needs it (`html`). */
export interface AuditedEntry extends AuditedFile {
  /** Whether this file passes the gate, with the baseline applied. */
  readonly passed: boolean
  /** Why it fails the gate, one short sentence each (empty when it passes). */
  readonly failures: readonly string[]
  /** Fingerprints of its findings that the baseline already knows: shown, but they do not fail the gate. */
  readonly known: readonly string[]
}

/** A file that could not be audited, and why. */
export type FailedEntry = FailedFile

export type RunEntry = AuditedEntry | FailedEntry

/** What reporters format: every file of a run, in the order given. Reporters are pure functions of this. */
export interface RunResult {
  readonly entries: readonly RunEntry[]
  /** The working directory the run's paths are relative to (SARIF artifact URIs, GitHub annotations). */
  readonly cwd: string
  /** The whole run passes the gate: every file audited and passed. */
  readonly passed: boolean
  /** Which part of a sharded run this is (`--shard`), when it is one. */
  readonly shard?: Shard | undefined
  /** The rules of the run, when it has rules of the user's beside faircopy's (default: faircopy's registry). */
  readonly rules?: readonly RuleMeta[] | undefined
}

/** The I-th of N parts of a run's file list. */
export interface Shard {
  readonly index: number
  readonly count: number
  /** A hash of the whole run's file list, before it was cut: shards of one run have the same. */
  readonly list?: string | undefined
}

export function isAudited(entry: RunEntry): entry is AuditedEntry {
  return 'report' in entry
}

/** Which engine judged the pages' accessibility, and with which axe-core: one entry per pair the run's reports name. */
export function judgedBy(run: RunResult): Array<{engine: string; axeVersion: string; colorSchemes?: string[]}> {
  const seen = new Map<string, {engine: string; axeVersion: string; colorSchemes?: string[]}>()
  for (const entry of run.entries) {
    if (!isAudited(entry)) continue
    const {engine, axeVersion, colorSchemes} = entry.report.accessibility
    seen.set(`${engine} ${axeVersion} ${colorSchemes?.join() ?? ''}`, {engine, axeVersion, ...(colorSchemes ? {colorSchemes: [...colorSchemes]} : {})})
  }
  return [...seen.values()]
}

/** "axe-core 4.11.0 in jsdom", "axe-core 4.11.0 in Chromium (light and dark)": how reporters name the engine. */
export function engineLabel(judged: {engine: string; axeVersion: string; colorSchemes?: readonly string[] | undefined}): string {
  const schemes = judged.colorSchemes && judged.colorSchemes.length > 0 ? ` (${judged.colorSchemes.join(' and ')})` : ''
  return `axe-core ${judged.axeVersion} in ${judged.engine === 'chromium' ? 'Chromium' : 'jsdom'}${schemes}`
}
