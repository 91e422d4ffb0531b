import {FaircopyError} from '../errors.ts'
import type {Format} from '../report/schema.ts'
import {TEMPLATE_MASK} from './templates.ts'

/**
 * A count of the elements an article must have at least, read from the text the parsers will read (front matter
 * blanked, template syntax masked) in one pass, without parsing it: so that an article far over `maxElements` is
 * refused in milliseconds, not after seconds of parsing (an 851 KB page took 9 s to be refused). It counts only
 * what surely makes an element, outside code, comments, scripts and styles: HTML start tags; in Markdown,
 * paragraphs, headings, list items, table cells and links.
 */
export function elementsAtLeast(text: string, format: Format): number {
  if (format === 'text') return 0
  const body = withoutOpaque(text)
  if (format === 'html') return (body.match(/<[a-zA-Z][^\s/>]*/g) ?? []).length
  let count = 0
  let fenced = false
  let block: 'none' | 'paragraph' | 'html' | 'table' = 'none'
  for (const raw of body.split('\n')) {
    if (/^\s{0,3}(?:`{3,}|~{3,})/.test(raw)) {
      fenced = !fenced
      block = 'none'
      continue
    }
    // Code spans make no element; nor do MDX's imports, exports and expressions.
    const line = raw.replace(/`[^`\n]*`/g, '').split(TEMPLATE_MASK).join('')
    if (fenced || (format === 'mdx' && /^(?:import|export)\s|^\s*\{.*\}\s*$/.test(line))) continue
    if (line.trim() === '') {
      block = 'none'
      continue
    }
    // Indented four spaces after a blank line: code, or more of a list item, counted by nothing here.
    if (block === 'none' && /^(?: {4}|\t)/.test(line)) continue
    const tags = (line.match(/<[a-zA-Z][^\s/>]*/g) ?? []).length
    if (block === 'html' || (block === 'none' && /^\s{0,3}</.test(line))) {
      // An HTML block: its tags are its elements.
      block = 'html'
      count += tags
      continue
    }
    if (/^\s{0,3}\|?[\s:|-]*-[\s:|-]*\|?\s*$/.test(line) && line.includes('|') && block === 'paragraph') {
      block = 'table'
      continue
    }
    if (block === 'table') count += Math.max(0, line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split('|').length)
    else if (/^\s{0,3}(?:#{1,6}\s|[-*+]\s+\S|\d{1,9}[.)]\s+\S)/.test(line)) {
      count++
      block = 'paragraph'
    } else if (block === 'none') {
      count++
      block = 'paragraph'
    }
    count += (line.match(/\]\([^)\s]+[^)]*\)/g) ?? []).length + tags
  }
  return count
}

/** Comments, scripts, styles and text areas: markup inside them makes no element. */
function withoutOpaque(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<(script|style|textarea|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
}

export function tooComplex(path: string | undefined, maxElements: number): FaircopyError {
  return new FaircopyError('E_INPUT_TOO_COMPLEX', `${path ?? 'The article'} has more than ${maxElements} elements, more than faircopy audits at once (maxElements): split it.`, {path})
}
