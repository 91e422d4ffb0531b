import type {Finding} from '../report/schema.ts'
import {severityRank} from '../report/summary.ts'
import {relativePath} from '../paths.ts'
import {engineLabel, isAudited, judgedBy, type AuditedEntry, type RunEntry, type RunResult} from './types.ts'
import {wellFormed} from './unicode.ts'

const topFindingCount = 10

/** A compact summary for a pull-request comment: the verdict, a row per file, then the top findings of each failing file. */
export function toMarkdown(run: RunResult): string {
  return markdownSummary(run, 3)
}

/** The Markdown summary with its title at heading `level` (the GitHub job summary uses it too). */
export function markdownSummary(run: RunResult, level: number): string {
  const title = `${'#'.repeat(level)} faircopy: ${run.passed ? '✅ passed' : '❌ failed'}`
  const table = [
    '| file | grade / target | passive | errors | warnings | infos | result |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...run.entries.map((entry) => tableRow(run.cwd, entry))
  ].join('\n')
  const sections = run.entries.filter(isFailing).map((entry) => failingSection(run.cwd, entry, level + 1))
  const judged = judgedBy(run)
  const engines = judged.length === 0 ? [] : [`Accessibility by ${judged.map(engineLabel).join(' and ')}.`]
  return `${[title, table, ...engines, ...sections].join('\n\n')}\n`
}

/**
 * Article text made inert in Markdown: HTML cannot be injected, a table cell cannot be split, and nothing turns
 * into emphasis, code or a link. Line breaks become spaces so that a value stays on its line. An `@` before a name
 * gets a zero-width space after it, so that a pull-request comment made of the report does not notify `@someone` or
 * `@org/team` that an article or a file name names.
 */
export function escapeMarkdown(text: string): string {
  return wellFormed(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u200B')
}

/** A code span; a backtick would end it early and a line break or pipe would break the line or table, so they are dropped. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/[`\r\n|]/g, '')}\``
}

function isFailing(entry: RunEntry): boolean {
  return !isAudited(entry) || !entry.passed
}

function tableRow(cwd: string, entry: RunEntry): string {
  const file = escapeMarkdown(relativePath(cwd, entry.path))
  if (!isAudited(entry)) return `| ${file} | – | – | – | – | – | ⚠️ not audited |`
  const {readability, passiveVoice, summary} = entry.report
  const result = entry.passed ? '✅ passed' : '❌ failed'
  return `| ${file} | ${readability.gradeLevel} / ${readability.targetGrade} | ${passiveVoice.percent}% | ${summary.errors} | ${summary.warnings} | ${summary.infos} | ${result} |`
}

function failingSection(cwd: string, entry: RunEntry, level: number): string {
  const heading = `${'#'.repeat(level)} ${escapeMarkdown(relativePath(cwd, entry.path))}`
  if (!isAudited(entry)) return `${heading}\n\n- ${escapeMarkdown(entry.error.message)} ${codeSpan(entry.error.code)}`
  const findings = newFindings(entry)
  const lines = findings.slice(0, topFindingCount).map(findingLine)
  if (findings.length > topFindingCount) lines.push(`- … and ${findings.length - topFindingCount} more`)
  return lines.length === 0 ? heading : `${heading}\n\n${lines.join('\n')}`
}

/** Findings the baseline does not know (known ones do not fail the gate), errors first, each severity in source order. */
function newFindings(entry: AuditedEntry): Finding[] {
  const known = new Set(entry.known)
  return entry.report.findings
    .filter((finding) => !known.has(finding.fingerprint))
    .toSorted((a, b) => severityRank[b.severity] - severityRank[a.severity])
}

function findingLine(finding: Finding): string {
  const {line, column} = finding.location.start
  return `- **${line}:${column}** ${escapeMarkdown(finding.message)} ${codeSpan(finding.ruleId)}`
}
