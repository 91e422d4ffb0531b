import axe from 'axe-core'
import type {Element as HastElement, Nodes as HastNodes, Root} from 'hast'
import {toDom} from 'hast-util-to-dom'
import {JSDOM, requestInterceptor, VirtualConsole} from 'jsdom'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import type {ColorScheme} from '../settings.ts'
import {primeStyles} from './cascade.ts'
import {IN_PAGE_SOURCE} from './in-page.ts'

/** One element axe-core reported, with the source position of the node it was built from. */
export interface AxeNode {
  readonly html: string
  readonly selector: string
  readonly failureSummary: string | undefined
  readonly position: Position | undefined
  /** The colour scheme the page was in, when it was judged in several and this node failed in only some. */
  readonly colorScheme?: ColorScheme | undefined
}

export interface AxeRule {
  readonly id: string
  readonly impact: axe.ImpactValue | undefined
  readonly help: string
  readonly helpUrl: string
  readonly tags: readonly string[]
  readonly nodes: readonly AxeNode[]
}

/** Which engine rendered the page for axe-core: jsdom (no layout) or a real Chromium. */
export type AxeEngine = 'jsdom' | 'chromium'

export interface AxeOutcome {
  readonly engine: AxeEngine
  readonly axeVersion: string
  readonly violations: readonly AxeRule[]
  readonly incomplete: readonly AxeRule[]
  /** Rules that applied and passed on every node: none failed, none was left for review. */
  readonly passes: readonly string[]
  /** Rules that applied to the page: passed, failed or undecided. */
  readonly applicable: ReadonlySet<string>
  /** Every rule the tags select, less the disabled ones, with its tags (layout rules jsdom cannot run are listed too). */
  readonly rulesRun: ReadonlyMap<string, readonly string[]>
  /** Rules the tags select that were turned off. */
  readonly rulesDisabled: readonly string[]
  /** The colour schemes the page was judged in, when more than the default light one. */
  readonly colorSchemes?: ReadonlyArray<ColorScheme> | undefined
}

export interface AxeRunOptions {
  readonly tags: readonly string[]
  /**
   * The audit's time limit: axe-core's run, raced against it. When the time is up first, the run rejects and its
   * window is closed, never reused.
   */
  readonly deadline?: (<T>(work: Promise<T>) => Promise<T>) | undefined
  readonly disabledRules: readonly string[]
  /** The site's style sheets as CSS text (`accessibility.stylesheets`), applied before the page's own. */
  readonly styles?: readonly string[] | undefined
  /** Use a new window instead of a warm one (tests compare the two). */
  readonly fresh?: boolean | undefined
  /**
   * Keep jsdom's live `children` and `host` getters and let jsdom compute every style itself, instead of settling
   * them and priming its style cache for the run (tests compare the two).
   */
  readonly live?: boolean | undefined
  /** Hears how long building the page's DOM (`render`) and running axe-core (`axe`) took, in milliseconds. */
  readonly onStage?: ((stage: 'render' | 'axe', milliseconds: number) => void) | undefined
}

type AxeWindow = JSDOM['window'] & {axe: typeof axe; faircopyPage: {selectorOf(element: Element): string}}

interface WarmWindow {
  readonly window: AxeWindow
  /** The window's own globals once axe-core is loaded: a page that left more behind is not reused. */
  readonly globals: number
  uses: number
}

const refuseEveryRequest = requestInterceptor(() => new Response(null, {status: 403, statusText: 'Blocked by faircopy'}))

/**
 * Layout rules that jsdom can only pass or skip without looking (no boxes, no scrolling, no focus order): running
 * them costs a sixth of axe-core's time and tells nothing. They stay in `rulesRun`, so the report lists them as
 * not checkable here, exactly as when they ran.
 */
const SILENT_IN_JSDOM = ['target-size', 'scrollable-region-focusable', 'frame-focusable-content']

/** A window is closed and replaced after this many pages, so that whatever jsdom keeps between pages cannot pile up. */
export const WINDOW_RECYCLE_AFTER = 200
/** Idle warm windows kept per thread: one per audit that ran at the same time, up to this many. */
const MAX_IDLE_WINDOWS = 2
const idle: WarmWindow[] = []
let opened = 0

/** How many axe windows this thread has opened (tests check that warm windows are reused, not opened anew). */
export function windowsOpened(): number {
  return opened
}

/**
 * A hardened jsdom window with axe-core loaded: the page's scripts never run (`runScripts: 'outside-only'` runs
 * only axe), nothing is fetched (every request is refused in process), the console is silent.
 */
function openWindow(): WarmWindow {
  opened++
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    runScripts: 'outside-only',
    virtualConsole: new VirtualConsole(),
    // jsdom fetches CSS @import even when subresources are off, so every request is answered here, offline.
    resources: {interceptors: [refuseEveryRequest]}
  })
  const window = dom.window as AxeWindow
  guardDispatcher(window)
  // jsdom lacks hit testing; without these two, landmark and heading rules end "incomplete" on every page.
  window.document.elementsFromPoint = () => []
  window.document.elementFromPoint = () => null
  window.eval(axe.source)
  window.eval(IN_PAGE_SOURCE)
  return {window, globals: Object.keys(window).length, uses: 0}
}

interface Dispatcher {
  dispatch(options: {origin?: unknown; path?: string; opaque?: {url?: string}}, handler: unknown): boolean
}

/**
 * jsdom reads `file:` and `data:` addresses itself, before any interceptor sees them: a `<link rel="stylesheet"
 * href="file:///…">`, an `<iframe src="file:///…">` or an `@import` would open a local file (a FIFO would hang
 * the audit). So every request of the window, whatever its scheme, is readdressed to one network address that the
 * interceptor refuses. Without the dispatcher to guard (a jsdom whose internals changed), no window opens at all.
 */
function guardDispatcher(window: AxeWindow): void {
  const dispatcher = (window as unknown as {_dispatcher?: Dispatcher})._dispatcher
  if (!dispatcher || typeof dispatcher.dispatch !== 'function') throw new Error('faircopy cannot guard this jsdom’s requests (its dispatcher is not where faircopy looks); refusing to audit without the guard.')
  const dispatch = dispatcher.dispatch.bind(dispatcher)
  dispatcher.dispatch = (options, handler) => dispatch({...options, origin: REFUSED_ORIGIN, path: '/', opaque: {...options.opaque, url: `${REFUSED_ORIGIN}/`}}, handler)
}

/** Where every request of an axe window is sent instead, to be refused by the interceptor before any connection. */
const REFUSED_ORIGIN = 'http://refused.faircopy.invalid'

/**
 * Takes the page out of a warm window and says whether the window is as a fresh one would be. jsdom keeps the
 * style sheet of a `<style>` or `<link>` whose ancestor leaves the document (one article's `img{display:none}`
 * would hide the next article's images from axe-core), so each sheet's element is removed on its own first. Then
 * the window is checked: no style sheets, no adopted ones, the base URL blank again, an empty document element, no
 * new globals. A window that fails any of these is closed instead of reused.
 */
function clearPage(warm: WarmWindow): boolean {
  const {window} = warm
  const document = window.document
  for (const sheet of [...document.styleSheets]) {
    const owner = sheet.ownerNode
    if (owner && 'remove' in owner) owner.remove()
  }
  for (const element of document.querySelectorAll('style, link')) element.remove()
  document.replaceChild(document.createElement('html'), document.documentElement)
  const adopted = (document as Document & {adoptedStyleSheets?: readonly unknown[]}).adoptedStyleSheets ?? []
  return (
    document.styleSheets.length === 0 &&
    adopted.length === 0 &&
    document.baseURI === 'about:blank' &&
    document.childNodes.length === 2 &&
    document.documentElement.attributes.length === 0 &&
    document.documentElement.childNodes.length === 0 &&
    Object.keys(window).length === warm.globals
  )
}

/**
 * Runs axe-core over a rendered page. Loading axe-core into a window costs more than running it, so each thread
 * keeps warm windows and reuses them: the next page replaces the document element, and axe-core clears its own
 * caches at the end of every run (its teardown runs again before the next, to be sure). A test over every fixture
 * shows the results, source positions included, are those of a fresh window.
 * The DOM is built from the hast tree, so every element maps back to its source position directly.
 */
export async function runAxe(page: Root, options: AxeRunOptions): Promise<AxeOutcome> {
  const warm = options.fresh ? openWindow() : (idle.pop() ?? openWindow())
  const {window} = warm
  let healthy = false
  try {
    const started = performance.now()
    const positions = mountPage(window.document, page)
    addSiteStyles(window.document, options.styles ?? [])
    const mounted = performance.now()
    options.onStage?.('render', mounted - started)
    window.axe.teardown()
    if (!options.live) {
      settle(window.document)
      primeStyles(window.document)
    }
    const known = new Set(window.axe.getRules().map((entry) => entry.ruleId))
    const disabled = options.disabledRules.filter((id) => known.has(id))
    const results = await (options.deadline ?? ((work) => work))(window.axe.run(window.document, {
      runOnly: {type: 'tag', values: [...options.tags]},
      rules: Object.fromEntries([...disabled, ...SILENT_IN_JSDOM].map((id) => [id, {enabled: false}])),
      resultTypes: ['violations', 'incomplete'],
      // Framed pages are other documents, never loaded here.
      iframes: false,
      elementRef: true,
      // axe-core builds unique selectors through jsdom's live HTMLCollections, which costs quadratic time on long
      // pages (a 1.5 MB article: seconds). faircopy finds elements by reference and writes a short path itself.
      selectors: false
    }))
    const rule = (result: axe.Result): AxeRule => ({
      id: result.id,
      impact: result.impact ?? undefined,
      help: result.help,
      helpUrl: result.helpUrl,
      tags: [...result.tags],
      nodes: result.nodes.map((node) => ({
        html: node.html,
        selector: node.element ? window.faircopyPage.selectorOf(node.element) : '',
        failureSummary: node.failureSummary,
        position: node.element ? positionOf(node.element, positions) : undefined
      }))
    })
    const outcome = outcomeOf({
      engine: 'jsdom',
      axeVersion: results.testEngine.version,
      violations: results.violations.map(rule),
      incomplete: results.incomplete.map(rule),
      passed: results.passes.map((result) => result.id),
      selected: window.axe.getRules([...options.tags]).map((entry) => [entry.ruleId, entry.tags]),
      tags: options.tags,
      disabled
    })
    options.onStage?.('axe', performance.now() - mounted)
    healthy = true
    return outcome
  } finally {
    // The page leaves the window; a window that failed, or has served its turn, is closed instead of reused.
    warm.uses++
    if (!options.fresh && healthy && warm.uses < WINDOW_RECYCLE_AFTER && idle.length < MAX_IDLE_WINDOWS && clearPage(warm)) {
      idle.push(warm)
    } else {
      window.close()
    }
  }
}

/** Element children past which a parent's `children` is worth fixing for the run. */
const MANY_CHILDREN = 16

/**
 * Two jsdom getters that axe-core and jsdom's own selector engine read again and again cost more than all the
 * rest on long pages, and their values cannot change while axe-core runs (the page's scripts never run, and
 * axe-core only reads). So, for this page only, they become plain values:
 * - `children` of a parent with many children: a live HTMLCollection behind a proxy, which axe-core searches with
 *   `indexOf` for every heading's ancestry (quadratic in the siblings: 8 s of a 1 MB release-notes page);
 * - `host` of a link: jsdom parses the link's URL on every read, and the selector engine reads `host` of every
 *   ancestor of every element it matches a style rule against.
 * The elements leave with the page after the run.
 */
function settle(document: Document): void {
  for (const element of document.querySelectorAll('*')) {
    if (element.childElementCount > MANY_CHILDREN) Object.defineProperty(element, 'children', {value: Object.freeze([...element.children]), configurable: true})
    if (element.localName === 'a' || element.localName === 'area') Object.defineProperty(element, 'host', {value: (element as HTMLAnchorElement).host, configurable: true})
  }
}

/** What an engine's axe-core run gives, before faircopy decides what passed and what the tags ran. */
export interface RawOutcome {
  readonly engine: AxeEngine
  readonly axeVersion: string
  readonly violations: readonly AxeRule[]
  readonly incomplete: readonly AxeRule[]
  /** axe-core's passes: rules where at least one node passed. */
  readonly passed: readonly string[]
  /** The rules the tags select, with their tags, as axe-core lists them. */
  readonly selected: ReadonlyArray<readonly [string, readonly string[]]>
  readonly tags: readonly string[]
  readonly disabled: readonly string[]
}

/**
 * The outcome both engines report. axe-core lists a rule as passed when one node passed; faircopy only when none
 * failed or was left undecided. axe-core runs an experimental rule only when the tags name `experimental`, so
 * only then is it among the rules run.
 */
export function outcomeOf(raw: RawOutcome): AxeOutcome {
  const failedOrOpen = new Set([...raw.violations, ...raw.incomplete].map((rule) => rule.id))
  const experimental = raw.tags.includes('experimental')
  const selected = raw.selected.filter(([, tags]) => experimental || !tags.includes('experimental'))
  return {
    engine: raw.engine,
    axeVersion: raw.axeVersion,
    violations: raw.violations,
    incomplete: raw.incomplete,
    passes: raw.passed.filter((id) => !failedOrOpen.has(id)),
    applicable: new Set([...raw.passed, ...failedOrOpen]),
    rulesRun: new Map(selected.filter(([id]) => !raw.disabled.includes(id))),
    rulesDisabled: selected.filter(([id]) => raw.disabled.includes(id)).map(([id]) => id)
  }
}

/**
 * One outcome of a page judged in several colour schemes: a node that failed in every scheme is one node; one that
 * failed in some carries its scheme. A rule passed only when it passed in every scheme.
 */
export function mergeSchemes(runs: ReadonlyArray<{scheme: ColorScheme; outcome: AxeOutcome}>): AxeOutcome {
  const [first] = runs
  if (!first) return noAxeOutcome()
  if (runs.length === 1) return first.outcome
  const key = (node: AxeNode) => `${node.position?.start.offset ?? -1}\u0000${node.selector}\u0000${node.failureSummary ?? ''}`
  const merge = (pick: (outcome: AxeOutcome) => readonly AxeRule[]): AxeRule[] => {
    const rules = new Map<string, {rule: AxeRule; nodes: Array<{node: AxeNode; schemes: Array<ColorScheme>}>}>()
    for (const {scheme, outcome} of runs) {
      for (const rule of pick(outcome)) {
        const entry = rules.get(rule.id) ?? {rule, nodes: []}
        rules.set(rule.id, entry)
        for (const node of rule.nodes) {
          const same = entry.nodes.find((seen) => key(seen.node) === key(node) && !seen.schemes.includes(scheme))
          if (same) same.schemes.push(scheme)
          else entry.nodes.push({node, schemes: [scheme]})
        }
      }
    }
    return [...rules.values()].map(({rule, nodes}) => ({
      ...rule,
      nodes: nodes.flatMap(({node, schemes}) => (schemes.length === runs.length ? [node] : schemes.map((scheme) => ({...node, colorScheme: scheme}))))
    }))
  }
  return {
    ...first.outcome,
    violations: merge((outcome) => outcome.violations),
    incomplete: merge((outcome) => outcome.incomplete),
    passes: first.outcome.passes.filter((id) => runs.every(({outcome}) => outcome.passes.includes(id))),
    applicable: new Set(runs.flatMap(({outcome}) => [...outcome.applicable])),
    colorSchemes: runs.map(({scheme}) => scheme)
  }
}

/** The outcome of a page axe-core was not run on: nothing found, passed or checked. */
export function noAxeOutcome(engine: AxeEngine = 'jsdom'): AxeOutcome {
  return {engine, axeVersion: axe.version, violations: [], incomplete: [], passes: [], applicable: new Set(), rulesRun: new Map(), rulesDisabled: []}
}

/** Closes the idle warm windows (a worker about to end, or a test that wants none left). */
export function closeWarmWindows(): void {
  for (const warm of idle.splice(0)) warm.window.close()
}

/** The site's style sheets, first in the head, so that the page's own styles come after them as on the site. */
function addSiteStyles(document: Document, styles: readonly string[]): void {
  const head = document.head ?? document.documentElement.insertBefore(document.createElement('head'), document.documentElement.firstChild)
  for (const css of styles.toReversed()) {
    const style = document.createElement('style')
    style.textContent = css
    head.insertBefore(style, head.firstChild)
  }
}

/** Replaces the window's document element with the page built from hast, remembering each element's source position. */
function mountPage(document: Document, page: Root): WeakMap<Element, Position> {
  const positions = new WeakMap<Element, Position>()
  const html = page.children.find((node): node is HastElement => node.type === 'element' && node.tagName === 'html')
  const root: HastNodes = html ?? {type: 'element', tagName: 'html', properties: {}, children: page.children.filter((node) => node.type !== 'doctype') as HastElement[]}
  dropUnsettableAttributes(root)
  const built = toDom(root, {
    document,
    afterTransform(node, domNode) {
      if (node.type === 'element' && node.position?.start && node.position.end && isElement(domNode)) positions.set(domNode, node.position)
    }
  })
  document.replaceChild(built, document.documentElement)
  return positions
}

// The XML Name production, which the DOM's setAttribute enforces; the HTML parser accepts far more (`<p <img>`).
const nameStart = ':A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD'
const xmlName = new RegExp(`^[${nameStart}][${nameStart}\\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*$`)

/**
 * Broken markup can leave attributes whose names the HTML parser accepts but the DOM cannot set (`<p <img src=x>`
 * gives the paragraph an attribute named `<img`). They mean nothing to axe-core, so they are dropped before the
 * page is built rather than failing the audit.
 */
export function dropUnsettableAttributes(node: HastNodes): void {
  visit(node, 'element', (element) => {
    for (const key of Object.keys(element.properties)) if (!xmlName.test(key)) delete element.properties[key]
    // A template's content is a fragment of its own, which unist-util-visit does not enter; the DOM builds it too.
    if (element.content) dropUnsettableAttributes(element.content)
  })
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1
}

/** The element's own position, else its nearest positioned ancestor's (elements the wrapper made have none). */
function positionOf(element: Element, positions: WeakMap<Element, Position>): Position | undefined {
  for (let current: Element | null = element; current; current = current.parentElement) {
    const position = positions.get(current)
    if (position) return position
  }
  return undefined
}
