import type {Element, ElementContent, Root, RootContent} from 'hast'
import {toString as hastToString} from 'hast-util-to-string'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {shared} from '../rules.ts'
import examples from './data/examples.json' with {type: 'json'}
import {RangeIndex} from './ranges.ts'
import type {SentenceInfo} from './tokens.ts'

const exampleLabels = new Set(examples.labels)
const citationHeadings = new Set(examples.citations)
const opening = new Set(['“', '„'])
const closing = new Set(['”'])

/**
 * Where the article shows words that are not its author's to reword: quotations (a block quote, a `<q>`, text
 * between double quotation marks), placeholders and editorial notes in square brackets ("[name of plaintiff]",
 * "[Insert the following, combined into two paragraphs]") and examples of writing to avoid (the section under a
 * "Before" or "Don't say" heading, a paragraph that starts with such a label in bold, a table column headed so).
 * plain-language, jargon and all-caps leave them alone: an editor does not reword a quotation or the bad example
 * a page shows on purpose. Readability still counts them; the reader reads them.
 */
export function quotedRanges(tree: Root, sentences: readonly SentenceInfo[]): Position[] {
  const ranges: Position[] = []
  // A loop, not a spread: a long article may hold more ranges than a call takes arguments.
  const add = (found: Iterable<Position>) => {
    for (const range of found) ranges.push(range)
  }
  visit(tree, (node) => {
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element' && (node.tagName === 'blockquote' || node.tagName === 'q') && node.position) ranges.push(node.position)
    if (node.type === 'element' && node.tagName === 'table') add(exampleColumns(node))
    add(headedSections(node.children, isExampleLabel))
    add(labelledParagraphs(node.children))
  })
  add(quotationMarks(sentences))
  return ranges
}

/** A quotation or example of the article's: see `quotedRanges`. */
export const quotations = shared('quotations', (audit) => new RangeIndex(quotedRanges(audit.tree, audit.sentences)))

/** The most words an emphasised span may hold and still be a word set off as a word ("avoid *impactful*"). */
const MENTION_WORDS = 4

/**
 * Words set off in italics or bold on their own, a few at most: the convention for a word used as a word ("avoid
 * legal formalisms (*In witness whereof*)", "**fiscal year** is lowercase"). plain-language and jargon take a term
 * there as mentioned, not used.
 */
export const emphasisedWords = shared('emphasised-words', (audit) => {
  const ranges: Position[] = []
  visit(audit.tree, 'element', (node) => {
    if (!['em', 'i', 'strong', 'b'].includes(node.tagName) || !node.position) return
    const words = hastToString(node).trim().split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
    if (words.length > 0 && words.length <= MENTION_WORDS) ranges.push(node.position)
  })
  return new RangeIndex(ranges)
})

/**
 * Where the article lists cited works: the section under a "Footnotes", "Notes" or "References" heading, and GFM's
 * footnotes. Citation styles set authors and titles in capitals, so all-caps and undefined-acronym leave them alone.
 */
export const citations = shared('citations', (audit) => {
  const ranges: Position[] = []
  visit(audit.tree, (node) => {
    if (node.type !== 'element' && node.type !== 'root') return
    // GFM's footnotes section is made by remark-rehype, unpositioned; its definitions are positioned.
    if (node.type === 'element' && 'dataFootnotes' in node.properties) {
      visit(node, 'element', (item) => {
        if (item.tagName === 'li' && item.position) ranges.push(item.position)
      })
    }
    for (const range of headedSections(node.children, (heading) => citationHeadings.has(labelOf(heading)))) ranges.push(range)
  })
  return new RangeIndex(ranges)
})

function labelOf(node: Element | ElementContent | RootContent): string {
  return hastToString(node as Element)
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*:$/, '')
}

const isExampleLabel = (node: Element | ElementContent | RootContent) => exampleLabels.has(labelOf(node))

const level = (node: RootContent | ElementContent): number => (node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0)

/** The siblings after a heading that `heads` accepts, up to the next heading of its level or higher. */
function headedSections(children: ReadonlyArray<RootContent | ElementContent>, heads: (heading: Element) => boolean): Position[] {
  const ranges: Position[] = []
  children.forEach((child, index) => {
    if (child.type !== 'element') return
    const own = level(child)
    if (own > 0 && heads(child)) {
      let last: RootContent | ElementContent | undefined
      for (const next of children.slice(index + 1)) {
        const nextLevel = level(next)
        if (nextLevel > 0 && nextLevel <= own) break
        if (next.position) last = next
      }
      if (child.position && last?.position) ranges.push({start: child.position.end, end: last.position.end})
    }
  })
  return ranges
}

/** Paragraphs led by an example label in bold or italics: "**Don't say:** …". */
function labelledParagraphs(children: ReadonlyArray<RootContent | ElementContent>): Position[] {
  const ranges: Position[] = []
  for (const child of children) {
    if (child.type !== 'element' || child.tagName !== 'p' || !child.position) continue
    const lead = child.children.find((inner) => inner.type !== 'text' || inner.value.trim() !== '')
    if (lead?.type === 'element' && ['strong', 'b', 'em', 'i'].includes(lead.tagName) && isExampleLabel(lead)) ranges.push(child.position)
  }
  return ranges
}

/** The cells of a table column whose header is an example label ("Don't say | Say"). */
function exampleColumns(table: Element): Position[] {
  const rows: Element[] = []
  visit(table, 'element', (node) => {
    if (node.tagName === 'tr') rows.push(node)
  })
  const cellsOf = (row: Element) => row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))
  const header = rows[0]
  if (!header) return []
  const columns = new Set<number>()
  cellsOf(header).forEach((cell, index) => {
    if (isExampleLabel(cell)) columns.add(index)
  })
  if (columns.size === 0) return []
  const ranges: Position[] = []
  for (const row of rows.slice(1)) {
    cellsOf(row).forEach((cell, index) => {
      if (columns.has(index) && cell.position) ranges.push(cell.position)
    })
  }
  return ranges
}

/**
 * Text between double quotation marks, or between square brackets, within a paragraph (a quotation may hold
 * several sentences).
 */
function quotationMarks(sentences: readonly SentenceInfo[]): Position[] {
  const ranges: Position[] = []
  let paragraph = -1
  let open: Position | undefined
  let bracket: Position | undefined
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph
      open = undefined
      bracket = undefined
    }
    for (const token of sentence.tokens) {
      if (token.kind !== 'punctuation') continue
      if (token.text === '[') {
        bracket = token.position
      } else if (token.text === ']' && bracket) {
        ranges.push({start: bracket.start, end: token.position.end})
        bracket = undefined
      } else if (opening.has(token.text) || (token.text === '"' && !open)) {
        open = token.position
      } else if (open && (closing.has(token.text) || token.text === '"')) {
        ranges.push({start: open.start, end: token.position.end})
        open = undefined
      }
    }
  }
  return ranges
}
