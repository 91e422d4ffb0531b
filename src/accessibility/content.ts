import type {Element, Root, RootContent} from 'hast'
import {toString as hastToString} from 'hast-util-to-string'
import type {Position} from 'unist'
import type {DraftFinding} from '../report/finding.ts'
import {findingsFor, quote, type RuleMeta} from '../rules.ts'
import type {Settings} from '../settings.ts'
import type {SentenceInfo, Token} from '../prose/tokens.ts'
import lists from './data/content.json' with {type: 'json'}

export const emptyMarkdownAltRule: RuleMeta = {
  id: 'image-alt-empty',
  category: 'accessibility',
  defaultSeverity: 'error',
  wcag: ['1.1.1'],
  description: 'A Markdown image with no alt text: axe accepts alt="" as decorative, but in an article it is almost always a missing description.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html'
}

export const altTextRule: RuleMeta = {
  id: 'image-alt-text',
  category: 'accessibility',
  defaultSeverity: 'warning',
  wcag: ['1.1.1'],
  description: 'Alt text that does not describe the image: a file name, a generic word, "photo of …", or over 150 characters.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html'
}

export const linkTextRule: RuleMeta = {
  id: 'link-text',
  category: 'accessibility',
  defaultSeverity: 'warning',
  wcag: ['2.4.4'],
  description: 'Link text that says nothing out of context: "click here", "read more", a bare URL.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html'
}

export const allCapsRule: RuleMeta = {
  id: 'all-caps',
  category: 'accessibility',
  defaultSeverity: 'info',
  wcag: [],
  description: 'A run of words in capitals is harder to read, and some screen readers spell it out letter by letter.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/failures/F32'
}

const genericAlt = new Set(lists.genericAlt)
const vagueLinkText = new Set(lists.vagueLinkText)
/** Alt text longer than this is a caption or a paragraph, not a text alternative. */
export const MAX_ALT_LENGTH = 150
const fileName = /^[^/\\]{1,120}\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic|ico)$/i
const placeholder = /^(?:img|image|photo|pic|dsc|screenshot|untitled)[\s_-]?\d+$/i
const bareUrl = /^(?:https?:\/\/|www\.)\S+$/i

/** Why alt text fails to describe its image, or undefined when it is fine. */
export function altTextProblem(alt: string): string | undefined {
  const text = alt.trim()
  const words = text.toLowerCase().replace(/[.:!]+$/, '')
  if (text === '') return undefined
  if (fileName.test(text)) return 'is a file name'
  if (genericAlt.has(words) || placeholder.test(text)) return 'is a generic word'
  if (lists.redundantAltPrefixes.some((prefix) => words.startsWith(`${prefix} `) || words === prefix)) return 'starts by saying it is an image'
  if (text.length > MAX_ALT_LENGTH) return `is ${text.length} characters long`
  return undefined
}

/** Whether link text says nothing about where the link goes. */
export function isVagueLinkText(text: string): boolean {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[.…:!»›>→]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
  return vagueLinkText.has(words) || bareUrl.test(words)
}

/**
 * Content checks axe-core cannot make, over the article's own elements (those with a source position):
 * empty alt on a Markdown image, alt text that does not describe, link text that says nothing.
 */
export function checkContent(tree: Root, source: string, settings: Settings): DraftFinding[] {
  const emptyAlt: Position[] = []
  const badAlt: Array<{position: Position; alt: string; problem: string}> = []
  const vagueLinks: Array<{position: Position; text: string}> = []
  visitElements(tree, (element) => {
    const position = element.position
    if (!position?.start || !position.end) return
    if (element.tagName === 'img') {
      const alt = element.properties['alt']
      if (alt === '' && source.startsWith('![', position.start.offset ?? -1)) emptyAlt.push(position)
      const problem = typeof alt === 'string' ? altTextProblem(alt) : undefined
      if (typeof alt === 'string' && problem) badAlt.push({position, alt, problem})
    } else if (element.tagName === 'a' && element.properties['href'] !== undefined) {
      const text = linkText(element)
      if (text !== '' && isVagueLinkText(text)) vagueLinks.push({position, text})
    }
  })
  return [
    ...findingsFor(
      emptyMarkdownAltRule,
      settings,
      source,
      emptyAlt.map((position) => ({position, message: 'This image has no alt text: describe it between the brackets, ![like this](…).'}))
    ),
    ...findingsFor(
      altTextRule,
      settings,
      source,
      badAlt.map(({position, alt, problem}) => ({position, message: `The alt text ${quote(shorten(alt))} ${problem}: say what the image shows.`}))
    ),
    ...findingsFor(
      linkTextRule,
      settings,
      source,
      vagueLinks.map(({position, text}) => ({position, message: `The link text ${quote(shorten(text))} says nothing out of context: name where it leads.`}))
    )
  ]
}

/** Runs of three or more words in capitals (acronyms alone are fine). */
export function checkAllCaps(sentences: readonly SentenceInfo[], settings: Settings, source: string): DraftFinding[] {
  const runs: Position[] = []
  for (const sentence of sentences) {
    let run: Token[] = []
    const flush = () => {
      if (run.length >= 3) runs.push({start: (run[0] as Token).position.start, end: (run.at(-1) as Token).position.end})
      run = []
    }
    for (const token of sentence.tokens) {
      if (token.kind === 'word' && /\p{Lu}.*\p{Lu}/u.test(token.text) && !/\p{Ll}/u.test(token.text)) run.push(token)
      else if (token.kind === 'word') flush()
    }
    flush()
  }
  return findingsFor(
    allCapsRule,
    settings,
    source,
    runs.map((position) => ({position, message: 'Write this in sentence case: text in capitals is harder to read and may be spelled out by screen readers.'}))
  )
}

function linkText(element: Element): string {
  const images: string[] = []
  visitElements({type: 'root', children: element.children}, (child) => {
    if (child.tagName === 'img' && typeof child.properties['alt'] === 'string') images.push(child.properties['alt'])
  })
  return `${hastToString(element)} ${images.join(' ')}`.replace(/\s+/g, ' ').trim()
}

function visitElements(node: Root | RootContent, visitor: (element: Element) => void): void {
  if (node.type === 'element') visitor(node)
  if ('children' in node) for (const child of node.children) visitElements(child, visitor)
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
