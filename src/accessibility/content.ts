import type {Element} from 'hast'
import {toString as hastToString} from 'hast-util-to-string'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
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
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[.…:!»›>→]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
  return vagueLinkText.has(words) || bareUrl.test(words)
}

/** An element the article wrote, at its source position. */
export interface PlacedElement {
  readonly element: Element
  readonly position: Position
}

/** The article's own images and links (those with a source position), found in one walk for the content rules. */
export const articleElements = shared('article-elements', (audit) => {
  const images: PlacedElement[] = []
  const links: PlacedElement[] = []
  visit(audit.tree, 'element', (element) => {
    const position = element.position
    if (!position?.start || !position.end) return
    if (element.tagName === 'img') images.push({element, position})
    else if (element.tagName === 'a' && element.properties['href'] !== undefined) links.push({element, position})
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
