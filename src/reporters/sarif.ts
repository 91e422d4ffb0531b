import {registry} from '../registry.ts'
import type {Finding, Format, Severity} from '../report/schema.ts'
import {relativePath} from '../paths.ts'
import type {RuleMeta} from '../rules.ts'
import {isAudited, judgedBy, type AuditedEntry, type FailedEntry, type RunResult} from './types.ts'
import {wellFormed, wellFormedJson} from './unicode.ts'

/** GitHub code scanning rejects a run with more results than this. */
export const maxSarifResults = 25_000

const srcroot = '%SRCROOT%'

type Level = 'error' | 'warning' | 'note'

const levelFor: Record<Severity, Level> = {error: 'error', warning: 'warning', info: 'note'}

const mimeTypeFor: Record<Format, string> = {text: 'text/plain', markdown: 'text/markdown', mdx: 'text/mdx', html: 'text/html'}

interface ArtifactLocation {
  readonly uri: string
  readonly uriBaseId: string
}

interface Notification {
  readonly level: Level
  readonly message: {readonly text: string}
  readonly descriptor?: {readonly id: string}
  readonly locations?: ReadonlyArray<{readonly physicalLocation: {readonly artifactLocation: ArtifactLocation}}>
}

interface Located {
  readonly finding: Finding
  readonly uri: string
  readonly known: boolean
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, a rule per rule id found, a result per finding. */
export function toSarif(run: RunResult): string {
  const audited = run.entries.filter(isAudited)
  const all = audited.flatMap((entry) => located(run.cwd, entry))
  const kept = all.slice(0, maxSarifResults)
  const rules = firstFindingByRule(kept)
  const metas = new Map((run.rules ?? registry.metas).map((meta) => [meta.id, meta]))
  const ruleIndex = indexes([...rules.keys()])
  const artifacts = artifactFormats(run.cwd, audited)
  const artifactIndex = indexes([...artifacts.keys()])
  const notifications = [
    ...run.entries.flatMap((entry) => (isAudited(entry) ? [] : [failedNotification(run.cwd, entry)])),
    ...(all.length > kept.length ? [truncationNotification(all.length)] : [])
  ]
  const sarifRun = {
    tool: {
      driver: {
        name: 'faircopy',
        version: audited[0]?.report.tool.version ?? '0.0.0',
        informationUri: 'https://www.npmjs.com/package/faircopy',
        // Which engine rendered the pages for axe-core: accessibility results differ between them.
        properties: {accessibility: judgedBy(run).map((judged) => ({engine: judged.engine, axeVersion: judged.axeVersion}))},
        rules: [...rules.values()].map((finding) => ruleDescriptor(finding, metas.get(finding.ruleId)))
      }
    },
    invocations: [
      {
        executionSuccessful: notifications.every((notification) => notification.level !== 'error'),
        ...(notifications.length > 0 ? {toolExecutionNotifications: notifications} : {})
      }
    ],
    artifacts: [...artifacts].map(([uri, format]) => ({location: {uri, uriBaseId: srcroot}, roles: ['analysisTarget'], mimeType: mimeTypeFor[format]})),
    columnKind: 'utf16CodeUnits',
    results: kept.map((item) => result(item, ruleIndex.get(item.finding.ruleId) ?? -1, artifactIndex.get(item.uri) ?? -1))
  }
  const log = {$schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [sarifRun]}
  return `${wellFormedJson(log, 2)}\n`
}

/**
 * A relative URI reference: POSIX separators, each segment percent-encoded (a space or `:` would not be a valid URI).
 * Half a surrogate pair in a file name has no UTF-8 to encode; it becomes U+FFFD, as a terminal would show it.
 */
export function artifactUri(cwd: string, path: string): string {
  return wellFormed(relativePath(cwd, path)).split('/').map(encodeURIComponent).join('/')
}

/** `image-alt` → `ImageAlt`: SARIF's readable rule name. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

function located(cwd: string, entry: AuditedEntry): Located[] {
  const uri = artifactUri(cwd, entry.path)
  const known = new Set(entry.known)
  return entry.report.findings.map((finding) => ({finding, uri, known: known.has(finding.fingerprint)}))
}

function firstFindingByRule(items: readonly Located[]): Map<string, Finding> {
  const rules = new Map<string, Finding>()
  for (const {finding} of items) if (!rules.has(finding.ruleId)) rules.set(finding.ruleId, finding)
  return rules
}

/** One artifact per audited file, in run order; a file given twice is one artifact (SARIF wants them unique). */
function artifactFormats(cwd: string, audited: readonly AuditedEntry[]): Map<string, Format> {
  const artifacts = new Map<string, Format>()
  for (const entry of audited) {
    const uri = artifactUri(cwd, entry.path)
    if (!artifacts.has(uri)) artifacts.set(uri, entry.report.source.format)
  }
  return artifacts
}

function indexes(keys: readonly string[]): Map<string, number> {
  return new Map(keys.map((key, index) => [key, index]))
}

/** A rule's descriptor from the registry; axe-core's rules are not in it: their finding's message is axe's description. */
function ruleDescriptor(finding: Finding, meta: RuleMeta | undefined) {
  const description = meta?.description ?? finding.message
  const helpUri = meta?.helpUrl ?? finding.helpUrl
  const wcag = meta?.wcag ?? finding.wcag
  const defaultSeverity = meta === undefined || meta.defaultSeverity === 'off' ? finding.severity : meta.defaultSeverity
  const criteria = wcag.length > 0 ? ` WCAG ${wcag.join(', ')}.` : ''
  const tags = [...new Set([finding.category, ...(wcag.length > 0 ? ['accessibility', 'wcag'] : [])])]
  return {
    id: finding.ruleId,
    name: pascalCase(finding.ruleId),
    shortDescription: {text: description},
    fullDescription: {text: description},
    help: {text: `${description}${criteria}${isAbsoluteUrl(helpUri) ? ` See ${helpUri}` : ''}`},
    ...(isAbsoluteUrl(helpUri) ? {helpUri} : {}),
    defaultConfiguration: {level: levelFor[defaultSeverity]},
    properties: {tags}
  }
}

function result(item: Located, ruleIndex: number, artifactIndex: number) {
  const {finding} = item
  const {start, end} = finding.location
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levelFor[finding.severity],
    message: {text: finding.message},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: item.uri, uriBaseId: srcroot, index: artifactIndex},
          region: {
            startLine: start.line,
            startColumn: start.column,
            endLine: end.line,
            endColumn: end.column,
            snippet: {text: finding.excerpt}
          }
        }
      }
    ],
    partialFingerprints: {'faircopy/v1': finding.fingerprint},
    baselineState: item.known ? 'unchanged' : 'new'
  }
}

function failedNotification(cwd: string, entry: FailedEntry): Notification {
  return {
    level: 'error',
    message: {text: entry.error.message},
    descriptor: {id: entry.error.code},
    locations: [{physicalLocation: {artifactLocation: {uri: artifactUri(cwd, entry.path), uriBaseId: srcroot}}}]
  }
}

function truncationNotification(total: number): Notification {
  return {
    level: 'warning',
    message: {text: `faircopy found ${total} results; only the first ${maxSarifResults} are included, the most GitHub code scanning accepts.`}
  }
}

function isAbsoluteUrl(url: string): boolean {
  return /^https?:\/\/\S+$/.test(url)
}
