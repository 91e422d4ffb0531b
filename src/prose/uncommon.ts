import {shared} from '../rules.ts'
import {acronymKey} from './acronyms.ts'
import {commonWords} from './common-words.ts'
import {jargonRanges} from './jargon.ts'
import {namedRanges} from './names.ts'
import {bodySentences} from './readability.ts'
import irregularVerbs from './data/irregular-verbs.json' with {type: 'json'}
import {stems} from './stems.ts'
import {tagSentence} from './tagger.ts'
import type {SentenceInfo, Token} from './tokens.ts'

/** The base form of each irregular past and participle: undertook is take's, lemma-wise undertake's. */
const irregularBase = new Map<string, string>()
for (const [base, ...forms] of irregularVerbs.verbs as string[][]) for (const form of forms) if (!irregularBase.has(form)) irregularBase.set(form, base as string)

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
  const sentences = audit.get(bodySentences)
  // A word written with a capital inside a sentence somewhere in the article is a name at a sentence's start too.
  const capitalised = new Set<string>()
  for (const sentence of sentences) sentence.words.forEach((token, index) => index > 0 && /^\p{Lu}/u.test(token.text) && capitalised.add(token.lower))
  let words = 0
  const uncommon: Token[] = []
  for (const sentence of sentences) {
    for (const [index, token] of sentence.words.entries()) {
      words++
      if (!isWord(token.text) || acronymKey(token.text)) continue
      if (/^\p{Lu}/u.test(token.text) && (index > 0 || capitalised.has(token.lower))) continue
      if (audit.settings.jargon.allow.has(token.lower) || covered.overlaps(token.position) || named.overlaps(token.position)) continue
      if (token.text.split('-').every((part) => acronymKey(part) !== undefined || isCommon(part.toLowerCase(), known))) continue
      // A capitalised first word off the list is still a name when the tagger says so ("Comcast has…").
      if (index === 0 && /^\p{Lu}/u.test(token.text) && (await isProperNoun(sentence, token))) continue
      uncommon.push(token)
    }
  }
  return {words, uncommon}
})

/**
 * Only words are judged: not figures, not addresses, e-mail addresses, file names or identifiers (a dot, @, slash
 * or underscore inside), not long hyphenated slugs.
 */
function isWord(text: string): boolean {
  if (!/^\p{L}/u.test(text) || /\d/.test(text)) return false
  if (/[.@/\\_]/.test(text.replace(/\.+$/, ''))) return false
  return text.split('-').length <= 3
}

async function isProperNoun(sentence: SentenceInfo, token: Token): Promise<boolean> {
  const tags = await tagSentence(sentence)
  const at = sentence.tokens.indexOf(token)
  return tags[at]?.has('ProperNoun') === true
}

/** A word is common when its lemma is: its stem by a regular ending, an irregular verb's base, a contraction's first part. */
function isCommon(word: string, known: ReadonlySet<string>): boolean {
  const lower = word
    .replace(/\.+$/, '')
    .replace(/[’']s?$/, '')
    // we're → we, don't → do, they'll → they: the contracted part is always common.
    .replace(/n?[’'](?:t|re|ve|ll|d|m)$/, '')
  // The list is unaccented: café is cafe.
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '')
  if (lower === '') return true
  const base = irregularBase.get(lower)
  return [...stems(lower), ...stems(plain), ...(base ? [base] : [])].some((stem) => known.has(stem))
}
