import {FaircopyError} from '../errors.ts'
import type {Format} from '../report/schema.ts'
import {TEMPLATE_MASK} from './templates.ts'

/** A line that opens or closes fenced code. */
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/

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
    if (FENCE.test(raw)) {
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
    // A link's destination and title up to the next bracket or parenthesis: an undercount for a few links, but
    // linear (`[a](b` repeated 50,000 times made a looser pattern scan to the line's end from every `](`).
    count += (line.match(/\]\([^\s()[\]][^()[\]]*\)/g) ?? []).length + tags
  }
  return count
}

/**
 * Most `[` one Markdown paragraph may hold. micromark resolves link and image openers against each other in time
 * that grows with the square of their number in a paragraph (`[a](b` repeated 50,000 times: a minute), so a
 * paragraph with more is refused before the parse; 10,000 parse in under a second, and no prose has that many.
 */
export const MAX_BRACKETS_PER_PARAGRAPH = 10_000

/** The line of the first Markdown paragraph (lines between blank ones, outside fenced code) with more `[` than the budget, if any. */
export function overBracketBudget(text: string, budget = MAX_BRACKETS_PER_PARAGRAPH): number | undefined {
  let fenced = false
  let count = 0
  let start = 1
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string
    if (FENCE.test(line)) {
      fenced = !fenced
      count = 0
      continue
    }
    if (fenced) continue
    if (line.trim() === '') {
      count = 0
      continue
    }
    if (count === 0) start = index + 1
    for (let at = line.indexOf('['); at !== -1; at = line.indexOf('[', at + 1)) count++
    if (count > budget) return start
  }
  return undefined
}

/** Comments, scripts, styles and text areas: markup inside them makes no element. */
function withoutOpaque(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<(script|style|textarea|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
}

export function tooComplex(path: string | undefined, maxElements: number): FaircopyError {
  return new FaircopyError('E_INPUT_TOO_COMPLEX', `${path ?? 'The article'} has more than ${maxElements} elements, more than faircopy audits at once (maxElements): split it.`, {path})
}
