import {commonWords} from './common-words.ts'
import lists from './data/acronyms.json' with {type: 'json'}
import type {SentenceInfo, Token} from './tokens.ts'

export const UNIVERSAL_ACRONYMS: readonly string[] = lists.universal
const smallWords = new Set(lists.smallWords)
const units = new Set(lists.units)
const places = new Set(lists.places)
/** A word in capitals that is an everyday word ("SECTION", "TOP") is emphasis or a heading's style, not an acronym. */
const EVERYDAY_WORDS = 20000
const romanNumeral = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/
/** Capitals with digits or & inside (G7, AT&T), or capitals joined by dots (U.N.); an optional plural or possessive. */
const acronymPattern = /^((?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\d&]*[\p{Lu}\d])(?:['’]?s)?$/u
/** Three or more capitalised words in a row are shouting, not acronyms. */
const SHOUTED_RUN = 3

/** The letters an acronym stands for (`U.N.` → `UN`), or undefined when the word is not one. */
export function acronymKey(word: string): string | undefined {
  const match = acronymPattern.exec(word)
  if (!match) return undefined
  const key = (match[1] as string).replace(/\./g, '')
  return (key.match(/\p{Lu}/gu) ?? []).length >= 2 || /\d/.test(key) ? key : undefined
}

/**
 * Flags the first use of each acronym that the article has not defined before: by "Full Name (ABBR)", by
 * "ABBR (Full Name)", or by an earlier run of words whose initials spell it. Universal ones need no definition.
 */
export function findUndefinedAcronyms(sentences: readonly SentenceInfo[], allow: readonly string[]): Token[] {
  const allowed = new Set([...UNIVERSAL_ACRONYMS, ...allow].map((word) => word.replace(/\./g, '').toUpperCase()))
  const seen = new Set<string>()
  const initials: string[] = []
  let previousInitials: string[] = []
  const undefinedUses: Token[] = []
  for (const sentence of sentences) {
    const tokens = sentence.tokens
    tokens.forEach((token, index) => {
      if (token.kind !== 'word') return
      const key = acronymKey(token.text)
      if (key && !seen.has(key) && !isShouted(tokens, index) && !needsNoDefinition(tokens, index, key)) {
        seen.add(key)
        // A definition earlier in the article, or earlier in this sentence ("public service announcements … PSAs").
        const defined = allowed.has(key) || parenthesised(tokens, index) || definedBefore(key, [...initials, ...previousInitials, ...sentenceInitials(tokens.slice(0, index), false)])
        if (!defined) undefinedUses.push(token)
      }
    })
    initials.push(...sentenceInitials(tokens, true))
    previousInitials = sentenceInitials(tokens, false)
  }
  return undefinedUses

  function definedBefore(key: string, previous: readonly string[]): boolean {
    const letters = key.replace(/[^\p{L}]/gu, '').toLowerCase()
    return letters.length >= 2 && previous.some((run) => run.includes(letters))
  }
}

/**
 * Words in capitals that are no acronym a reader needs spelled out: units after a number ("693 KB"), a state's
 * code after a place ("Chester County, PA"), an everyday word in capitals ("SECTION 2. PURPOSE"), a Roman numeral
 * ("Title III").
 */
function needsNoDefinition(tokens: readonly Token[], index: number, key: string): boolean {
  const token = tokens[index] as Token
  const before = tokens[index - 1]
  if (units.has(key.toUpperCase()) && (before?.kind !== 'word' || /\d$/.test(before.text))) return true
  if (places.has(key) && before?.text === ',' && /^\p{Lu}/u.test(tokens[index - 2]?.text ?? '')) return true
  if (key.length >= 4 && /^\p{Lu}+$/u.test(token.text) && commonWords(EVERYDAY_WORDS).has(token.lower)) return true
  return romanNumeral.test(key)
}

/** "(ABBR)" after its full name, "(ABBR/ABBR)", or "ABBR (Full Name)". */
function parenthesised(tokens: readonly Token[], index: number): boolean {
  let first = index
  while (tokens[first - 1]?.text === '/' && acronymKey(tokens[first - 2]?.text ?? '')) first -= 2
  let last = index
  while (tokens[last + 1]?.text === '/' && acronymKey(tokens[last + 2]?.text ?? '')) last += 2
  const before = tokens[first - 1]?.text
  const after = tokens[last + 1]?.text
  if (before === '(' && after === ')') return true
  return after === '(' && tokens.slice(last + 2).some((token) => token.text === ')')
}

function isShouted(tokens: readonly Token[], index: number): boolean {
  const caps = (token: Token | undefined) => token?.kind === 'word' && /\p{Lu}/u.test(token.text) && !/\p{Ll}/u.test(token.text)
  let first = index
  while (caps(tokens[first - 1])) first--
  let last = index
  while (caps(tokens[last + 1])) last++
  return last - first + 1 >= SHOUTED_RUN
}

/**
 * The initials of a sentence's word runs between punctuation, numbers left out, so that "the Syrian Democratic
 * Forces — a Kurdish alliance" holds "sdf" and "ka": once without the small words and once with them
 * ("Department of Transportation" is DT and DOT), each part of a hyphenated word counted ("Small-quantity": SQ).
 * Earlier sentences count only names in capitals; a lower-case full name counts in the acronym's own sentence or
 * the one before ("public service announcements … radio PSAs"), so that chance initials far away define nothing.
 */
function sentenceInitials(tokens: readonly Token[], capitalsOnly: boolean): string[] {
  const runs: string[] = ['']
  const withSmall: string[] = ['']
  for (const token of tokens) {
    if (token.kind !== 'word' && token.text !== '-') {
      runs.push('')
      withSmall.push('')
    } else if (capitalsOnly && token.kind === 'word' && !smallWords.has(token.lower) && !/^\p{Lu}/u.test(token.text)) {
      runs.push('')
      withSmall.push('')
    } else if (token.kind === 'word' && /^\p{L}/u.test(token.text) && acronymKey(token.text) === undefined) {
      const letters = token.lower
        .split('-')
        .filter(Boolean)
        .map((part) => part.charAt(0))
        .join('')
      withSmall[withSmall.length - 1] += letters
      if (!smallWords.has(token.lower)) runs[runs.length - 1] += letters
    }
  }
  return [...runs, ...withSmall].filter((run) => run.length >= 2)
}
