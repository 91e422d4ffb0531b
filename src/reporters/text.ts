import {styleText} from 'node:util'
import type {Finding} from '../report/schema.ts'
import {gradeTarget, plural} from '../wording.ts'
import type {ReporterContext} from './index.ts'
import {engineLabel, isAudited, judgedBy, type AuditedEntry, type RunResult} from './types.ts'
import {loneSurrogate} from './unicode.ts'

type Style = 'red' | 'yellow' | 'blue' | 'green' | 'dim' | 'underline'
type Paint = (style: Style, text: string) => string

/** The terminal summary: findings grouped by file, `line:column severity message rule`, a summary line per file, a total. */
export function toText(run: RunResult, context: ReporterContext = {color: false}): string {
  // The CLI has decided already (a terminal, NO_COLOR, FORCE_COLOR): the stream is not styleText's to check.
  const paint: Paint = (style, text) => (context.color ? styleText(style, text, {validateStream: false}) : text)
  const blocks = run.entries.map((entry) =>
    isAudited(entry) ? fileBlock(entry, paint) : `${paint('underline', inertPath(entry.path))}\n  ${paint('red', 'error')}  ${inert(entry.error.message)}  ${paint('dim', entry.error.code)}`
  )
  const audited = run.entries.filter(isAudited)
  const sum = (key: 'errors' | 'warnings' | 'infos') => audited.reduce((total, entry) => total + entry.report.summary[key], 0)
  const failed = run.entries.length - audited.length
  const total = [
    `${plural(run.entries.length, 'file')}: ${plural(sum('errors'), 'error')}, ${plural(sum('warnings'), 'warning')}, ${plural(sum('infos'), 'info')}`,
    ...(failed > 0 ? [`${failed} could not be audited`] : []),
    ...judgedBy(run).map((judged) => paint('dim', `accessibility by ${engineLabel(judged)}`)),
    run.passed ? paint('green', 'passed') : paint('red', 'failed')
  ].join(' · ')
  return `${[...blocks, total].join('\n\n')}\n`
}

function fileBlock(entry: AuditedEntry, paint: Paint): string {
  const {report} = entry
  const known = new Set(entry.known)
  const places = report.findings.map((finding) => `${finding.location.start.line}:${finding.location.start.column}`)
  // A loop, not a spread into Math.max: an article can have more findings than a call takes arguments.
  const width = places.reduce((widest, place) => Math.max(widest, place.length), 0)
  const lines = report.findings.map((finding, index) => {
    const severity = paint(severityColor(finding), finding.severity.padEnd(7))
    const mark = known.has(finding.fingerprint) ? ` ${paint('dim', '(baseline)')}` : ''
    return `  ${paint('dim', (places[index] as string).padEnd(width))}  ${severity}  ${inert(finding.message)}  ${paint('dim', inert(finding.ruleId))}${mark}`
  })
  const {readability, passiveVoice, accessibility, summary} = report
  const violations = accessibility.violations.reduce((total, rule) => total + rule.nodes, 0)
  const facts = [
    `grade ${readability.gradeLevel} (${gradeTarget(readability)})`,
    `passive ${passiveVoice.percent}%`,
    plural(violations, 'accessibility violation'),
    ...(summary.suppressed > 0 ? [`${summary.suppressed} suppressed`] : []),
    ...(known.size > 0 ? [`${report.findings.filter((finding) => known.has(finding.fingerprint)).length} in baseline`] : []),
    entry.passed ? paint('green', 'passed') : paint('red', `failed: ${entry.failures.join('; ')}`)
  ]
  const notes = (report.notes ?? []).map((note) => `  ${paint('dim', inert(note))}`)
  return [paint('underline', inertPath(entry.path)), ...notes, ...lines, `  ${facts.join(' · ')}`].join('\n')
}

/**
 * Text from an article or a file name, made inert for a terminal and a CI log: control characters (escape
 * sequences, BEL, line breaks that would start a forged line), C1 controls and the bidirectional overrides that
 * reorder what is shown are written out visibly (`\x1b`, `\n`, `\u202e`), and so are lone surrogates (half an emoji
 * from a cut file name), which a terminal would show as nothing or garbage.
 */
const notInert = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]|${loneSurrogate.source}`, 'g')

export function inert(text: string): string {
  return text.replace(notInert, (character) => {
    const code = character.charCodeAt(0)
    if (character === '\n') return '\\n'
    if (character === '\r') return '\\r'
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

/** A file name, inert, that cannot start a line with `::` (a GitHub Actions workflow command): `./::x.md` names the same file. */
function inertPath(path: string): string {
  const shown = inert(path)
  return shown.startsWith(':') ? `./${shown}` : shown
}

function severityColor(finding: Finding): Style {
  return finding.severity === 'error' ? 'red' : finding.severity === 'warning' ? 'yellow' : 'blue'
}
