import {shared} from '../rules.ts'
import {acronymKey} from './acronyms.ts'
import {commonWords} from './common-words.ts'
import {jargonRanges} from './jargon.ts'
import {namedRanges} from './names.ts'
import {bodySentences} from './readability.ts'
import {stems} from './stems.ts'
import type {Token} from './tokens.ts'

export interface UncommonResult {
  readonly words: number
  readonly uncommon: readonly Token[]
}

/** The default of uncommon-word's `commonWords` option. */
export const DEFAULT_COMMON_WORDS = 20_000

/**
 * Words outside the common list, in the prose sentences. Not counted: names and other capitalised words inside a
 * sentence (proper nouns, quoted titles), numbers, acronyms, allowed words and the words the jargon lists and
 * retext-simplify match. The report's uncommon-word share counts them whether or not the rule is on.
 */
export const uncommonWords = shared('uncommon-words', async (audit): Promise<UncommonResult> => {
  const options = audit.settings.rules['uncommon-word']?.options as {commonWords?: number} | undefined
  const known = commonWords(options?.commonWords ?? DEFAULT_COMMON_WORDS)
  const covered = await audit.get(jargonRanges)
  const named = audit.get(namedRanges)
  let words = 0
  const uncommon: Token[] = []
  for (const sentence of audit.get(bodySentences)) {
    sentence.words.forEach((token, index) => {
      words++
      if (!/^\p{L}/u.test(token.text) || /\d/.test(token.text) || acronymKey(token.text)) return
      if (index > 0 && /^\p{Lu}/u.test(token.text)) return
      if (audit.settings.jargon.allow.has(token.lower) || covered.overlaps(token.position) || named.overlaps(token.position)) return
      if (!token.text.split('-').every((part) => acronymKey(part) !== undefined || isCommon(part.toLowerCase(), known))) uncommon.push(token)
    })
  }
  return {words, uncommon}
})

function isCommon(word: string, known: ReadonlySet<string>): boolean {
  const lower = word.replace(/[’']s?$/, '')
  // The list is unaccented: café is cafe.
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '')
  return lower === '' || [...stems(lower), ...stems(plain)].some((stem) => known.has(stem))
}
