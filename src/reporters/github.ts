import type {Finding, Severity} from '../report/schema.ts'
import {markdownSummary} from './markdown.ts'
import {relativePath} from '../paths.ts'
import {plural} from '../wording.ts'
import {isAudited, type RunResult} from './types.ts'
import {wellFormed} from './unicode.ts'

type Command = 'error' | 'warning' | 'notice'

const commandFor: Record<Severity, Command> = {error: 'error', warning: 'warning', info: 'notice'}

/** Annotations of one level (error, warning, notice) that GitHub shows for a step; the rest are not shown. */
export const annotationsShownPerLevel = 10

/** Annotations GitHub shows for a whole job, all its steps together. */
export const annotationsShownPerJob = 50

interface Annotation {
  readonly command: Command
  readonly line: string
}

/**
 * GitHub Actions workflow commands: one annotation per finding; baselined findings become notices. When there are
 * more of one level than GitHub shows, a notice comes first and says so, and where the full list is.
 */
export function toGithub(run: RunResult): string {
  const annotations = run.entries.flatMap((entry): Annotation[] => {
    const file = relativePath(run.cwd, entry.path)
    if (!isAudited(entry)) return [{command: 'error', line: workflowCommand('error', {file}, entry.error.message)}]
    const known = new Set(entry.known)
    return entry.report.findings.map((finding) => annotation(file, finding, known.has(finding.fingerprint)))
  })
  const notice = limitNotice(annotations)
  const lines = [...(notice === undefined ? [] : [notice]), ...annotations.map((item) => item.line)]
  return lines.map((line) => `${line}\n`).join('')
}

/** A Markdown job summary (for `$GITHUB_STEP_SUMMARY`): the verdict, a row per file, the top findings of failing files. */
export function toGithubSummary(run: RunResult): string {
  return markdownSummary(run, 2)
}

/** The notice for a step with more annotations of one level than GitHub shows; nothing when all are shown. */
function limitNotice(annotations: readonly Annotation[]): string | undefined {
  const counts: Record<Command, number> = {error: 0, warning: 0, notice: 0}
  for (const item of annotations) counts[item.command]++
  if (Math.max(counts.error, counts.warning, counts.notice) <= annotationsShownPerLevel) return undefined
  const levels = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`
  const message =
    `faircopy wrote ${plural(annotations.length, 'annotation')} (${levels}), more than GitHub shows: only the first ` +
    `${annotationsShownPerLevel} of each level per step, and ${annotationsShownPerJob} per job. Every one is in this step's log. ` +
    'For the full list, upload a SARIF report (--format sarif) to code scanning, or read the job summary ' +
    '(the markdown reporter: each file\'s verdict and its top findings).'
  return workflowCommand('notice', {title: 'faircopy: more annotations than GitHub shows'}, message)
}

function annotation(file: string, finding: Finding, known: boolean): Annotation {
  const {start, end} = finding.location
  const properties = {
    file,
    line: String(start.line),
    col: String(start.column),
    endLine: String(end.line),
    endColumn: String(end.column),
    title: known ? `${finding.ruleId} (baseline)` : finding.ruleId
  }
  const command = known ? 'notice' : commandFor[finding.severity]
  return {command, line: workflowCommand(command, properties, finding.message)}
}

function workflowCommand(command: Command, properties: Readonly<Record<string, string>>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`)
  return `::${command} ${list.join(',')}::${escapeData(message)}`
}

/** The runner's own escaping (toolkit `escapeData`): a message stays on one line and `%` round-trips. */
export function escapeData(text: string): string {
  return wellFormed(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Property values also escape the separators of the property list. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
