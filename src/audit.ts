import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import {runAxe} from './accessibility/axe.ts'
import {checkAllCaps, checkContent} from './accessibility/content.ts'
import {axeFindings, summarizeAxe} from './accessibility/findings.ts'
import {renderDocument} from './accessibility/render.ts'
import {FaircopyError} from './errors.ts'
import {detectFormat} from './input/format.ts'
import {checkTreeSize, parseArticle} from './input/parse.ts'
import {checkEncoding} from './input/encoding.ts'
import {checkString, decodeArticle, tooLarge, type Encoding} from './input/read.ts'
import {hastToNlcst} from './prose/nlcst.ts'
import {checkProse} from './prose/run.ts'
import {finalizeFindings} from './report/finding.ts'
import {SCHEMA_VERSION, type AuditReport} from './report/schema.ts'
import {summarize} from './report/summary.ts'
import {applyControls, readControls} from './report/suppress.ts'
import {wcagRows} from './report/wcag.ts'
import {normalizeOptions, type AuditOptions, type Settings} from './settings.ts'
import {VERSION} from './version.ts'

/** Rules that plain text can never satisfy, because text has no markup to satisfy them with. */
const NOT_FOR_TEXT = ['page-has-heading-one']

/** Audits an article given as a string. */
export async function audit(text: string, options: AuditOptions = {}): Promise<AuditReport> {
  const settings = normalizeOptions(options)
  const body = checkString(text, settings.path, settings.maxFileBytes)
  return auditSource(body, sha256(text), settings, 'utf-8')
}

/** Reads and audits an article file; its format comes from the extension unless `options.format` says. */
export async function auditFile(path: string, options: AuditOptions = {}): Promise<AuditReport> {
  return (await auditFileWithText(path, options)).report
}

/** `auditFile`, also returning the decoded text the report's positions point into (for the HTML report). */
export async function auditFileWithText(path: string, options: AuditOptions = {}): Promise<{report: AuditReport; text: string}> {
  const settings = normalizeOptions({...options, path: options.path ?? path})
  const name = settings.path ?? path
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'})
    // Refused before it is read: a 6 GB file must not be loaded to be turned down.
    if (info.size > settings.maxFileBytes) throw tooLarge(info.size, settings.maxFileBytes, name)
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof FaircopyError) throw error
    throw readError(name, error)
  }
  const {text, encoding} = decodeArticle(bytes, name)
  return {report: await auditSource(text, sha256(bytes), settings, encoding), text}
}

/** The stages of one audit, as the benchmark times them. */
export type Stage = 'parse' | 'prose' | 'render' | 'axe' | 'report'
let stageObserver: ((stage: Stage, milliseconds: number) => void) | undefined

/** Hears the time each stage of every audit in this thread takes (the benchmark's probe); `undefined` stops it. */
export function observeStages(observer: ((stage: Stage, milliseconds: number) => void) | undefined): void {
  stageObserver = observer
}

async function auditSource(text: string, digest: string, settings: Settings, encoding: Encoding): Promise<AuditReport> {
  try {
    return await auditText(text, digest, settings, encoding)
  } catch (error) {
    // Markup nested thousands of levels deep overflows the parsers' and tree walkers' recursion.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new FaircopyError('E_INPUT_TOO_COMPLEX', `${settings.path ?? 'The article'} is nested too deeply to audit (its markup overflows the parser's stack).`, {path: settings.path, cause: error})
    }
    throw error
  }
}

async function auditText(text: string, digest: string, settings: Settings, encoding: Encoding): Promise<AuditReport> {
  const observe = stageObserver
  let mark = performance.now()
  const lap = (stage: Stage) => {
    const now = performance.now()
    observe?.(stage, now - mark)
    mark = now
  }
  const format = settings.format ?? detectFormat(settings.path, text)
  const article = parseArticle(text, format, settings.path)
  checkTreeSize(article.tree, settings.maxElements, settings.path)
  lap('parse')
  const prose = await checkProse(hastToNlcst(article.tree, text, article.place), text, settings)
  const content = [...checkContent(article.tree, text, settings), ...checkAllCaps(prose.sentences, settings, text), ...checkEncoding(encoding, settings, text)]
  lap('prose')

  const disabled = [
    ...(format === 'text' ? NOT_FOR_TEXT : []),
    ...Object.entries(settings.rules).flatMap(([id, level]) => (level === 'off' ? [id] : []))
  ]
  const outcome = await runAxe(renderDocument(article, settings.lang), {tags: settings.axeTags, disabledRules: disabled, onStage: observe})
  mark = performance.now()
  const accessibility = summarizeAxe(outcome, settings)

  const all = finalizeFindings([
    ...prose.findings,
    ...content,
    ...axeFindings(outcome, text, settings)
  ])
  const {active: findings, suppressed} = applyControls(all, readControls(article.tree))
  const report: AuditReport = {
    schemaVersion: SCHEMA_VERSION,
    tool: {name: 'faircopy', version: VERSION},
    source: {
      ...(settings.path === undefined ? {} : {path: settings.path}),
      format,
      ...(encoding === 'utf-8' ? {} : {encoding}),
      sha256: digest,
      ...(article.title === undefined ? {} : {title: article.title})
    },
    summary: summarize(findings, suppressed.length, prose.readability, prose.passiveVoice, settings),
    readability: prose.readability,
    passiveVoice: prose.passiveVoice,
    jargon: prose.jargon,
    accessibility,
    wcag: wcagRows(findings, accessibility, outcome.rulesRun, outcome.applicable),
    findings,
    suppressed
  }
  lap('report')
  return report
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

function readError(path: string, error: unknown): FaircopyError {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new FaircopyError('E_INPUT_MISSING', `${path} does not exist.`, {path, cause: error})
  if (code === 'EISDIR') return new FaircopyError('E_INPUT_UNREADABLE', `${path} is a directory, not an article.`, {path, cause: error})
  if (code === 'EACCES' || code === 'EPERM') return new FaircopyError('E_INPUT_UNREADABLE', `${path} cannot be read: permission denied.`, {path, cause: error})
  if (code === 'ELOOP') return new FaircopyError('E_INPUT_UNREADABLE', `${path} cannot be read: its symbolic links form a loop.`, {path, cause: error})
  return new FaircopyError('E_INPUT_UNREADABLE', `${path} cannot be read (${code ?? 'unknown error'}).`, {path, cause: error})
}
