import type {Element, Root, RootContent} from 'hast'
import type {Root as MdastRoot} from 'mdast'
import rehypeParse from 'rehype-parse'
import rehypeRaw from 'rehype-raw'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {location, type Location as VFileLocation} from 'vfile-location'
import {parse as parseYaml} from 'yaml'
import {FaircopyError} from '../errors.ts'
import type {Format} from '../report/schema.ts'
import {isHtmlDocument} from './format.ts'
import {textToHast} from './text.ts'
import {toString as hastToString} from 'hast-util-to-string'
import {CONTINUE, EXIT, visit} from 'unist-util-visit'

/** An article parsed once: every later stage reads this tree. */
export interface ParsedArticle {
  readonly format: Format
  readonly file: VFile
  readonly place: VFileLocation
  /** The article's content (Markdown, text, HTML fragment) or the whole document (HTML document). */
  readonly tree: Root
  readonly isDocument: boolean
  readonly title: string | undefined
  /** The title the article's front matter declares; a site generator would render it as the page heading. */
  readonly declaredTitle: string | undefined
  readonly lang: string | undefined
  readonly hasHeadingOne: boolean
}

const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeRaw)
  .freeze()
const htmlDocumentProcessor = unified().use(rehypeParse).freeze()
const htmlFragmentProcessor = unified().use(rehypeParse, {fragment: true}).freeze()

/** Parses an article, synchronously (every plugin in the chain is synchronous), so reporters can re-read a source. */
export function parseArticle(text: string, format: Format, path: string | undefined): ParsedArticle {
  const file = new VFile(path === undefined ? {value: text} : {value: text, path})
  const place = location(text)
  if (format === 'markdown') {
    checkMarkdownNesting(text, path)
    const mdast = markdownProcessor.parse(file)
    const tree = markdownProcessor.runSync(mdast, file) as Root
    const matter = frontMatter(mdast)
    const declaredTitle = stringField(matter, 'title')
    const title = declaredTitle ?? firstHeading(tree)
    return {format, file, place, tree, isDocument: false, title, declaredTitle, lang: stringField(matter, 'lang'), hasHeadingOne: hasH1(tree)}
  }
  if (format === 'text') {
    const tree = textToHast(text, place)
    return {format, file, place, tree, isDocument: false, title: undefined, declaredTitle: undefined, lang: undefined, hasHeadingOne: false}
  }
  const isDocument = isHtmlDocument(text)
  const tree = (isDocument ? htmlDocumentProcessor : htmlFragmentProcessor).parse(file)
  const titleElement = findElement(tree, (element) => element.tagName === 'title')
  const documentTitle = titleElement ? hastToString(titleElement).trim() || undefined : undefined
  const htmlElement = findElement(tree, (element) => element.tagName === 'html')
  const lang = htmlElement?.properties['lang']
  return {
    format,
    file,
    place,
    tree,
    isDocument,
    title: documentTitle ?? firstHeading(tree),
    declaredTitle: documentTitle,
    lang: typeof lang === 'string' ? lang : undefined,
    hasHeadingOne: hasH1(tree)
  }
}

function frontMatter(tree: MdastRoot): Record<string, unknown> | undefined {
  const first = tree.children[0]
  if (first?.type !== 'yaml') return undefined
  try {
    const data: unknown = parseYaml(first.value)
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function stringField(data: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = data?.[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

function firstHeading(tree: Root): string | undefined {
  const heading = findElement(tree, (element) => /^h[1-6]$/.test(element.tagName))
  const text = heading ? hastToString(heading).trim() : ''
  return text === '' ? undefined : text
}

function hasH1(tree: Root): boolean {
  return findElement(tree, (element) => element.tagName === 'h1') !== undefined
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
export function checkTreeSize(tree: Root, maxElements: number, path: string | undefined): void {
  let elements = 0
  const stack: Array<{node: Root | RootContent; depth: number}> = [{node: tree, depth: 0}]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const {node, depth} = item
    if (depth > MAX_NESTING) throw tooDeep(path, `nests elements more than ${MAX_NESTING} levels deep`)
    if (node.type === 'element' && ++elements > maxElements) {
      throw new FaircopyError('E_INPUT_TOO_COMPLEX', `${path ?? 'The article'} has more than ${maxElements} elements, more than faircopy audits at once (maxElements): split it.`, {path})
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
