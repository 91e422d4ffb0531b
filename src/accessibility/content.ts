import type {Element} from 'hast'
import {toString as hastToString} from 'hast-util-to-string'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {visitParents} from 'unist-util-visit-parents'
import {shared} from '../rules.ts'
import lists from './data/content.json' with {type: 'json'}

const genericAlt = new Set(lists.genericAlt)
const vagueLinkText = new Set(lists.vagueLinkText)
/** Alt text longer than this is a caption or a paragraph, not a text alternative. */
export const MAX_ALT_LENGTH = 150
const fileName = /^[^/\\]{1,120}\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic|ico)$/i
const placeholder = /^(?:img|image|photo|pic|dsc|screenshot|untitled)[\s_-]?\d+$/i
const bareUrl = /^(?:https?:\/\/|www\.)\S+$/i

/** Why alt text fails to describe its image (a message id of image-alt-text, with its data), or undefined when it is fine. */
export function altTextProblem(alt: string): {messageId: 'file-name' | 'generic' | 'says-image' | 'too-long'; data: Record<string, string | number>} | undefined {
  const text = alt.trim()
  const words = text.toLowerCase().replace(/[.:!]+$/, '')
  if (text === '') return undefined
  if (fileName.test(text)) return {messageId: 'file-name', data: {}}
  if (genericAlt.has(words) || placeholder.test(text)) return {messageId: 'generic', data: {}}
  if (lists.redundantAltPrefixes.some((prefix) => words.startsWith(`${prefix} `) || words === prefix)) return {messageId: 'says-image', data: {}}
  if (text.length > MAX_ALT_LENGTH) return {messageId: 'too-long', data: {length: text.length}}
  return undefined
}

/** Whether link text says nothing about where the link goes. */
export function isVagueLinkText(text: string): boolean {
  const words = normalizedLinkText(text)
  return vagueLinkText.has(words) || bareUrl.test(words)
}

/** Whether link text is a web address and nothing else. */
export function isBareUrl(text: string): boolean {
  return bareUrl.test(normalizedLinkText(text))
}

function normalizedLinkText(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.…:!»›>→]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
}

const contextStopWords = new Set(lists.contextStopWords)

/**
 * Whether the words around a bare address, in its sentence's block (its paragraph, list item or cell), say what it
 * is: WCAG 2.4.4 lets a link's purpose come from its context ("Windows installer: https://…/setup.msi"). Only the
 * addresses themselves and words that name nothing ("see", "visit", "here") do not count.
 */
export function contextNamesLink(block: Element | undefined): boolean {
  if (!block) return false
  const words = (contextText(block).toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).filter((word) => !contextStopWords.has(word))
  return words.length > 0
}

/** A block's text, its bare-address links left out. */
function contextText(node: Element | Element['children'][number]): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  if (node.tagName === 'a' && isBareUrl(linkText(node))) return ' '
  return node.children.map(contextText).join('')
}

/** An element the article wrote, at its source position. */
export interface PlacedElement {
  readonly element: Element
  readonly position: Position
  /** For a link, the block its sentence is in: paragraph, list item, cell, heading. */
  readonly block?: Element | undefined
}

const blocks = new Set(['p', 'li', 'td', 'th', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'blockquote'])

/** The article's own images and links (those with a source position), found in one walk for the content rules. */
export const articleElements = shared('article-elements', (audit) => {
  const images: PlacedElement[] = []
  const links: PlacedElement[] = []
  visitParents(audit.tree, 'element', (element, ancestors) => {
    const position = element.position
    if (!position?.start || !position.end) return
    if (element.tagName === 'img') images.push({element, position})
    else if (element.tagName === 'a' && element.properties['href'] !== undefined) {
      const block = ancestors.findLast((ancestor): ancestor is Element => ancestor.type === 'element' && blocks.has(ancestor.tagName))
      links.push({element, position, block})
    }
  })
  return {images, links}
})

/** A link's text as a reader hears it: its words and the alt text of its images. */
export function linkText(element: Element): string {
  const images: string[] = []
  visit(element, 'element', (child) => {
    if (child.tagName === 'img' && typeof child.properties['alt'] === 'string') images.push(child.properties['alt'])
  })
  return `${hastToString(element)} ${images.join(' ')}`.replace(/\s+/g, ' ').trim()
}
