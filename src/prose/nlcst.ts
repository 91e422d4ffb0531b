import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {ElementContent, Root as HastRoot, RootContent as HastContent, Text as HastText} from 'hast'
import {phrasing} from 'hast-util-phrasing'
import {toString as hastToString} from 'hast-util-to-string'
import type {Node as NlcstNode, Paragraph, Root as NlcstRoot, Source} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Location as VFileLocation} from 'vfile-location'
import {shared} from '../rules.ts'

/** Elements whose content is not prose. */
const notProse = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'pre', 'head', 'del', 'textarea', 'select', 'button', 'iframe', 'object'])
/** Elements that hold a paragraph of their own. */
const paragraphLike = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
/**
 * Elements whose text is a label more often than a sentence: table cells, list items, definitions, captions and
 * summaries. Their paragraphs are marked, and readability counts them only when they hold a sentence.
 */
const labelBlocks = new Set(['td', 'th', 'li', 'dt', 'dd', 'caption', 'figcaption', 'summary', 'legend'])
/** Stands in for inline code while the paragraph is tokenised, so code never splits or joins sentences. */
const CODE_MARK = '\uE000'

/** What a prose paragraph came from, kept on the nlcst node's `data`. */
export interface ParagraphData {
  readonly block: string
  /** The nearest table cell, list item, definition, caption or summary the paragraph stands in, if any. */
  readonly label?: string
}

const parser = new ParseEnglish()

/** The article's prose as nlcst, every node at its source position: what the prose rules and retext plugins read. */
export const proseTree = shared('nlcst', (audit) => hastToNlcst(audit.tree, audit.article.text, audit.article.place))

/**
 * hast to nlcst, positioned in the original source.
 *
 * Each paragraph's text is tokenised as a whole (so parse-english decides sentences), while every
 * character remembers the source span it came from: entities, Markdown escapes, blockquote markers
 * and CRLF line endings shift text against the source, and positions must not shift with them.
 */
export function hastToNlcst(tree: HastRoot, source: string, place: VFileLocation): NlcstRoot {
  const paragraphs: Paragraph[] = []
  visitBlock(tree.children, 'body', undefined)
  const end = place.toPoint(source.length)
  return {
    type: 'RootNode',
    children: paragraphs,
    position: {start: {line: 1, column: 1, offset: 0}, end: end ?? {line: 1, column: 1, offset: 0}}
  }

  function visitBlock(children: readonly HastContent[], block: string, label: string | undefined): void {
    let run: ElementContent[] = []
    for (const child of children) {
      if (child.type === 'element' && notProse.has(child.tagName)) {
        flush()
      } else if (child.type === 'element' && paragraphLike.has(child.tagName)) {
        flush()
        addParagraph(child.children, child.tagName, label)
      } else if ((child.type === 'text' || child.type === 'element') && phrasing(child)) {
        run.push(child)
      } else if (child.type === 'element') {
        flush()
        visitBlock(child.children, child.tagName, labelBlocks.has(child.tagName) ? child.tagName : label)
      }
    }
    flush()

    function flush(): void {
      if (run.length > 0) addParagraph(run, block, label)
      run = []
    }
  }

  function addParagraph(content: readonly ElementContent[], block: string, label: string | undefined): void {
    const text = new MappedText(source)
    for (const node of content) text.add(node)
    if (!/[\p{L}\p{N}]/u.test(text.value)) return
    text.breakLines()
    const paragraph = parser.tokenizeParagraph(text.value)
    remap(paragraph, text)
    paragraph.data = (label === undefined ? {block} : {block, label}) satisfies ParagraphData
    paragraphs.push(paragraph)
  }

  function remap(node: NlcstNode, text: MappedText): void {
    const position = node.position
    if (position && position.start.offset !== undefined && position.end.offset !== undefined) {
      const [from, to] = text.sourceSpan(position.start.offset, position.end.offset)
      const start = place.toPoint(from)
      const end = place.toPoint(to)
      if (start && end) node.position = {start, end}
    }
    if ('children' in node && Array.isArray(node.children)) {
      const children = node.children as NlcstNode[]
      children.forEach((child, index) => {
        if (child.type === 'SymbolNode' && 'value' in child && child.value === CODE_MARK) {
          const code: Source = {type: 'SourceNode', value: text.codeAt(child.position?.start.offset ?? -1)}
          if (child.position) code.position = child.position
          children[index] = code
        }
        remap(children[index] as NlcstNode, text)
      })
    }
  }
}

/** Paragraph text as tokenised, with the source span of every UTF-16 unit. */
class MappedText {
  value = ''
  private starts: number[] = []
  private ends: number[] = []
  private code = new Map<number, string>()
  private readonly breaks: number[] = []

  constructor(private readonly source: string) {}

  /**
   * A line break before a capital starts a new sentence ("…at these places:<br>Any person…"): the break becomes a
   * blank line, where parse-english ends a sentence. A break inside a sentence ("the quick<br>brown fox") stays.
   */
  breakLines(): void {
    const breaks = this.breaks.filter((at) => /^\s*[\p{Lu}\p{N}]/u.test(this.value.slice(at + 1, at + 16)))
    if (breaks.length === 0) return
    // Each chosen break's "\n" is doubled, with the same source span; everything after it moves on by one.
    const value: string[] = []
    const starts: number[] = []
    const ends: number[] = []
    let next = 0
    for (let index = 0; index < this.value.length; index++) {
      const copies = index === breaks[next] ? 2 : 1
      if (copies === 2) next++
      for (let copy = 0; copy < copies; copy++) {
        value.push(this.value[index] as string)
        starts.push(this.starts[index] as number)
        ends.push(this.ends[index] as number)
      }
    }
    this.value = value.join('')
    this.starts = starts
    this.ends = ends
    const shift = (at: number) => breaks.filter((after) => after < at).length
    this.code = new Map([...this.code].map(([at, code]) => [at + shift(at), code]))
  }

  add(node: ElementContent): void {
    if (node.type === 'text') {
      this.addText(node)
    } else if (node.type === 'element') {
      const from = node.position?.start?.offset
      const to = node.position?.end?.offset
      if (node.tagName === 'br') {
        this.breaks.push(this.value.length)
        this.push('\n', from ?? this.lastEnd(), to ?? this.lastEnd())
      } else if (node.tagName === 'code' || node.tagName === 'kbd' || node.tagName === 'samp' || node.tagName === 'tt' || node.tagName === 'var') {
        this.code.set(this.value.length, hastToString(node))
        this.push(CODE_MARK, from ?? this.lastEnd(), to ?? this.lastEnd())
      } else if (!notProse.has(node.tagName)) {
        for (const child of node.children) this.add(child)
      }
    }
  }

  codeAt(index: number): string {
    return this.code.get(index) ?? ''
  }

  /** The source span [from, to) behind the tokenised text's [start, end). */
  sourceSpan(start: number, end: number): [number, number] {
    if (end <= start) {
      const at = this.starts[start] ?? this.lastEnd()
      return [at, at]
    }
    return [this.starts[start] ?? this.lastEnd(), this.ends[end - 1] ?? this.lastEnd()]
  }

  private push(text: string, from: number, to: number): void {
    for (let index = 0; index < text.length; index++) {
      this.value += text[index]
      this.starts.push(from)
      this.ends.push(to)
    }
  }

  private lastEnd(): number {
    return this.ends.at(-1) ?? 0
  }

  private addText(node: HastText): void {
    const from = node.position?.start?.offset
    // Broken raw HTML in Markdown can leave a text node with a start and no end: align up to the source's end.
    // (A text with an end and no start is given its start by the parse: input/positions.ts.)
    const to = node.position?.end?.offset ?? (from === undefined ? undefined : this.source.length)
    if (from === undefined || to === undefined) {
      this.push(node.value, this.lastEnd(), this.lastEnd())
      return
    }
    alignToSource(node.value, this.source, from, to, (text, start, end) => this.push(text, start, end))
  }
}

const characterReference = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));?/y
/** How far ahead a character is looked for when the source holds markup the text does not (`> `, indentation, `\`). */
const LOOKAHEAD = 64

/**
 * Walks the decoded text and its source side by side, reporting each text character with its source span.
 * Character references and skipped markup map correctly; a character absent from the source gets an empty span.
 */
export function alignToSource(
  value: string,
  source: string,
  from: number,
  to: number,
  emit: (text: string, start: number, end: number) => void
): void {
  let at = from
  let index = 0
  while (index < value.length) {
    const limit = Math.min(to, at + LOOKAHEAD)
    let matched = false
    for (let probe = at; probe < limit && !matched; probe++) {
      const reference = matchReference(source, probe, to)
      if (reference && value.startsWith(reference.text, index)) {
        emit(reference.text, probe, probe + reference.length)
        index += reference.text.length
        at = probe + reference.length
        matched = true
      } else if (source[probe] === value[index]) {
        emit(value[index] as string, probe, probe + 1)
        index++
        at = probe + 1
        matched = true
      }
    }
    if (!matched) {
      emit(value[index] as string, at, at)
      index++
    }
  }
}

function matchReference(source: string, at: number, to: number): {text: string; length: number} | undefined {
  if (source[at] !== '&') return undefined
  characterReference.lastIndex = at
  const match = characterReference.exec(source)
  if (!match || at + match[0].length > to) return undefined
  const [whole, hex, decimal, name] = match
  let text: string | false = false
  if (hex !== undefined || decimal !== undefined) {
    const code = hex === undefined ? Number(decimal) : Number.parseInt(hex, 16)
    text = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : false
  } else if (name !== undefined) {
    text = decodeNamedCharacterReference(name)
  }
  return text === false ? undefined : {text, length: whole.length}
}
