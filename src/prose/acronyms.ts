import lists from './data/acronyms.json' with {type: 'json'}
import type {SentenceInfo, Token} from './tokens.ts'

export const UNIVERSAL_ACRONYMS: readonly string[] = lists.universal
const smallWords = new Set(lists.smallWords)
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
  const undefinedUses: Token[] = []
  for (const sentence of sentences) {
    const tokens = sentence.tokens
    tokens.forEach((token, index) => {
      if (token.kind !== 'word') return
      const key = acronymKey(token.text)
      if (key && !seen.has(key) && !isShouted(tokens, index)) {
        seen.add(key)
        const defined = allowed.has(key) || parenthesised(tokens, index) || definedBefore(key, initials)
        if (!defined) undefinedUses.push(token)
      }
    })
    initials.push(...sentenceInitials(tokens))
  }
  return undefinedUses

  function definedBefore(key: string, previous: readonly string[]): boolean {
    const letters = key.replace(/[^\p{L}]/gu, '').toLowerCase()
    return letters.length >= 2 && previous.some((run) => run.includes(letters))
  }
}

/** "(ABBR)" after its full name, or "ABBR (Full Name)". */
function parenthesised(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1]?.text
  const after = tokens[index + 1]?.text
  if (before === '(' && after === ')') return true
  return after === '(' && tokens.slice(index + 2).some((token) => token.text === ')')
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
 * The initials of a sentence's word runs between punctuation, small words and numbers left out, so that
 * "the Syrian Democratic Forces — a Kurdish alliance" holds "sdf" and "ka".
 */
function sentenceInitials(tokens: readonly Token[]): string[] {
  const runs: string[] = ['']
  for (const token of tokens) {
    if (token.kind !== 'word') runs.push('')
    else if (!smallWords.has(token.lower) && /^\p{L}/u.test(token.text) && acronymKey(token.text) === undefined) {
      runs[runs.length - 1] += token.lower.charAt(0)
    }
  }
  return runs.filter((run) => run.length >= 2)
}
