import {readFileSync} from 'node:fs'
import type {Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {detectFormat} from '../../src/input/format.ts'
import {parseArticle} from '../../src/input/parse.ts'
import {alignToSource, hastToNlcst} from '../../src/prose/nlcst.ts'
import {fixture} from '../helpers.ts'

async function nlcstOf(name: string): Promise<{tree: Root; source: string}> {
  const source = readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '')
  const article = parseArticle(source, detectFormat(name, source), name)
  return {tree: hastToNlcst(article.tree, source, article.place), source}
}

function sentences(tree: Root): Sentence[] {
  const found: Sentence[] = []
  visit(tree, 'SentenceNode', (node) => {
    found.push(node)
  })
  return found
}

describe('hastToNlcst', () => {
  it.each(['prose.md', 'prose.html', 'prose.txt', 'positions.md', 'positions.html'])('positions every word of %s on its source text', async (name) => {
    const {tree, source} = await nlcstOf(name)
    let words = 0
    visit(tree, 'WordNode', (word) => {
      words++
      const start = word.position?.start
      const end = word.position?.end
      expect(start && end).toBeTruthy()
      expect(source.slice(start?.offset, end?.offset)).toBe(toString(word))
      const line = source.split(/\r?\n/)[(start?.line ?? 0) - 1] ?? ''
      expect(line.slice((start?.column ?? 0) - 1)).toMatch(new RegExp(`^${toString(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    })
    expect(words).toBeGreaterThan(10)
  })

  it('maps a decoded entity to the whole character reference', async () => {
    const {tree, source} = await nlcstOf('prose.html')
    const ampersands: string[] = []
    visit(tree, (node) => {
      if ('value' in node && node.value === '&') ampersands.push(source.slice(node.position?.start.offset, node.position?.end.offset))
    })
    expect(ampersands).toEqual(['&amp;'])
  })

  it('keeps inline code as one source node that neither splits nor ends a sentence', async () => {
    for (const name of ['prose.md', 'prose.html']) {
      const {tree} = await nlcstOf(name)
      const texts = sentences(tree).map((sentence) => toString(sentence).replace(/\s+/g, ' '))
      expect(texts).toContain('Prior to the repair, read the tide tables & the crane.log file.')
      const code: string[] = []
      visit(tree, 'SourceNode', (node) => {
        code.push(node.value)
      })
      expect(code).toEqual(['crane.log'])
    }
  })

  it('ends a sentence at a line break before a capital, not at one inside a sentence', () => {
    const source = 'Hearings are held at these places:<br>Any person may speak.  \nAll are welcome and the quick<br>brown fox runs `at <br> Noon` today.\n'
    const article = parseArticle(source, 'markdown', undefined)
    const tree = hastToNlcst(article.tree, source, article.place)
    const found = sentences(tree).map((sentence) => source.slice(sentence.position?.start.offset, sentence.position?.end.offset))
    expect(found).toEqual(['Hearings are held at these places:', 'Any person may speak.', 'All are welcome and the quick<br>brown fox runs `at <br> Noon` today.'])
    let code = ''
    visit(tree, 'SourceNode', (node) => {
      code = node.value
    })
    expect(code).toBe('at <br> Noon')
  })

  it('makes one paragraph per block and leaves out code blocks, scripts and front matter', async () => {
    const source = '---\ntitle: Tides\n---\n\n# Tides\n\nThe sea rises.\n\n```\nconst tide = high\n```\n\n<script>alert("no")</script>\n\nIt falls again.\n'
    const article = parseArticle(source, 'markdown', undefined)
    const tree = hastToNlcst(article.tree, source, article.place)
    expect(tree.children.map((paragraph) => toString(paragraph))).toEqual(['Tides', 'The sea rises.', 'It falls again.'])
    expect(tree.children.map((paragraph) => (paragraph.data as {block: string}).block)).toEqual(['h1', 'p', 'p'])
  })
})

describe('alignToSource', () => {
  function spans(value: string, source: string): Array<[string, string]> {
    const result: Array<[string, string]> = []
    alignToSource(value, source, 0, source.length, (text, start, end) => result.push([text, source.slice(start, end)]))
    return result
  }

  it('maps characters one to one when text and source agree', () => {
    expect(spans('tide', 'tide')).toEqual([['t', 't'], ['i', 'i'], ['d', 'd'], ['e', 'e']])
  })

  it('maps named, decimal and hexadecimal references to their whole source', () => {
    expect(spans('a&b’c\u00a0', 'a&amp;b&#8217;c&#xA0;')).toEqual([
      ['a', 'a'],
      ['&', '&amp;'],
      ['b', 'b'],
      ['’', '&#8217;'],
      ['c', 'c'],
      ['\u00a0', '&#xA0;']
    ])
  })

  it('steps over markup the text does not hold: escapes, blockquote markers, CR of CRLF', () => {
    expect(spans('*a\nb', '\\*a\r\n> b').map(([, from]) => from)).toEqual(['*', 'a', '\n', 'b'])
  })

  it('gives a character missing from the source an empty span instead of losing the rest', () => {
    expect(spans('a\uFFFDb', 'a\u0000b')).toEqual([['a', 'a'], ['\uFFFD', ''], ['b', 'b']])
  })
})
