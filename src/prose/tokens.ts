import type {Paragraph, Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Position} from 'unist'
import {TEMPLATE_MASK} from '../input/templates.ts'
import type {ParagraphData} from './nlcst.ts'

/** A word or a punctuation mark of a sentence, with its source position. */
export interface Token {
  readonly kind: 'word' | 'punctuation' | 'source'
  readonly text: string
  readonly lower: string
  readonly position: Position
}

/** A sentence as the checks read it: its tokens without white space, and where it stands. */
export interface SentenceInfo {
  readonly node: Sentence
  readonly tokens: readonly Token[]
  readonly words: readonly Token[]
  readonly paragraph: number
  readonly heading: boolean
  /** In a table cell, list item, definition, caption or summary (src/prose/nlcst.ts): maybe a label, not a sentence. */
  readonly label: boolean
  readonly position: Position
}

const headingBlocks = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Every sentence of the document with at least one word, headings included and marked. */
export function readSentences(tree: Root): SentenceInfo[] {
  const sentences: SentenceInfo[] = []
  tree.children.forEach((paragraph, index) => {
    if (paragraph.type !== 'ParagraphNode') return
    const data = (paragraph as Paragraph).data as ParagraphData | undefined
    const heading = headingBlocks.has(data?.block ?? '')
    const label = data?.label !== undefined
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode' || !sentence.position) continue
      const tokens = sentenceTokens(sentence)
      const words = tokens.filter((token) => token.kind === 'word')
      // A sentence runs from its first token to its last: template syntax before or after it is not part of it.
      const first = tokens[0]
      const last = tokens.at(-1)
      if (words.length > 0 && first && last) sentences.push({node: sentence, tokens, words, paragraph: index, heading, label, position: span(first, last)})
    }
  })
  return sentences
}

function sentenceTokens(sentence: Sentence): Token[] {
  const tokens: Token[] = []
  for (const child of sentence.children) {
    if (!child.position) continue
    if (child.type === 'WordNode') {
      const text = toString(child)
      if (/[\p{L}\p{N}]/u.test(text)) tokens.push({kind: 'word', text, lower: text.toLowerCase(), position: child.position})
    } else if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      // Masked template syntax is no token of the sentence's: no word, no punctuation.
      if (!child.value.split('').every((character) => character === TEMPLATE_MASK)) tokens.push({kind: 'punctuation', text: child.value, lower: child.value, position: child.position})
    } else if (child.type === 'SourceNode') {
      tokens.push({kind: 'source', text: child.value, lower: child.value, position: child.position})
    }
  }
  return tokens
}

/** The span from the start of one token to the end of another. */
export function span(first: Token, last: Token): Position {
  return {start: first.position.start, end: last.position.end}
}
