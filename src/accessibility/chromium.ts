import {existsSync} from 'node:fs'
import axe from 'axe-core'
import type {Element as HastElement, Nodes as HastNodes, Root, RootContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import type {Browser, BrowserContext, Page} from 'playwright-core'
import type {Position} from 'unist'
import {FaircopyError} from '../errors.ts'
import type {ColorScheme} from '../settings.ts'
import {dropUnsettableAttributes, mergeSchemes, outcomeOf, type AxeOutcome, type AxeRule, type AxeRunOptions} from './axe.ts'
import {IN_PAGE_SOURCE, NODE_ATTRIBUTE} from './in-page.ts'

/** A proxy that cannot be reached: its name is reserved (`.invalid`), and the browser resolves no name at all. */
const NO_PROXY = 'http://proxy.faircopy.invalid:9'

/** Where Chromium is looked for when neither `chromiumPath` nor `FAIRCOPY_CHROMIUM` names it (Debian's package first). */
const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/**
 * Where articles are served, inside the browser only: no request for it ever leaves the process. One origin for
 * all, so that the browser keeps axe-core compiled between articles (a new origin would mean a new renderer).
 */
const PAGE_ORIGIN = 'http://article.faircopy.invalid/'

/**
 * What the page may load: nothing but its own inline styles. No script runs (not the article's `<script>`,
 * `onerror=` or `javascript:`), no frame loads, no style sheet, font or image is fetched or decoded, not even from
 * `data:`. axe-core itself is evaluated by the driver, which a page's policy does not govern.
 */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'none'; form-action 'none'; base-uri 'none'"

export interface ChromiumRunOptions extends AxeRunOptions {
  /** The Chromium to drive; else `FAIRCOPY_CHROMIUM`, else the usual install paths. */
  readonly chromiumPath?: string | undefined
  /** Names the file in error messages. */
  readonly path?: string | undefined
  /** The colour schemes to show the page in, once each (`prefers-color-scheme`); default light. */
  readonly colorSchemes?: ReadonlyArray<ColorScheme> | undefined
}

/** The Chromium executable to drive, or E_ENGINE_UNAVAILABLE saying how to get one. faircopy never downloads a browser. */
export function chromiumExecutable(chromiumPath?: string): string {
  const named = chromiumPath ?? process.env.FAIRCOPY_CHROMIUM
  if (named !== undefined && named !== '') {
    if (existsSync(named)) return named
    throw new FaircopyError('E_ENGINE_UNAVAILABLE', `Chromium was not found at ${named}: install it (on Debian or Ubuntu: apt-get install chromium) or set chromiumPath or FAIRCOPY_CHROMIUM to its path.`)
  }
  const found = KNOWN_PATHS.find((path) => existsSync(path))
  if (found) return found
  throw new FaircopyError('E_ENGINE_UNAVAILABLE', 'The chromium engine needs Chromium, which was not found: install it (on Debian or Ubuntu: apt-get install chromium) or set chromiumPath or FAIRCOPY_CHROMIUM to its path.')
}

let browser: Promise<Browser> | undefined
let browserPath: string | undefined
let launches = 0

/** How many browsers this thread has launched (tests check that one browser serves many articles). */
export function browsersLaunched(): number {
  return launches
}

/** One browser per thread, launched on first use and reused; a browser that died is launched again on the next call. */
function browserFor(executablePath: string): Promise<Browser> {
  if (browser && browserPath === executablePath) return browser
  if (browser) void closeBrowser()
  launches++
  browserPath = executablePath
  const launched = import('playwright-core').then(({chromium}) =>
    chromium.launch({
      executablePath,
      headless: true,
      // The driver's own signal handlers would end a worker's process; faircopy closes the browser itself.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-default-apps',
        '--disable-extensions',
        '--disable-sync',
        '--no-first-run',
        '--mute-audio',
        // Every request is answered by faircopy's router before it reaches the network, but the browser opens
        // connections ahead of requests too (`<link rel="preconnect">`, prediction). These go to a proxy that
        // cannot be reached, loopback included, and no host name resolves, so no packet leaves the process.
        `--proxy-server=${NO_PROXY}`,
        '--proxy-bypass-list=<-loopback>',
        '--host-resolver-rules=MAP * ~NOTFOUND'
      ]
    })
  )
  browser = launched
  launched.then(
    (opened) => opened.on('disconnected', () => {
      if (browser === launched) browser = undefined
    }),
    () => {
      if (browser === launched) browser = undefined
    }
  )
  return launched
}

/** Closes this thread's browser (a worker about to end, or a test that wants none left). */
export async function closeBrowser(): Promise<void> {
  const open = browser
  browser = undefined
  idleTabs.splice(0)
  if (open) await open.then((opened) => opened.close()).catch(() => undefined)
}

/** A tab kept warm between articles: its context, and the page that each article is navigated into. */
interface Tab {
  readonly context: BrowserContext
  readonly page: Page
  readonly browser: Browser
  /** The documents this tab may load, by address: the article being audited, nothing else. */
  readonly documents: Map<string, string>
  uses: number
}

/** A tab is closed and replaced after this many articles, as jsdom's warm windows are. */
const TAB_RECYCLE_AFTER = 200
/** Idle tabs kept per thread: one per audit that ran at the same time, up to this many. */
const MAX_IDLE_TABS = 2
const idleTabs: Tab[] = []
let served = 0

async function openTab(opened: Browser): Promise<Tab> {
  const context = await opened.newContext({viewport: {width: 1280, height: 800}, serviceWorkers: 'block', acceptDownloads: false, colorScheme: 'light', reducedMotion: 'reduce'})
  const documents = new Map<string, string>()
  // Every request is answered here: the article's own document, and a refusal for anything else (the page's
  // policy should have stopped it before it was asked for).
  // A navigation away (`<meta http-equiv="refresh">`) is answered "204 No Content", which leaves the article's
  // document where it is.
  await context.route('**/*', (route) => {
    const request = route.request()
    const navigation = request.isNavigationRequest() && request.frame().parentFrame() === null
    const body = navigation ? documents.get(request.url()) : undefined
    if (body !== undefined) return route.fulfill({status: 200, headers: {'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_POLICY}, body})
    return navigation ? route.fulfill({status: 204}) : route.abort('blockedbyclient')
  })
  const page = await context.newPage()
  return {context, page, browser: opened, documents, uses: 0}
}

/**
 * Whether a tab's new document starts as a fresh context's would: navigation gives it a new document and a new
 * JavaScript realm, and since no script of any article runs, nothing is left in cookies or storage; this checks
 * it, and that faircopy's helpers are not there yet. A tab that fails is closed, and the article gets a new one.
 */
const CLEAN_CHECK = `document.cookie === '' && localStorage.length === 0 && sessionStorage.length === 0 && typeof window.axe === 'undefined' && typeof window.faircopyPage === 'undefined' && document.adoptedStyleSheets.length === 0`

/**
 * Runs axe-core over the page in a real Chromium: the same document faircopy builds for jsdom, served from inside
 * the browser with a policy that runs no script and loads nothing. Each article is a new document (a navigation
 * within a tab kept warm, checked clean; a fresh context every 200 articles). Each element carries its source
 * index in an attribute that the page takes out again before axe-core runs, so findings map to their source line
 * and column as in jsdom.
 */
export async function runAxeInChromium(page: Root, options: ChromiumRunOptions): Promise<AxeOutcome> {
  const executablePath = chromiumExecutable(options.chromiumPath)
  const started = performance.now()
  const {html, positions} = serialise(page, options.styles ?? [])
  options.onStage?.('render', performance.now() - started)
  let opened: Browser
  try {
    opened = await browserFor(executablePath)
  } catch (error) {
    throw new FaircopyError('E_ENGINE_UNAVAILABLE', `Chromium at ${executablePath} did not start: ${firstLine(error)}`, {path: options.path, cause: error})
  }
  let tab: Tab | undefined
  let healthy = false
  try {
    const axeStarted = performance.now()
    tab = takeIdleTab(opened, options.fresh) ?? (await openTab(opened))
    const runs: Array<{scheme: ColorScheme; outcome: AxeOutcome}> = []
    for (const scheme of options.colorSchemes ?? ['light']) runs.push({scheme, outcome: await judge(tab, html, positions, options, scheme)})
    const outcome = mergeSchemes(runs)
    options.onStage?.('axe', performance.now() - axeStarted)
    healthy = true
    return outcome
  } catch (error) {
    throw error instanceof FaircopyError ? error : crashed(options.path, error)
  } finally {
    if (tab) {
      tab.uses++
      if (!options.fresh && healthy && tab.uses < TAB_RECYCLE_AFTER && idleTabs.length < MAX_IDLE_TABS && tab.browser.isConnected()) idleTabs.push(tab)
      else await tab.context.close().catch(() => undefined)
    }
  }
}

/** Shows the page in one colour scheme in a tab and runs axe-core over it. */
async function judge(tab: Tab, html: string, positions: ReadonlyArray<Position | undefined>, options: ChromiumRunOptions, scheme: ColorScheme): Promise<AxeOutcome> {
  const address = `${PAGE_ORIGIN}${++served}`
  // Set for every article: a warm tab keeps the scheme of the one before.
  await tab.page.emulateMedia({colorScheme: scheme})
  tab.documents.set(address, html)
  await tab.page.goto(address, {waitUntil: 'load'})
  tab.documents.delete(address)
  if (tab.page.url() !== address || !(await tab.page.evaluate(CLEAN_CHECK))) throw new Error('the page did not start clean')
  await tab.page.evaluate(axe.source)
  await tab.page.evaluate(IN_PAGE_SOURCE)
  const raw = (await tab.page.evaluate(`window.faircopyPage.run(${JSON.stringify({tags: [...options.tags], disabled: [...options.disabledRules]})})`)) as InPageOutcome
  const rule = (result: InPageRule): AxeRule => ({
    id: result.id,
    impact: result.impact ?? undefined,
    help: result.help,
    helpUrl: result.helpUrl,
    tags: result.tags,
    nodes: result.nodes.map((node) => ({html: node.html, selector: node.selector, failureSummary: node.failureSummary ?? undefined, position: positions[node.index]}))
  })
  return outcomeOf({
    engine: 'chromium',
    axeVersion: raw.version,
    violations: raw.violations.map(rule),
    incomplete: raw.incomplete.map(rule),
    passed: raw.passes,
    selected: raw.selected,
    tags: options.tags,
    disabled: options.disabledRules
  })
}

/** An idle tab of the running browser, if any (tabs of a browser that has gone are dropped). */
function takeIdleTab(opened: Browser, fresh: boolean | undefined): Tab | undefined {
  if (fresh) return undefined
  for (let tab = idleTabs.pop(); tab; tab = idleTabs.pop()) {
    if (tab.browser === opened && opened.isConnected()) return tab
    void tab.context.close().catch(() => undefined)
  }
  return undefined
}

interface InPageRule {
  readonly id: string
  readonly impact: axe.ImpactValue | null | undefined
  readonly help: string
  readonly helpUrl: string
  readonly tags: string[]
  readonly nodes: ReadonlyArray<{html: string; failureSummary: string | null | undefined; selector: string; index: number}>
}

interface InPageOutcome {
  readonly version: string
  readonly violations: readonly InPageRule[]
  readonly incomplete: readonly InPageRule[]
  readonly passes: readonly string[]
  readonly selected: ReadonlyArray<readonly [string, readonly string[]]>
}

function crashed(path: string | undefined, error: unknown): FaircopyError {
  return new FaircopyError('E_ENGINE_CRASHED', `${path ?? 'The article'}: Chromium failed while auditing it (${firstLine(error)}); the next file gets a new browser.`, {path, cause: error})
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? ''
}

/**
 * The page as HTML, each element with a source position marked by its index into `positions`. The article's tree
 * is copied, not changed: the prose checks share it.
 */
function serialise(page: Root, styles: readonly string[]): {html: string; positions: Array<Position | undefined>} {
  const positions: Array<Position | undefined> = []
  const copy = <T extends HastNodes>(node: T): T => {
    if (node.type === 'element') {
      const element = node as HastElement
      const properties = {...element.properties}
      if (element.position?.start && element.position.end) {
        properties[NODE_ATTRIBUTE] = String(positions.length)
        positions.push(element.position)
      }
      return {...element, properties, children: element.children.map((child) => copy(child))} as T
    }
    if (node.type === 'root') return {...node, children: (node as Root).children.map((child) => copy(child) as RootContent)} as T
    return node
  }
  dropUnsettableAttributes(page)
  const copied = copy(page)
  // The site's style sheets, first in the head, before the page's own (as in the jsdom engine).
  const html = copied.children.find((node): node is HastElement => node.type === 'element' && node.tagName === 'html')
  const head = html?.children.find((node): node is HastElement => node.type === 'element' && node.tagName === 'head')
  const sheets: HastElement[] = styles.map((css) => ({type: 'element', tagName: 'style', properties: {}, children: [{type: 'text', value: css}]}))
  if (head) head.children.unshift(...sheets) // bounded: the sheets a config names
  else if (html) html.children.unshift({type: 'element', tagName: 'head', properties: {}, children: sheets})
  return {html: toHtml(copied), positions}
}
