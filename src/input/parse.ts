import type {Element, Root, RootContent} from 'hast'
import type {Position} from 'unist'
import {toString as hastToString} from 'hast-util-to-string'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {CONTINUE, EXIT, visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location, type Location as VFileLocation} from 'vfile-location'
import {FaircopyError} from '../errors.ts'
import type {Format} from '../report/schema.ts'
import {isHtmlDocument} from './format.ts'
import {frontMatterString, frontMatterTitle, readFrontMatter, type FrontMatter, type FrontMatterFormat} from './front-matter.ts'
import {normalizeDirectiveFences, parseMarkdown} from './markdown.ts'
import {fillPositions} from './positions.ts'
import {detectTemplates, maskTemplates, TEMPLATE_MASK, type TemplateSyntax} from './templates.ts'
import {elementsAtLeast, MAX_BRACKETS_PER_PARAGRAPH, overBracketBudget, tooComplex} from './size.ts'
import {textToHast} from './text.ts'

/** An article parsed once: every later stage reads this tree. */
export interface ParsedArticle {
  readonly format: Format
  readonly file: VFile
  readonly place: VFileLocation
  /**
   * The text the parsers read: the source with its front matter blanked and its template syntax masked, the same
   * length, so every offset is the source's. Trees' text is aligned against this; excerpts come from the source.
   */
  readonly text: string
  /** The article's content (Markdown, text, HTML fragment) or the whole document (HTML document). */
  readonly tree: Root
  readonly isDocument: boolean
  readonly title: string | undefined
  /** The title the article's front matter declares; a site generator would render it as the page heading. */
  readonly declaredTitle: string | undefined
  readonly lang: string | undefined
  readonly hasHeadingOne: boolean
  readonly frontMatter: FrontMatter | undefined
  /** The template languages masked, and the source ranges their syntax covers. */
  readonly templates: {readonly syntaxes: readonly TemplateSyntax[]; readonly ranges: ReadonlyArray<readonly [number, number]>}
  /** MDX that did not parse, read as Markdown instead: the parser's reason and where. */
  readonly mdxProblem: {readonly message: string; readonly offset: number} | undefined
  /** Nothing for a reader outside front matter, template syntax and comments: a stub page a site generator fills. */
  readonly bodyEmpty: boolean
  /**
   * Where a finding of the whole article points: the first line of the body with something on it, never front
   * matter or a line of template syntax alone (the first line after the front matter when there is none).
   */
  readonly firstLine: Position
}

/** How to read an article's dialect. */
export interface ParseOptions {
  /** The template languages to mask; by default the ones the article seems to use (none for MDX and text). */
  readonly templates?: readonly TemplateSyntax[] | undefined
  /** Refuse, before parsing, an article whose text alone shows it has more elements than this. */
  readonly maxElements?: number | undefined
}

const htmlDocumentProcessor = unified().use(rehypeParse).freeze()
const htmlFragmentProcessor = unified().use(rehypeParse, {fragment: true}).freeze()

/** The front matter each format may carry: MDX's `{` starts an expression, and HTML has no JSON front matter. */
const frontMatterFormats: Readonly<Record<Format, readonly FrontMatterFormat[]>> = {
  markdown: ['yaml', 'toml', 'json'],
  mdx: ['yaml', 'toml'],
  html: ['yaml', 'toml'],
  text: []
}

/** Parses an article, synchronously (every plugin in the chain is synchronous), so reporters can re-read a source. */
export function parseArticle(source: string, format: Format, path: string | undefined, options: ParseOptions = {}): ParsedArticle {
  const place = location(source)
  const frontMatter = readFrontMatter(source, frontMatterFormats[format])
  const blanked = frontMatter ? blank(source, frontMatter.range) : source
  const syntaxes = format === 'text' ? [] : (options.templates ?? (format === 'mdx' ? [] : detectTemplates(blanked)))
  const masked = maskTemplates(blanked, syntaxes)
  const text = format === 'markdown' || format === 'mdx' ? normalizeDirectiveFences(masked.text) : masked.text
  // Far over the limit is refused before the parse, which alone takes seconds on a megabyte.
  if (options.maxElements !== undefined && elementsAtLeast(text, format) > options.maxElements) throw tooComplex(path, options.maxElements)
  const crowded = format === 'markdown' || format === 'mdx' ? overBracketBudget(text) : undefined
  if (crowded !== undefined) {
    throw new FaircopyError('E_INPUT_TOO_COMPLEX', `${path ?? 'The article'} has a paragraph (line ${crowded}) with more than ${MAX_BRACKETS_PER_PARAGRAPH} brackets, more than faircopy parses in reasonable time: split it.`, {path})
  }
  const file = new VFile(path === undefined ? {value: text} : {value: text, path})
  const templates = {syntaxes, ranges: masked.ranges}
  const {tree, isDocument, mdxProblem} = parseTree(text, format, file, place, path)
  fillPositions(tree, text, place)
  if (masked.ranges.length > 0) dropTemplateOnlyText(tree)
  const declared = frontMatterTitle(frontMatter?.data)
  const htmlTitle = format === 'html' ? titleOf(tree) : undefined
  const declaredTitle = declared ?? htmlTitle
  const htmlElement = isDocument ? findElement(tree, (element) => element.tagName === 'html') : undefined
  const htmlLang = htmlElement?.properties['lang']
  return {
    format,
    file,
    place,
    text,
    tree,
    isDocument,
    title: declaredTitle ?? (format === 'text' ? undefined : firstHeading(tree)),
    declaredTitle,
    lang: frontMatterString(frontMatter?.data, 'lang') ?? (typeof htmlLang === 'string' ? htmlLang : undefined),
    hasHeadingOne: findElement(tree, (element) => element.tagName === 'h1') !== undefined,
    frontMatter,
    templates,
    mdxProblem,
    bodyEmpty: isBodyEmpty(tree),
    firstLine: firstLineOf(text, frontMatter?.range[1] ?? 0, place)
  }
}

function firstLineOf(text: string, from: number, place: VFileLocation): Position {
  const line = /^[^\S\r\n]*[^\s\uE001].*$/m.exec(text.slice(from))
  const start = line ? from + line.index : Math.min(from, text.length)
  const end = line ? start + line[0].replace(/\r$/, '').length : start
  return {start: place.toPoint(start) ?? {line: 1, column: 1, offset: 0}, end: place.toPoint(end) ?? {line: 1, column: 1, offset: 0}}
}

function parseTree(text: string, format: Format, file: VFile, place: VFileLocation, path: string | undefined): {tree: Root; isDocument: boolean; mdxProblem: ParsedArticle['mdxProblem']} {
  if (format === 'text') return {tree: textToHast(text, place), isDocument: false, mdxProblem: undefined}
  if (format === 'html') {
    const isDocument = isHtmlDocument(text)
    return {tree: (isDocument ? htmlDocumentProcessor : htmlFragmentProcessor).parse(file), isDocument, mdxProblem: undefined}
  }
  checkMarkdownNesting(text, path)
  if (format === 'markdown') return {tree: parseMarkdown(file, false), isDocument: false, mdxProblem: undefined}
  try {
    return {tree: parseMarkdown(file, true), isDocument: false, mdxProblem: undefined}
  } catch (error) {
    // MDX that does not parse is still an article: read as Markdown, and said where it broke (the message's
    // place, else the place its text ends with: "Expected a closing tag for `<Note>` (3:1-3:7)").
    const where = (error as {place?: {offset?: number; start?: {offset?: number}}}).place
    const reason = (error as {reason?: string}).reason ?? (error as Error).message
    const named = /\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(reason)
    const offset = where?.offset ?? where?.start?.offset ?? (named ? place.toOffset({line: Number(named[1]), column: Number(named[2])}) : undefined) ?? 0
    const message = (named ? reason.slice(0, named.index).trim() : reason).split('\n')[0] ?? 'it does not parse'
    const fallback = new VFile(path === undefined ? {value: text} : {value: text, path})
    return {tree: parseMarkdown(fallback, false), isDocument: false, mdxProblem: {message, offset}}
  }
}

/**
 * Text that is nothing but template syntax is no content: a `{% for %}` between list items is not a list's text,
 * and a shortcode alone on its line leaves an empty paragraph.
 */
function dropTemplateOnlyText(tree: Root): void {
  const templateOnly = (node: RootContent) => node.type === 'text' && node.value.includes(TEMPLATE_MASK) && /^[\s\uE001]*$/.test(node.value)
  visit(tree, (node) => {
    if (!('children' in node)) return CONTINUE
    const children = node.children as RootContent[]
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index] as RootContent
      if (templateOnly(child)) children.splice(index, 1)
    }
    return CONTINUE
  })
}

/** The text with a range turned to spaces, its line breaks kept. */
function blank(text: string, [start, end]: readonly [number, number]): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end)
}

function titleOf(tree: Root): string | undefined {
  const element = findElement(tree, (candidate) => candidate.tagName === 'title')
  return element ? cleanTitle(hastToString(element)) : undefined
}

function firstHeading(tree: Root): string | undefined {
  const heading = findElement(tree, (element) => /^h[1-6]$/.test(element.tagName))
  return heading ? cleanTitle(hastToString(heading)) : undefined
}

/** A title as a reader sees it: without masked template syntax, its white space folded. */
function cleanTitle(text: string): string | undefined {
  const clean = text.split(TEMPLATE_MASK).join('').replace(/\s+/g, ' ').trim()
  return clean === '' ? undefined : clean
}

/** Embedded content is something to audit even without a word: an image needs its alt text. */
const embedded = new Set(['img', 'iframe', 'video', 'audio', 'object', 'embed', 'svg', 'canvas', 'input', 'button', 'select', 'textarea', 'math'])

function isBodyEmpty(tree: Root): boolean {
  let empty = true
  visit(tree, (node) => {
    if ((node.type === 'text' && /[^\s\uE001]/.test(node.value)) || (node.type === 'element' && embedded.has(node.tagName))) {
      empty = false
      return EXIT
    }
    return CONTINUE
  })
  return empty
}

/** Deeper nesting than any article needs; past it, parsers slow down sharply and tree walkers run out of stack. */
export const MAX_NESTING = 500
/** Blockquote and list markers that open a container at the start of a line: `> - 1. text`. */
const containerMarker = /\s{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y

/**
 * Refuses Markdown whose lines open more than `MAX_NESTING` block containers: micromark takes quadratic time over
 * them (10,000 nested list items: 47 s) before the tree walkers would overflow anyway.
 */
function checkMarkdownNesting(text: string, path: string | undefined): void {
  let lineStart = 0
  while (lineStart < text.length) {
    let depth = 0
    containerMarker.lastIndex = lineStart
    while (containerMarker.exec(text) !== null && containerMarker.lastIndex > lineStart) {
      if (++depth > MAX_NESTING) throw tooDeep(path, `opens more than ${MAX_NESTING} nested lists or quotes on one line`)
      lineStart = containerMarker.lastIndex
    }
    const next = text.indexOf('\n', lineStart)
    lineStart = next === -1 ? text.length : next + 1
  }
}

/**
 * Refuses trees nested deeper than `MAX_NESTING` or holding more than `maxElements` elements: axe-core in jsdom
 * slows down sharply on huge pages (20,000 paragraphs: 25 s; 100,000: four minutes). It walks with a stack of its
 * own, not unist-util-visit's recursion: it is what keeps a deep tree from overflowing the walkers after it.
 */
/** Most cells one table row may have: a row of 1,000 takes axe-core about a second, 5,000 over twenty. */
export const MAX_ROW_CELLS = 1_000

export function checkTreeSize(tree: Root, maxElements: number, path: string | undefined): void {
  let elements = 0
  const stack: Array<{node: Root | RootContent; depth: number}> = [{node: tree, depth: 0}]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const {node, depth} = item
    if (depth > MAX_NESTING) throw tooDeep(path, `nests elements more than ${MAX_NESTING} levels deep`)
    if (node.type === 'element' && ++elements > maxElements) throw tooComplex(path, maxElements)
    if (node.type === 'element' && node.tagName === 'tr') {
      let cells = 0
      for (const child of node.children) if (child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th')) cells++
      if (cells > MAX_ROW_CELLS) {
        const line = node.position?.start.line
        throw new FaircopyError('E_INPUT_TOO_COMPLEX', `${path ?? 'The article'} has a table row${line === undefined ? '' : ` (line ${line})`} of ${cells} cells, more than the ${MAX_ROW_CELLS} faircopy audits (axe-core's table rules take time that grows with the square of a row's cells): split the table.`, {path})
      }
    }
    if ('children' in node) for (const child of node.children) stack.push({node: child, depth: depth + 1})
    if (node.type === 'element' && node.content) stack.push({node: node.content, depth: depth + 1})
  }
}

function tooDeep(path: string | undefined, what: string): FaircopyError {
  return new FaircopyError('E_INPUT_TOO_COMPLEX', `${path ?? 'The article'} ${what}, deeper than faircopy audits.`, {path})
}

/** The first element, in document order, that passes the test (a template's inert content is not searched). */
export function findElement(node: Root | RootContent, test: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined
  visit(node, 'element', (element) => {
    if (!test(element)) return CONTINUE
    found = element
    return EXIT
  })
  return found
}
