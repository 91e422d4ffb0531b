import {readdirSync, readFileSync} from 'node:fs'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {bigArticle, releaseNotes} from '../../bench/corpus.ts'
import {FaircopyError} from '../../src/index.ts'
import {parseArticle} from '../../src/input/parse.ts'
import {elementsAtLeast} from '../../src/input/size.ts'
import type {Format} from '../../src/report/schema.ts'
import {audit} from '../helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const corpus = join(root, '..', 'shared', 'corpus', 'real')

function articles(): Array<{name: string; text: string; format: Format}> {
  const folders = [join(root, 'test', 'fixtures'), join(root, 'test', 'fixtures', 'hostile'), join(root, 'test', 'rules', 'fixtures'), ...(existsSync(corpus) ? [corpus] : [])]
  const found = folders.flatMap((folder) =>
    readdirSync(folder, {recursive: folder === corpus, encoding: 'utf8'})
      .filter((name) => /\.(?:md|mdx|html)$/.test(name))
      .map((name) => ({name, text: readFileSync(join(folder, name), 'utf8'), format: (name.endsWith('.html') ? 'html' : name.endsWith('.mdx') ? 'mdx' : 'markdown') as Format}))
  )
  return [...found, {name: 'release notes', text: releaseNotes(60_000), format: 'markdown'}, {name: 'big article', text: bigArticle(60_000), format: 'markdown'}]
}

function elements(text: string, format: Format): number {
  let count = 0
  visit(parseArticle(text, format, undefined).tree, 'element', () => {
    count++
  })
  return count
}

describe('the element count read before parsing', () => {
  it(`is never more than the elements an article has (${existsSync(corpus) ? 'with' : 'without'} the real corpus)`, () => {
    // Counted on the text the parsers read: front matter blanked, template syntax masked.
    const over = articles().filter(({text, format}) => elementsAtLeast(parseArticle(text, format, undefined).text, format) > elements(text, format))
    expect(over.map(({name}) => name)).toEqual([])
  })

  it('refuses an article far over maxElements before parsing it, with the same error as after', async () => {
    const text = releaseNotes(100_000)
    const error = await audit(text, {format: 'markdown', maxElements: 1000}).catch((reason: unknown) => reason)
    expect(elementsAtLeast(parseArticle(text, 'markdown', undefined).text, 'markdown')).toBeGreaterThan(1000)
    expect(error).toBeInstanceOf(FaircopyError)
    expect((error as FaircopyError).message).toBe('The article has more than 1000 elements, more than faircopy audits at once (maxElements): split it.')
  })
})
