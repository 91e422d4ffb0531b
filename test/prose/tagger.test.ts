import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parseArticle} from '../../src/input/parse.ts'
import inflections from '../../src/prose/data/inflections.json' with {type: 'json'}
import {hastToNlcst} from '../../src/prose/nlcst.ts'
import {tagSentence} from '../../src/prose/tagger.ts'
import {readSentences, type SentenceInfo} from '../../src/prose/tokens.ts'
import {buildInflections} from '../../scripts/inflections.ts'

function sentencesOf(text: string, format: 'text' | 'markdown' = 'text'): SentenceInfo[] {
  const article = parseArticle(text, format, undefined)
  return readSentences(hastToNlcst(article.tree, article.text, article.place))
}

const universal: Readonly<Record<string, string>> = {Verb: 'VERB', Noun: 'NOUN', Adjective: 'ADJ', Adverb: 'ADV', ProperNoun: 'PROPN'}

/** A token's tag as the labelled set writes it: the first of proper noun, verb, adjective, adverb, noun it has. */
function tagName(tags: ReadonlySet<string> | undefined): string {
  for (const tag of ['ProperNoun', 'Verb', 'Adjective', 'Adverb', 'Noun']) if (tags?.has(tag)) return universal[tag] as string
  return '?'
}

describe('tagSentence', () => {
  it('tags the ambiguous words of test/fixtures/pos/labelled.tsv right at least 85 % of the time', async () => {
    const rows = readFileSync(new URL('../fixtures/pos/labelled.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => line.split('\t') as [string, string, string])
    let right = 0
    const wrong: string[] = []
    for (const [sentence, word, tag] of rows) {
      const [info] = sentencesOf(sentence)
      const index = info?.tokens.findIndex((token) => token.text === word) ?? -1
      const given = info && index >= 0 ? tagName((await tagSentence(info))[index]) : '?'
      if (given === tag) right++
      else wrong.push(`${word}=${given} (${tag})`)
    }
    console.info(`part of speech: ${right} of ${rows.length} right (${(right / rows.length).toFixed(3)}); wrong: ${wrong.join(', ')}`)
    expect(right / rows.length).toBeGreaterThanOrEqual(0.85)
  })

  it('tags the words of a Markdown sentence at their tokens, the link and emphasis syntax left out', async () => {
    const [sentence] = sentencesOf('The clerk will **forward** your [request](https://example.org/form) today.', 'markdown')
    const tags = await tagSentence(sentence as SentenceInfo)
    const byWord = Object.fromEntries((sentence as SentenceInfo).tokens.map((token, index) => [token.text, tagName(tags[index])]))
    expect(byWord).toMatchObject({clerk: 'NOUN', forward: 'VERB', request: 'NOUN'})
  })
})

describe('src/prose/data/inflections.json', () => {
  it('is what scripts/inflections.ts builds from the lists as they are (run `npm run inflections` after changing a list)', async () => {
    expect(await buildInflections()).toEqual(inflections)
  })
})
