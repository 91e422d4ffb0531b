import type {Finding, Severity} from '../report/schema.ts'
import {markdownSummary} from './markdown.ts'
import {relativePath} from '../paths.ts'
import {isAudited, type RunResult} from './types.ts'
import {wellFormed} from './unicode.ts'

type Command = 'error' | 'warning' | 'notice'

const commandFor: Record<Severity, Command> = {error: 'error', warning: 'warning', info: 'notice'}

/** GitHub Actions workflow commands: one annotation per finding; baselined findings become notices. */
export function toGithub(run: RunResult): string {
  const lines = run.entries.flatMap((entry) => {
    const file = relativePath(run.cwd, entry.path)
    if (!isAudited(entry)) return [workflowCommand('error', {file}, entry.error.message)]
    const known = new Set(entry.known)
    return entry.report.findings.map((finding) => annotation(file, finding, known.has(finding.fingerprint)))
  })
  return lines.map((line) => `${line}\n`).join('')
}

/** A Markdown job summary (for `$GITHUB_STEP_SUMMARY`): the verdict, a row per file, the top findings of failing files. */
export function toGithubSummary(run: RunResult): string {
  return markdownSummary(run, 2)
}

function annotation(file: string, finding: Finding, known: boolean): string {
  const {start, end} = finding.location
  const properties = {
    file,
    line: String(start.line),
    col: String(start.column),
    endLine: String(end.line),
    endColumn: String(end.column),
    title: known ? `${finding.ruleId} (baseline)` : finding.ruleId
  }
  return workflowCommand(known ? 'notice' : commandFor[finding.severity], properties, finding.message)
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
