import {createHash} from 'node:crypto'
import {readFile, stat} from 'node:fs/promises'
import {noAxeOutcome, runAxe} from './accessibility/axe.ts'
import {axeFindings, summarizeAxe} from './accessibility/findings.ts'
import {renderDocument} from './accessibility/render.ts'
import {FaircopyError} from './errors.ts'
import {detectFormat} from './input/format.ts'
import {checkTreeSize, parseArticle, type ParsedArticle} from './input/parse.ts'
import {checkString, decodeArticle, tooLarge, type Encoding} from './input/read.ts'
import {userPluginFindings} from './prose/retext.ts'
import {proseSections} from './prose/summary.ts'
import {registryFor, type RulesRun} from './registry.ts'
import {byPlace, finalizeFindings, type DraftFinding} from './report/finding.ts'
import {SCHEMA_VERSION, type AuditReport, type Format} from './report/schema.ts'
import {summarize} from './report/summary.ts'
import {unusedFindings} from './report/rules/unused-suppression.ts'
import {applyControls, articleControls} from './report/suppress.ts'
import {wcagRows} from './report/wcag.ts'
import {normalizeOptions, type AuditOptions, type Settings} from './settings.ts'
import {stopwatch, type Stage} from './stages.ts'
import {VERSION} from './version.ts'

/** What the report says of a page with nothing to audit. */
const EMPTY_BODY = 'Nothing to audit: the file holds front matter, template tags or comments and no content of its own, so no prose or page rule ran.'

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
  return (await auditFileWith(path, normalizeOptions({...options, path: options.path ?? path}))).report
}

/** Audits a file with settings normalised already, and returns the decoded text its positions point into too. */
export async function auditFileWith(path: string, settings: Settings): Promise<{report: AuditReport; text: string}> {
  const name = settings.path ?? path
  let bytes: Uint8Array
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), {code: 'EISDIR'})
    // A FIFO, a socket or a device (`/dev/stdin`) would block the read or never end: only regular files are articles.
    if (!info.isFile()) throw new FaircopyError('E_INPUT_UNREADABLE', `${name} is not a regular file (a pipe, socket or device), so it is not read.`, {path: name})
    // Refused before it is read: a 6 GB file must not be loaded to be turned down.
    if (info.size > settings.maxFileBytes) throw tooLarge(info.size, settings.maxFileBytes, name)
    bytes = await readFile(path)
  } catch (error) {
    if (error instanceof FaircopyError) throw error
    throw readError(name, error)
  }
  return auditBytesWith(bytes, settings)
}

/** Audits an article's bytes (read from stdin, say) as a file's are: decoded by their byte-order mark or UTF-8, size-checked. */
export async function auditBytesWith(bytes: Uint8Array, settings: Settings): Promise<{report: AuditReport; text: string}> {
  if (bytes.length > settings.maxFileBytes) throw tooLarge(bytes.length, settings.maxFileBytes, settings.path)
  const {text, encoding} = decodeArticle(bytes, settings.path)
  return {report: await auditSource(text, sha256(bytes), settings, encoding), text}
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

/**
 * The flow: parse once; run every rule that is on (the registry's order), then the user's retext plugins; render
 * the page and run axe-core over it; then fingerprint, suppress and summarise.
 */
async function auditText(text: string, digest: string, settings: Settings, encoding: Encoding): Promise<AuditReport> {
  const watch = stopwatch()
  const deadline = deadlineOf(settings)
  const {format, article, rules, plugins} = await checkText(text, settings, encoding, {check: deadline.check, lap: watch.lap})
  deadline.check()

  const disabled = [
    ...(format === 'text' ? NOT_FOR_TEXT : []),
    ...Object.entries(settings.rules).flatMap(([id, rule]) => (rule.severity === 'off' ? [id] : []))
  ]
  const axeOptions = {tags: settings.accessibility.tags, disabledRules: disabled, styles: settings.accessibility.styles, onStage: watch.observer}
  const outcome = article.bodyEmpty
    ? noAxeOutcome(settings.engine)
    : settings.engine === 'chromium'
      ? await deadline.race((async () => (await import('./accessibility/chromium.ts')).runAxeInChromium(renderDocument(article, settings.lang), {...axeOptions, chromiumPath: settings.chromiumPath, path: settings.path, colorSchemes: settings.accessibility.colorSchemes}))())
      : await runAxe(renderDocument(article, settings.lang), {...axeOptions, deadline: deadline.race})
  watch.restart()
  deadline.check()
  const accessibility = summarizeAxe(outcome, settings)

  const drafts = [...rules.findings, ...plugins, ...axeFindings(outcome, text, settings, article.firstLine)]
  const controls = applyControls(finalizeFindings(drafts), rules.audit.get(articleControls))
  const unusedLevel = settings.rules['unused-suppression']?.severity ?? 'off'
  // A comment that switched nothing off is known only now; its findings join the rest, and no comment suppresses them.
  const {active: findings, suppressed} =
    unusedLevel === 'off' || controls.unused.length === 0
      ? controls
      : {...controls, active: [...controls.active, ...finalizeFindings(unusedFindings(controls.unused, text, unusedLevel, registryFor(settings)))].sort(byPlace)}
  const {readability, passiveVoice, jargon} = await proseSections(rules)
  const report: AuditReport = {
    schemaVersion: SCHEMA_VERSION,
    tool: {name: 'faircopy', version: VERSION},
    source: {
      ...(settings.path === undefined ? {} : {path: settings.path}),
      format,
      ...(encoding === 'utf-8' ? {} : {encoding}),
      sha256: digest,
      ...(article.title === undefined ? {} : {title: article.title}),
      ...(article.frontMatter === undefined ? {} : {frontMatter: article.frontMatter.format}),
      ...(article.templates.syntaxes.length === 0 ? {} : {templates: [...article.templates.syntaxes]})
    },
    summary: summarize(findings, suppressed.length, readability, passiveVoice, settings),
    readability,
    passiveVoice,
    jargon,
    accessibility,
    wcag: wcagRows(findings, accessibility, outcome.rulesRun, outcome.applicable, rules.ran),
    findings,
    suppressed,
    ...(article.bodyEmpty ? {notes: [EMPTY_BODY]} : {})
  }
  watch.lap('report')
  return report
}

/**
 * The audit up to the page: the article parsed once, every rule that is on run over it (the registry's order),
 * then the user's retext plugins. The prose measurements (accuracy on labelled text) read findings from here.
 */
export async function checkText(
  text: string,
  settings: Settings,
  encoding: Encoding,
  hooks: {check?: () => void; lap?: (stage: Stage) => void} = {}
): Promise<{format: Format; article: ParsedArticle; rules: RulesRun; plugins: DraftFinding[]}> {
  const format = settings.format ?? detectFormat(settings.path, text)
  const article = parseArticle(text, format, settings.path, {templates: settings.templates, maxElements: settings.maxElements})
  checkTreeSize(article.tree, settings.maxElements, settings.path)
  hooks.lap?.('parse')
  hooks.check?.()
  // A page with nothing but front matter and template tags is a stub its site generator fills: only the file is checked.
  const rules = await registryFor(settings).run({article, source: text, encoding, settings, checkpoint: hooks.check}, article.bodyEmpty ? ['input'] : undefined)
  const plugins = await userPluginFindings(rules.audit)
  hooks.lap?.('prose')
  return {format, article, rules, plugins}
}

/**
 * The audit's time limit (`timeout`, default 60 s), kept cooperatively: checked after parsing, before each rule and
 * after axe-core, whose run is stopped when the time is up. One step that never yields (a parser in a loop) cannot
 * be stopped from its own thread; `auditFiles`, `auditEach` and the CLI run files in worker threads, whose limit
 * stops anything by replacing the worker.
 */
function deadlineOf(settings: Settings): {check: () => void; race: <T>(work: Promise<T>) => Promise<T>} {
  const at = performance.now() + settings.timeout * 1000
  const error = () => new FaircopyError('E_TIMEOUT', `${settings.path ?? 'The article'} took longer than ${settings.timeout} s and was stopped.`, {path: settings.path})
  return {
    check: () => {
      if (performance.now() > at) throw error()
    },
    race: async <T>(work: Promise<T>): Promise<T> => {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(error()), Math.max(0, at - performance.now()))
      })
      try {
        return await Promise.race([work, late])
      } finally {
        clearTimeout(timer)
      }
    }
  }
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
