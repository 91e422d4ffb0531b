import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

/**
 * jsdom's `getComputedStyle` matches every rule of its default style sheet and the page's sheets against the
 * element, one element at a time: for the rules whose selector list holds a part with no type, id or class (for
 * example `[dir=ltr i]` inside a list of fifty tag names), every element goes through the slow path of its
 * selector engine. axe-core asks for the style of every element, so on a long page this cascade was most of
 * axe-core's time (15 s of a 1 MB release-notes page).
 *
 * `primeStyles` computes the same declarations for every element once before axe-core runs and puts them in
 * jsdom's own style cache, where `getComputedStyle` finds them (jsdom empties that cache on any change to the
 * document, so a page that changed would be styled by jsdom again, correctly). What it does differently is only
 * how it finds the rules that match:
 * - a rule's selector list is tried part by part, and a part only on elements that can match it: of its type, id
 *   and class (jsdom's own test) and carrying every attribute the part's subject asks for (`[dir=ltr i]` needs a
 *   `dir` attribute); whether the part matches is then asked of jsdom's selector engine, as jsdom asks it;
 * - a list that names a pseudo-element, or that the engine refuses as a whole, is tried whole, as jsdom does;
 * - a rule's specificity is computed once, from the same selector tree jsdom computes it from.
 * Declarations are then applied as jsdom applies them: `!important` first come first kept, otherwise the higher or
 * equal specificity later wins, and the element's own `style` last. A test compares every property of every
 * element of every fixture with jsdom's own result.
 *
 * It reaches into jsdom's internals (the style cache, the CSSOM implementation objects, the selector engine), so
 * it checks they are shaped as expected and, when they are not (another jsdom), does nothing: jsdom then computes
 * the styles itself, only slower. Returns how many elements it styled (0 when it did nothing).
 */
export function primeStyles(document: Document): number {
  const internals = jsdomInternals()
  if (!internals) return 0
  const documentImpl = internals.idlUtils.implForWrapper(document) as DocumentImpl | undefined
  if (!documentImpl || !(documentImpl._styleCache instanceof WeakMap) || typeof documentImpl._getDOMSelector !== 'function') return 0
  if (documentImpl.contentType !== 'text/html') return 0
  const engine = documentImpl._getDOMSelector()
  const rules = cascadeRules(documentImpl, engine, internals)
  if (!rules) return 0
  const elements = [...document.querySelectorAll('*')]
  const present = presentIn(elements)
  const byTag = new Map<string, Part[]>()
  const anyTag: Part[] = []
  for (const rule of rules) {
    for (const part of rule.parts) {
      if (!possible(part, present)) continue
      if (part.tag === null) anyTag.push(part)
      else {
        const list = byTag.get(part.tag)
        if (list) list.push(part)
        else byTag.set(part.tag, [part])
      }
    }
  }
  const cache = documentImpl._styleCache
  const candidates = new Set<number>()
  const focused = document.activeElement ? internals.idlUtils.implForWrapper(document.activeElement) : undefined
  for (const wrapper of elements) {
    const element = internals.idlUtils.implForWrapper(wrapper) as ElementImpl
    const tag = element._localName.toLowerCase()
    const id = element.getAttributeNS(null, 'id')
    const context = {id, focused: element === focused}
    candidates.clear()
    for (const list of [byTag.get(tag), anyTag]) {
      for (const part of list ?? []) {
        if (!candidates.has(part.rule.index) && mightMatch(part, element, context)) candidates.add(part.rule.index)
      }
    }
    const declaration = internals.CSSStyleProperties.createImpl(element._globalObject, [], {computed: true, ownerNode: element}) as DeclarationImpl
    const specificities = new Map<string, unknown>()
    // bounded: a page's rules, a few hundred
    for (const index of [...candidates].sort((a, b) => a - b)) {
      const rule = rules[index] as Rule
      if (!ruleMatches(rule, element, context, engine, present)) continue
      applyRule(rule, element, engine, declaration, specificities, internals)
    }
    const inline = element.style
    for (let i = 0; i < inline.length; i++) {
      const property = inline.item(i)
      const priority = inline.getPropertyPriority(property)
      if (!declaration.getPropertyPriority(property) || priority) declaration.setProperty(property, inline.getPropertyValue(property), priority)
    }
    declaration._readonly = true
    cache.set(element, declaration)
  }
  return elements.length
}

interface DeclarationImpl {
  readonly length: number
  item(index: number): string
  getPropertyValue(property: string): string
  getPropertyPriority(property: string): string
  setProperty(property: string, value: string, priority?: string): void
  _readonly: boolean
}

interface ElementImpl {
  readonly _localName: string
  readonly _globalObject: unknown
  readonly style: DeclarationImpl
  readonly classList: {contains(name: string): boolean}
  getAttributeNS(namespace: null, name: string): string | null
  /** The HTML element's own test: the name is lowercased first, as a selector's attribute name is matched. */
  hasAttribute(name: string): boolean
  readonly _namespaceURI: string | null
}

interface SelectorEngine {
  check(selector: string, element: ElementImpl): {match?: boolean; ast?: unknown; pseudoElement?: unknown}
  matches(selector: string, element: ElementImpl): boolean
  extractSubjects(selector: string, xml: boolean): Array<{id: string | null; className: string | null; tag: string | null}>
}

interface DocumentImpl {
  readonly contentType: string
  readonly _styleCache: WeakMap<object, unknown>
  _getDOMSelector(): SelectorEngine
  readonly documentElement: ElementImpl | null
  readonly styleSheets: {readonly _list: readonly SheetImpl[]}
}

interface SheetImpl {
  readonly cssRules: {readonly _list: readonly RuleImpl[]}
}

interface RuleImpl {
  readonly selectorText?: string
  readonly style?: DeclarationImpl
  readonly media?: {readonly _list: unknown}
  readonly styleSheet?: SheetImpl | null
  readonly cssRules?: {readonly _list: readonly RuleImpl[]}
}

interface Internals {
  idlUtils: {implForWrapper(wrapper: unknown): unknown}
  CSSStyleProperties: {createImpl(globalObject: unknown, args: unknown[], data: object): unknown}
  isStyleRule(rule: RuleImpl): boolean
  isMediaRule(rule: RuleImpl): boolean
  isImportRule(rule: RuleImpl): boolean
  evaluateMediaList(list: unknown): boolean
  parseStyleSheet(css: string, globalObject: unknown): SheetImpl
  specificity: {calculate(ast: unknown): Array<{value: unknown}>; compare(a: unknown, b: unknown): number}
  defaultCss: string
}

/** One style rule, in cascade order, with the parts of its selector list that are tried on their own. */
interface Rule {
  readonly index: number
  readonly selector: string
  readonly style: DeclarationImpl
  /** Tried part by part (`true`), or whole as jsdom tries it. */
  readonly split: boolean
  readonly parts: readonly Part[]
  /** Computed from the tree of the first element the rule matched (jsdom's tree for the whole list). */
  specificity?: unknown
}

interface Part {
  readonly rule: Rule
  readonly text: string
  readonly tag: string | null
  readonly id: string | null
  readonly className: string | null
  /** Attributes the part's subject must carry. */
  readonly attributes: readonly string[]
  /** The subject must be the focused element (`:focus`, `:focus-visible`). */
  readonly focus: boolean
  /** Type, id, class and attribute names that some element of the page must have for the part to match at all. */
  readonly needs: Needs
}

/** Names a page must hold somewhere, lowercased. */
interface Needs {
  readonly tags: readonly string[]
  readonly ids: readonly string[]
  readonly classes: readonly string[]
  readonly attributes: readonly string[]
}

const NO_NEEDS: Needs = {tags: [], ids: [], classes: [], attributes: []}

interface Context {
  readonly id: string | null
  readonly focused: boolean
}

let loaded: Internals | null | undefined
let defaultSheet: SheetImpl | undefined

function jsdomInternals(): Internals | undefined {
  if (loaded === undefined) {
    try {
      const require = createRequire(import.meta.url)
      const root = require.resolve('jsdom/package.json').replace(/package\.json$/, 'lib/')
      const isImpl = (path: string) => (require(root + path) as {isImpl(value: unknown): boolean}).isImpl
      const specificityModule = createRequire(root)('@bramus/specificity') as {default: Internals['specificity']}
      const internals: Internals = {
        idlUtils: require(root + 'generated/idl/utils.js'),
        CSSStyleProperties: require(root + 'generated/idl/CSSStyleProperties.js'),
        isStyleRule: isImpl('generated/idl/CSSStyleRule.js'),
        isMediaRule: isImpl('generated/idl/CSSMediaRule.js'),
        isImportRule: isImpl('generated/idl/CSSImportRule.js'),
        evaluateMediaList: (require(root + 'jsdom/living/css/MediaList-impl.js') as {evaluateMediaList: Internals['evaluateMediaList']}).evaluateMediaList,
        parseStyleSheet: (require(root + 'jsdom/living/css/helpers/css-parser.js') as {parseStyleSheet: Internals['parseStyleSheet']}).parseStyleSheet,
        specificity: specificityModule.default,
        defaultCss: readFileSync(root + 'jsdom/browser/default-stylesheet.css', 'utf8')
      }
      const shaped = [internals.idlUtils.implForWrapper, internals.CSSStyleProperties.createImpl, internals.isStyleRule, internals.evaluateMediaList, internals.parseStyleSheet, internals.specificity.calculate, internals.specificity.compare].every((value) => typeof value === 'function')
      loaded = shaped ? internals : null
    } catch {
      loaded = null
    }
  }
  return loaded ?? undefined
}

/** The style rules jsdom applies, in its order: its default sheet, then the document's, `@media` and `@import` opened when they apply. */
function cascadeRules(document: DocumentImpl, engine: SelectorEngine, internals: Internals): Rule[] | undefined {
  const root = document.documentElement
  if (!root) return undefined
  defaultSheet ??= internals.parseStyleSheet(internals.defaultCss, (root as unknown as {_globalObject: unknown})._globalObject)
  const rules: Rule[] = []
  const add = (rule: RuleImpl) => {
    if (!internals.isStyleRule(rule) || rule.selectorText === undefined || !rule.style) return
    rules.push(compileRule(rules.length, rule.selectorText, rule.style, engine, root))
  }
  const sheet = (each: SheetImpl) => {
    for (const rule of each.cssRules._list) {
      if (internals.isImportRule(rule)) {
        if (rule.styleSheet && internals.evaluateMediaList(rule.media?._list)) for (const inner of rule.styleSheet.cssRules._list) add(inner)
      } else if (internals.isMediaRule(rule)) {
        if (internals.evaluateMediaList(rule.media?._list)) for (const inner of rule.cssRules?._list ?? []) add(inner)
      } else add(rule)
    }
  }
  sheet(defaultSheet)
  for (const each of document.styleSheets._list) sheet(each)
  return rules
}

/** Pseudo-elements, new and legacy spellings: a list that names one is matched whole, as jsdom matches it. */
const PSEUDO_ELEMENT = /::|:(?:before|after|first-line|first-letter)(?![\w-])/i

function compileRule(index: number, selector: string, style: DeclarationImpl, engine: SelectorEngine, root: ElementImpl): Rule {
  const pieces = PSEUDO_ELEMENT.test(selector) || !validList(selector, engine, root) ? undefined : splitList(selector)
  const rule: {index: number; selector: string; style: DeclarationImpl; split: boolean; parts: Part[]} = {index, selector, style, split: pieces !== undefined && pieces.length > 1, parts: []}
  if (pieces) {
    for (const text of pieces) {
      const [keys] = engine.extractSubjects(text, false)
      const compounds = compoundsOf(text)
      const subject = compounds?.at(-1)
      const attributes = [...(subject?.attributes ?? [])]
      if (subject?.pseudoClasses.some((name) => LINK_STATES.has(name))) attributes.push('href')
      if (subject?.pseudoClasses.includes('popover-open')) attributes.push('popover')
      rule.parts.push({
        rule,
        text,
        tag: keys?.tag ?? null,
        id: keys?.id ?? null,
        className: keys?.className ?? null,
        attributes,
        focus: subject?.pseudoClasses.some((name) => name === 'focus' || name === 'focus-visible') ?? false,
        needs: compounds ? needsOf(compounds) : NO_NEEDS
      })
    }
  } else {
    // Whole, with jsdom's own test of type, id and class for each part.
    for (const keys of engine.extractSubjects(selector, false)) {
      rule.parts.push({rule, text: selector, tag: keys.tag, id: keys.id, className: keys.className, attributes: [], focus: false, needs: NO_NEEDS})
    }
  }
  return rule
}

/** Only links match these (`a` and `area` with an `href`). */
const LINK_STATES = new Set(['link', 'visited', 'any-link'])

function validList(selector: string, engine: SelectorEngine, root: ElementImpl): boolean {
  try {
    engine.matches(selector, root)
    return true
  } catch {
    return false
  }
}

/** The complex selectors of a selector list: commas outside brackets, parentheses and strings. */
function splitList(selector: string): string[] | undefined {
  const parts: string[] = []
  let depth = 0
  let quote = ''
  let start = 0
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i]
    if (char === '\\') {
      i++
    } else if (quote !== '') {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === '(' || char === '[') {
      depth++
    } else if (char === ')' || char === ']') {
      depth--
    } else if (char === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim())
      start = i + 1
    }
  }
  if (depth !== 0 || quote !== '') return undefined
  parts.push(selector.slice(start).trim())
  return parts.every((part) => part !== '') ? parts : undefined
}

/** What one compound selector (`a.note[href]:hover`) names outside parentheses. */
interface Compound {
  tag: string | null
  ids: string[]
  classes: string[]
  attributes: string[]
  pseudoClasses: string[]
}

/**
 * The compounds of one complex selector, left to right, with the type, ids, classes, attribute names and
 * pseudo-classes each names outside any parentheses (what `:not()`, `:is()` or `:has()` hold asks for nothing).
 * A selector with an escape or a namespace is not read (`undefined`): it then asks for nothing.
 */
function compoundsOf(complex: string): Compound[] | undefined {
  if (complex.includes('\\') || /\|(?!=)/.test(complex)) return undefined
  const compounds: Compound[] = []
  let current: Compound | undefined
  const open = () => (current ??= compounds[compounds.push({tag: null, ids: [], classes: [], attributes: [], pseudoClasses: []}) - 1] as Compound)
  let i = 0
  while (i < complex.length) {
    const char = complex[i] as string
    if (char === ' ' || char === '>' || char === '+' || char === '~' || char === '\n' || char === '\t') {
      current = undefined
      i++
    } else if (char === '[') {
      const name = /^\s*([A-Za-z_][\w-]*)\s*(?:[~|^$*]?=|\])/.exec(complex.slice(i + 1))
      if (name) open().attributes.push((name[1] as string).toLowerCase())
      const end = closing(complex, i, '[', ']')
      if (end === -1) return undefined
      i = end + 1
    } else if (char === '(') {
      const end = closing(complex, i, '(', ')')
      if (end === -1) return undefined
      i = end + 1
    } else if (char === '#' || char === '.' || char === ':') {
      const pseudo = char === ':' && complex[i + 1] === ':'
      const name = /^[\w-]+/.exec(complex.slice(i + (pseudo ? 2 : 1)))?.[0] ?? ''
      const compound = open()
      if (char === '#') compound.ids.push(name.toLowerCase())
      else if (char === '.') compound.classes.push(name.toLowerCase())
      else if (!pseudo) compound.pseudoClasses.push(name.toLowerCase())
      i += (pseudo ? 2 : 1) + name.length
      if (name === '') i++
    } else if (char === '*') {
      open()
      i++
    } else {
      const name = /^[A-Za-z][\w-]*/.exec(complex.slice(i))?.[0]
      if (name === undefined) return undefined
      open().tag = name.toLowerCase()
      i += name.length
    }
  }
  return compounds
}

/** Where the bracket opened at `start` closes, past nested ones and quoted strings; -1 when it never does. */
function closing(text: string, start: number, open: string, close: string): number {
  let depth = 0
  let quote = ''
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (quote !== '') {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") {
      quote = char
    } else if (char === open) {
      depth++
    } else if (char === close) {
      depth--
      if (depth === 0) return i
    }
  }
  return -1
}

function needsOf(compounds: readonly Compound[]): Needs {
  return {
    tags: compounds.flatMap((compound) => (compound.tag === null ? [] : [compound.tag])),
    ids: compounds.flatMap((compound) => compound.ids),
    classes: compounds.flatMap((compound) => compound.classes),
    attributes: compounds.flatMap((compound) => compound.attributes)
  }
}

/** The type, id, class and attribute names the page holds, lowercased. */
interface Present {
  readonly tags: Set<string>
  readonly ids: Set<string>
  readonly classes: Set<string>
  readonly attributes: Set<string>
}

function presentIn(elements: readonly Element[]): Present {
  const present: Present = {tags: new Set(), ids: new Set(), classes: new Set(), attributes: new Set()}
  for (const element of elements) {
    present.tags.add(element.localName.toLowerCase())
    for (const attribute of element.attributes) {
      const name = attribute.localName.toLowerCase()
      present.attributes.add(name)
      if (name === 'id') present.ids.add(attribute.value.toLowerCase())
      else if (name === 'class') for (const each of attribute.value.toLowerCase().split(/[\t\n\f\r ]+/)) present.classes.add(each)
    }
  }
  return present
}

function possible(part: Part, present: Present): boolean {
  const {needs} = part
  return (
    needs.tags.every((name) => present.tags.has(name)) &&
    needs.ids.every((name) => present.ids.has(name)) &&
    needs.classes.every((name) => present.classes.has(name)) &&
    needs.attributes.every((name) => present.attributes.has(name))
  )
}

function mightMatch(part: Part, element: ElementImpl, context: Context): boolean {
  if (part.id !== null && part.id !== context.id) return false
  if (part.className !== null && !element.classList.contains(part.className)) return false
  if (part.focus && !context.focused) return false
  // Attribute names match without regard to case on HTML elements only; on others the test is left to the engine.
  if (element._namespaceURI !== HTML) return true
  for (const name of part.attributes) if (!element.hasAttribute(name)) return false
  return true
}

const HTML = 'http://www.w3.org/1999/xhtml'

function ruleMatches(rule: Rule, element: ElementImpl, context: Context, engine: SelectorEngine, present: Present): boolean {
  if (!rule.split) {
    const result = engine.check(rule.selector, element)
    return result.match === true && !result.pseudoElement
  }
  const tag = element._localName.toLowerCase()
  for (const part of rule.parts) {
    if (part.tag !== null && part.tag !== tag) continue
    if (!possible(part, present) || !mightMatch(part, element, context)) continue
    const result = engine.check(part.text, element)
    if (result.match === true && !result.pseudoElement) return true
  }
  return false
}

function applyRule(rule: Rule, element: ElementImpl, engine: SelectorEngine, declaration: DeclarationImpl, specificities: Map<string, unknown>, internals: Internals): void {
  const {style} = rule
  for (let i = 0; i < style.length; i++) {
    const property = style.item(i)
    const value = style.getPropertyValue(property)
    const priority = style.getPropertyPriority(property)
    if (priority) {
      declaration.setProperty(property, value, priority)
      continue
    }
    if (declaration.getPropertyPriority(property)) continue
    rule.specificity ??= specificityOf(rule, element, engine, internals)
    const previous = specificities.get(property)
    if (previous === undefined || internals.specificity.compare(rule.specificity, previous) >= 0) {
      specificities.set(property, rule.specificity)
      declaration.setProperty(property, value)
    }
  }
}

/** The highest specificity in the rule's list, from the tree jsdom's engine gives for the whole list. */
function specificityOf(rule: Rule, element: ElementImpl, engine: SelectorEngine, internals: Internals): unknown {
  const {ast} = engine.check(rule.selector, element)
  let highest: unknown
  for (const {value} of internals.specificity.calculate(ast ?? rule.selector)) {
    if (highest === undefined || internals.specificity.compare(value, highest) > 0) highest = value
  }
  return highest
}
