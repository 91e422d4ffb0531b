// The painter is one closure over the article's spans, anchors and paragraph badges (about 300 lines): split, each
// part would need all of that state passed in. The allowlist it rebuilds from is in allowlist.ts.
import type {Element, ElementContent, Properties, Root, RootContent, Text} from 'hast'
import {sanitize} from 'hast-util-sanitize'
import {toString as hastToString} from 'hast-util-to-string'
import {SKIP, visit} from 'unist-util-visit'
import {findElement, parseArticle} from '../../input/parse.ts'
import {TEMPLATE_MASK} from '../../input/templates.ts'
import {stripBom} from '../../input/read.ts'
import {alignToSource} from '../../prose/nlcst.ts'
import {firstAtOrAfter} from '../../prose/ranges.ts'
import type {AuditReport, Finding} from '../../report/schema.ts'
import {addClass, asBlock, blockTags, cellSpan, dropped, el, imageLabel, inputLabel, kept, keptProperties, listTags, placeholder, placeholderName, rowGroups, schema, txt} from './allowlist.ts'
import {highlightKind, kindLabel, paragraphBand, type HighlightKind, type RuleIndex} from './kinds.ts'

/** A finding drawn in the article: where its first piece is, so the findings list can link to it. */
export interface PaintedArticle {
  /** The article, made inert, with its findings painted in. */
  readonly content: ElementContent[]
  /** Finding index → the id of the element that shows it (a highlight or an accessibility note). */
  readonly anchors: ReadonlyMap<number, string>
  /** Paragraph index → the id of its grade badge. */
  readonly paragraphs: ReadonlyMap<number, string>
}

interface Span {
  readonly index: number
  readonly finding: Finding
  readonly kind: HighlightKind
  readonly layer: number
  readonly start: number
  readonly end: number
}

/**
 * Re-reads the audited source and draws every finding into it: sentence and word findings as highlights over
 * the very characters their source offsets name, accessibility findings as outlines with a note beside the
 * element. Article markup is rebuilt from an allowlist and then sanitised, so nothing in it can run or load.
 */
export function paintArticle(text: string, report: AuditReport, prefix: string, rules: RuleIndex): PaintedArticle {
  const source = stripBom(text)
  // Parsed as the audit parsed it: the same template syntax masked, so that every text node lies where it did.
  const article = parseArticle(source, report.source.format, report.source.path, {templates: report.source.templates ?? []})
  const body = article.isDocument ? findElement(article.tree, (element) => element.tagName === 'body') : undefined
  const top: RootContent[] = body ? body.children : article.tree.children

  const spans: Span[] = []
  const onElements = new Map<string, Array<{index: number; finding: Finding}>>()
  report.findings.forEach((finding, index) => {
    const start = finding.location.start.offset
    const end = finding.location.end.offset
    // Findings of the whole document (its reading grade, its encoding, a page rule) have no words or element to
    // paint: the scorecard and the findings list have them.
    if (finding.scope === 'document') return
    if (finding.category === 'accessibility') {
      const key = `${start}:${end}`
      const list = onElements.get(key) ?? []
      list.push({index, finding})
      onElements.set(key, list)
      return
    }
    if (end <= start) return
    const kind = highlightKind(finding, rules)
    spans.push({index, finding, kind, layer: kind === 'hard' || kind === 'very-hard' ? 0 : 1, start, end})
  })

  const owners = elementOwners(top, onElements)
  // An accessibility finding on text (all caps, say) has no element of its own: paint its words instead.
  for (const [key, list] of onElements) {
    if (owners.has(key)) continue
    for (const {index, finding} of list) {
      const start = finding.location.start.offset
      const end = finding.location.end.offset
      if (end > start) spans.push({index, finding, kind: 'a11y', layer: 1, start, end})
    }
    onElements.delete(key)
  }
  spans.sort(byNesting)

  const badges = paragraphBlocks(top, report)
  const anchors = new Map<number, string>()
  const paragraphs = new Map<number, string>()
  const opened = new Set<number>()
  const id = (what: string, index: number) => `${prefix}${what}${index}`

  const content = transformAll(top, 'body')
  const clean = sanitize({type: 'root', children: content}, schema) as Root
  return {content: clean.children as ElementContent[], anchors, paragraphs}

  function transformAll(nodes: readonly RootContent[], parent: string): ElementContent[] {
    const out: ElementContent[] = []
    for (const node of nodes) {
      for (const child of transform(node, parent)) {
        if (listTags.has(parent) && !(child.type === 'element' && child.tagName === 'li')) {
          if (child.type === 'text' && child.value.trim() === '') continue
          out.push(el('li', {}, [child]))
        } else out.push(child)
      }
    }
    return out
  }

  function transform(node: RootContent, parent: string): ElementContent[] {
    if (node.type === 'text') return paintText(node)
    if (node.type !== 'element') return []
    const tag = node.tagName
    if (dropped.has(tag)) return []
    const notes = noteFor(node)
    let result: Element | undefined
    if (/^h[1-6]$/.test(tag)) {
      result = el('p', {className: ['heading', tag]}, [el('span', {className: ['htag']}, [txt(tag.toUpperCase())]), txt(' '), ...transformAll(node.children, 'p')])
    } else if (tag === 'img') {
      result = placeholder(imageLabel(node))
    } else if (tag === 'input') {
      result = placeholder(inputLabel(node))
    } else if (tag === 'button') {
      result = placeholder(`button: ${hastToString(node).trim() || 'no text'}`)
    } else if (placeholderName[tag] !== undefined) {
      result = placeholder(placeholderName[tag])
    } else if (tag === 'a') {
      const children = transformAll(node.children, 'span')
      const hasText = hastToString(node).trim() !== '' || findElement(node, (child) => child.tagName === 'img') !== undefined
      result = el('span', {className: ['link']}, hasText ? children : [...children, el('span', {className: ['ph']}, [txt('[link without text]')])])
    } else if (tag === 'li' && !listTags.has(parent)) {
      result = el('div', {}, transformAll(node.children, 'div'))
    } else if (tag === 'th') {
      result = el('td', {className: ['th'], ...cellSpan(node.properties)}, transformAll(node.children, 'td'))
    } else if (tag === 'table') {
      result = el('table', {role: 'presentation'}, transformAll(node.children, 'table'))
    } else if (tag === 'mark') {
      result = el('span', {className: ['article-mark']}, transformAll(node.children, 'span'))
    } else if (kept.has(tag)) {
      result = el(tag, keptProperties(node), transformAll(node.children, tag))
    } else if (asBlock.has(tag)) {
      result = el('div', {}, transformAll(node.children, 'div'))
    } else {
      // An unknown or custom element: its content stays, the element does not.
      const children = transformAll(node.children, parent)
      return notes.length > 0 ? [...children, ...notes] : children
    }
    const badge = badges.get(node)
    if (badge !== undefined) result.children.unshift(paragraphBadge(badge))
    if (notes.length === 0) return [result]
    addClass(result, 'flagged')
    if (result.tagName === 'table' || listTags.has(result.tagName)) return [el('div', {className: ['notes']}, notes), result]
    if (rowGroups.has(result.tagName)) {
      const cell = findElement(result, (child) => child.tagName === 'td')
      if (cell) for (const note of notes) cell.children.push(note)
      return [result]
    }
    for (const note of notes) result.children.push(note)
    return [result]
  }

  function noteFor(node: Element): Element[] {
    const start = node.position?.start?.offset
    const end = node.position?.end?.offset
    if (start === undefined || end === undefined) return []
    const list = onElements.get(`${start}:${end}`)
    if (list === undefined || owners.get(`${start}:${end}`) !== node) return []
    onElements.delete(`${start}:${end}`)
    return list.map(({index, finding}) => {
      anchors.set(index, id('f', index))
      return el('span', {className: ['a11y-note', `sev-${finding.severity}`], id: id('f', index), dataRule: finding.ruleId, dataCategory: finding.category, dataFinding: String(index)}, [
        el('span', {className: ['note-icon']}, [txt('⚠')]),
        txt(` ${finding.message} `),
        el('span', {className: ['note-rule']}, [txt(`${finding.ruleId} · line ${finding.location.start.line}`)])
      ])
    })
  }

  function paragraphBadge(paragraph: number): Element {
    const grade = report.readability.paragraphGrades[paragraph]
    const badgeId = id('p', paragraph)
    paragraphs.set(paragraph, badgeId)
    const band = grade === undefined ? 'ok' : paragraphBand(grade.grade, report.readability.targetGrade)
    return el('span', {className: ['pgrade', `band-${band}`], id: badgeId}, [
      el('span', {className: ['visually-hidden']}, [txt(`Paragraph ${paragraph + 1}, grade `)]),
      txt(grade === undefined ? '' : formatGrade(grade.grade))
    ])
  }

  function paintText(node: Text): ElementContent[] {
    const from = node.position?.start?.offset
    // Broken raw HTML can leave a text node with a start and no end, as in the audit: align up to the source's end.
    const to = node.position?.end?.offset ?? (from === undefined ? undefined : source.length)
    if (from === undefined || to === undefined) return [txt(node.value.split(TEMPLATE_MASK).join(''))]
    const candidates = spans.filter((span) => span.start < to && span.end > from)
    if (candidates.length === 0 && !node.value.includes(TEMPLATE_MASK)) return [txt(node.value)]
    // Each character of the text, with the findings whose source range covers it.
    const pieces: Array<{text: string; covering: Span[]}> = []
    alignToSource(node.value, article.text, from, to, (masked, start, end) => {
      // Template syntax is shown as written, never as the mask the parsers read.
      const value = masked === TEMPLATE_MASK && end > start ? source.slice(start, end) : masked
      const covering = candidates.filter((span) => (end > start ? start >= span.start && end <= span.end : start > span.start && start < span.end))
      const last = pieces.at(-1)
      if (last && sameSpans(last.covering, covering)) last.text += value
      else pieces.push({text: value, covering})
    })
    return nest(pieces)
  }

  /** Opens and closes marks along the pieces so that a mark containing another stays one element. */
  function nest(pieces: ReadonlyArray<{text: string; covering: Span[]}>): ElementContent[] {
    const root: ElementContent[] = []
    const stack: Array<{span: Span; element: Element}> = []
    const tips: Array<{mark: Element; tip: Element}> = []
    const target = () => stack.at(-1)?.element.children ?? root
    for (const piece of pieces) {
      let keep = 0
      while (keep < stack.length && keep < piece.covering.length && stack[keep]?.span === piece.covering[keep]) keep++
      stack.length = keep
      for (const span of piece.covering.slice(keep)) {
        const element = markFor(span, tips)
        target().push(element)
        stack.push({span, element})
      }
      target().push(txt(piece.text))
    }
    // A mark never runs past its text node, so each first piece is complete now: its explanation goes at its end.
    for (const {mark, tip} of tips) mark.children.push(tip)
    return root
  }

  function markFor(span: Span, tips: Array<{mark: Element; tip: Element}>): Element {
    const {finding, index} = span
    const tipId = id('t', index)
    const properties: Properties = {
      className: ['hl', `hl-${span.kind}`],
      dataCategory: finding.category,
      dataRule: finding.ruleId,
      dataSeverity: finding.severity,
      dataFinding: String(index),
      dataTip: tipId
    }
    if (opened.has(index)) return el('mark', properties, [])
    opened.add(index)
    anchors.set(index, id('f', index))
    const mark = el('mark', {...properties, id: id('f', index), tabIndex: 0, ariaDescribedBy: [tipId]}, [])
    tips.push({mark, tip: tip(finding, tipId, kindLabel(finding, span.kind, rules))})
    return mark
  }
}

function tip(finding: Finding, tipId: string, label: string): Element {
  const {line, column} = finding.location.start
  return el('span', {className: ['tip'], role: 'tooltip', id: tipId}, [
    el('span', {className: ['tip-kind']}, [txt(label)]),
    el('span', {className: ['tip-message']}, [txt(finding.message)]),
    ...(finding.suggestions.length > 0 ? [el('span', {className: ['tip-suggestion']}, [txt(`Try: ${finding.suggestions.join(' · ')}`)])] : []),
    el('span', {className: ['tip-meta']}, [txt(`${finding.ruleId} · ${finding.severity} · line ${line}, column ${column}`)])
  ])
}


function byNesting(a: Span, b: Span): number {
  return a.layer - b.layer || a.start - b.start || b.end - a.end || a.index - b.index
}

function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((span, index) => span === b[index])
}

/**
 * For each flagged `start:end` range, the element that shows it. A paragraph holding nothing but a link has the
 * link's range too: the element whose tag the finding's selector ends with wins, else the innermost.
 */
function elementOwners(nodes: readonly RootContent[], flagged: ReadonlyMap<string, ReadonlyArray<{finding: Finding}>>): Map<string, Element> {
  const candidates = new Map<string, Element[]>()
  visit({type: 'root', children: [...nodes]}, 'element', (node) => {
    const key = `${node.position?.start?.offset}:${node.position?.end?.offset}`
    if (node.position && flagged.has(key) && !dropped.has(node.tagName)) candidates.set(key, [...(candidates.get(key) ?? []), node])
  })
  const owners = new Map<string, Element>()
  for (const [key, elements] of candidates) {
    const tag = selectorTag(flagged.get(key)?.[0]?.finding.selector)
    const owner = elements.findLast((element) => element.tagName === tag) ?? elements.at(-1)
    if (owner) owners.set(key, owner)
  }
  return owners
}

/** The tag name a CSS selector's last compound starts with, if any: `main > p > a[href]` → `a`. */
function selectorTag(selector: string | undefined): string | undefined {
  const last = selector?.split(/[\s>+~]+/).filter(Boolean).at(-1)
  return last?.match(/^[a-z][a-z0-9-]*/i)?.[0]?.toLowerCase()
}

/** The block element each graded paragraph starts in: the deepest block whose source range holds the paragraph's start. */
function paragraphBlocks(nodes: readonly RootContent[], report: AuditReport): Map<Element, number> {
  // Paragraphs come in document order, so their starts are sorted: each element finds the ones inside it by
  // binary search, and one walk over the tree serves them all (a long article has thousands of each).
  const starts = report.readability.paragraphGrades.map((paragraph) => paragraph.location.start.offset)
  const found: Array<Element | undefined> = []
  visit({type: 'root', children: [...nodes]}, 'element', (child) => {
    const start = child.position?.start?.offset
    const end = child.position?.end?.offset
    if (start === undefined || end === undefined) return SKIP
    const from = firstAtOrAfter(starts, start)
    const to = firstAtOrAfter(starts, end)
    if (from === to) return SKIP
    // Visited before its descendants, so the deepest block holding a paragraph's start has the last word.
    if (blockTags.has(child.tagName) || /^h[1-6]$/.test(child.tagName)) for (let index = from; index < to; index++) found[index] = child
    return undefined
  })
  const blocks = new Map<Element, number>()
  found.forEach((block, index) => {
    if (block && !blocks.has(block)) blocks.set(block, index)
  })
  return blocks
}

export function formatGrade(grade: number): string {
  return (Math.round(grade * 10) / 10).toString()
}

