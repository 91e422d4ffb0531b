import {commonWords} from './common-words.ts'
import {isEverydayWord} from './readability.ts'
import lists from './data/acronyms.json' with {type: 'json'}
import organizations from './data/organizations.json' with {type: 'json'}
import type {SentenceInfo, Token} from './tokens.ts'

export const UNIVERSAL_ACRONYMS: readonly string[] = lists.universal
const smallWords = new Set(lists.smallWords)
const units = new Set(lists.units)
const places = new Set(lists.places)
/** A word in capitals that is an everyday word ("SECTION", "DEFINITIONS") is emphasis or a heading's style, not an acronym. */
const EVERYDAY_WORDS = 20000
/**
 * A short everyday word in capitals ("TOP 10", "YOU", "CAN") is emphasis too. An everyday word in capitals is an
 * acronym after all when a capitalised word follows it in running text, where it starts a name ("TOP Health",
 * "the CARE Act"). Short acronyms are words more often, so the list is
 * stricter: Dale–Chall's familiar words for three letters (no names: "PAM" stays an acronym), a few function
 * words for two ("DO NOT"; "PA", "MA" stay state codes).
 */
const shortWords = new Set(lists.shortWords)
/** One letter over and over is a placeholder ("YYYY", "XXX"), not an acronym. */
const placeholder = /^(\p{Lu})\1{2,}$/u
const romanNumeral = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/
/** Capitals with digits or & inside (G7, AT&T), or capitals joined by dots (U.N.); an optional plural or possessive. */
const acronymPattern = /^((?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\d&]*[\p{Lu}\d])(?:['’]?s)?$/u
/** Three or more capitalised words in a row are shouting, not acronyms. */
const SHOUTED_RUN = 3

const keyOfAllowed = (word: string) => word.replace(/\./g, '').toUpperCase()
/** Universal acronyms, and firms and bodies most readers know by that name (compromise's lexicon: AOL, ING, FedEx). */
const knownNames: ReadonlySet<string> = new Set([...UNIVERSAL_ACRONYMS, ...organizations.names].map(keyOfAllowed))

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
  const allowed = allow.length === 0 ? knownNames : new Set([...knownNames, ...allow.map(keyOfAllowed)])
  const seen = new Set<string>()
  const initials: string[] = []
  let previousInitials: string[] = []
  let previousTokens: readonly Token[] = []
  const undefinedUses: Token[] = []
  for (const sentence of sentences) {
    const tokens = sentence.tokens
    tokens.forEach((token, index) => {
      if (token.kind !== 'word') return
      const key = acronymKey(token.text)
      if (key && !seen.has(key) && !isShouted(tokens, index) && !noAcronymHere(tokens, index, key, sentence.heading, previousTokens)) {
        seen.add(key)
        // A definition earlier in the article, or earlier in this sentence ("public service announcements … PSAs").
        const defined =
          allowed.has(key) ||
          parenthesised(tokens, index) ||
          definedBefore(key, [...initials, ...previousInitials, ...sentenceInitials(tokens.slice(0, index), false)]) ||
          spelledOutAfter(tokens, index, key)
        if (!defined) undefinedUses.push(token)
      }
    })
    for (const run of sentenceInitials(tokens, true)) initials.push(run)
    previousInitials = sentenceInitials(tokens, false)
    previousTokens = tokens
  }
  return undefinedUses

  function definedBefore(key: string, previous: readonly string[]): boolean {
    const letters = key.replace(/[^\p{L}]/gu, '').toLowerCase()
    return letters.length >= 2 && previous.some((run) => run.includes(letters))
  }
}

/**
 * Words in capitals that are no acronym a reader needs spelled out: units after a number ("693 KB"), a state's
 * code after a place ("Chester County, PA") or in a list of codes ("VA, DE and NH"), an everyday word in capitals
 * ("SECTION 2. PURPOSE", "the TOP 10"), a Roman numeral ("Title III"), a placeholder ("YYYY"), a file type after
 * its dot ("(.DOC template)").
 */
function noAcronymHere(tokens: readonly Token[], index: number, key: string, heading: boolean, earlier: readonly Token[]): boolean {
  const token = tokens[index] as Token
  const before = tokens[index - 1]
  if (units.has(key.toUpperCase()) && (before?.kind !== 'word' || /\d$/.test(before.text))) return true
  if (places.has(key) && before?.text === ',' && /^\p{Lu}/u.test(tokens[index - 2]?.text ?? '')) return true
  if (places.has(key) && (listedPlace(tokens, index, -1) || listedPlace(tokens, index, 1))) return true
  if (/^\p{Lu}+$/u.test(token.text)) {
    const next = tokens[index + 1]
    const startsName = !heading && next?.kind === 'word' && /^\p{Lu}\p{Ll}/u.test(next.text)
    const everyday = commonWords(EVERYDAY_WORDS)
    if (key.length >= 4 && !startsName && (everyday.has(token.lower) || (/s$/.test(token.lower) && everyday.has(token.lower.slice(0, -1))))) return true
    const short = key.length === 3 ? isEverydayWord(token.lower) : key.length === 2 && shortWords.has(token.lower)
    if (short && !startsName && before?.text !== '(') return true
  }
  if (placeholder.test(key)) return true
  if (fileType(token, before ?? earlier.at(-1), index >= 2 ? tokens[index - 2] : earlier.at(index - 2))) return true
  return romanNumeral.test(key)
}

/** ".DOC": a dot right before the word, and no word right before the dot (parse-english may end a sentence at it). */
function fileType(token: Token, dot: Token | undefined, beforeDot: Token | undefined): boolean {
  if (dot?.text !== '.' || dot.position.end.offset !== token.position.start.offset) return false
  return !(beforeDot?.kind === 'word' && beforeDot.position.end.offset === dot.position.start.offset)
}

/** Whether the word `step` away, across a comma or "and", is a state code too: "VA, DE, NJ, MA, and NH". */
function listedPlace(tokens: readonly Token[], index: number, step: -1 | 1): boolean {
  let at = index + step
  while (tokens[at] && (tokens[at]?.text === ',' || tokens[at]?.lower === 'and' || tokens[at]?.lower === 'or')) at += step
  return at !== index + step && places.has(tokens[at]?.text ?? '')
}

/** What may stand between an acronym and its full name when the name follows: "ABBR, or …", "ABBR — …", "ABBR: …". */
const leadsToName = new Set([',', 'or', '—', '–', '-', ':', 'stands', 'for', 'means', 'is', 'short'])
/** A lead-in needs one of these or a punctuation mark: "NASA is a space agency" spells nothing out. */
const signalsName = new Set(['or', 'stands', 'means', 'short'])

/**
 * "ABBR, or Full Name", "ABBR — Full Name", or the parts of a list after it that spell it item by item ("the SMAC
 * stack: social, mobile, analytics and cloud"). At most one word (the thing it names) before the lead-in.
 */
function spelledOutAfter(tokens: readonly Token[], index: number, key: string): boolean {
  const letters = key.replace(/[^\p{L}]/gu, '').toLowerCase()
  if (letters.length < 2) return false
  let at = index + 1
  if (tokens[at]?.kind === 'word' && !leadsToName.has(tokens[at]?.lower ?? '')) at++
  const start = at
  while (tokens[at] && (tokens[at]?.kind !== 'word' || leadsToName.has(tokens[at]?.lower ?? ''))) {
    if (tokens[at]?.text === '.' || tokens[at]?.text === '(') return false
    at++
  }
  if (!tokens.slice(start, at).some((token) => token.kind === 'punctuation' || signalsName.has(token.lower))) return false
  const rest = tokens.slice(at, at + 4 * letters.length)
  const words = sentenceInitials(rest, false)[0] ?? ''
  return words.startsWith(letters) || itemInitials(rest).startsWith(letters)
}

/** The first letter of each item of a list, small words left out: "social tools, mobile apps, and the cloud" → "smc". */
function itemInitials(tokens: readonly Token[]): string {
  let out = ''
  let fresh = true
  for (const token of tokens) {
    if (token.text === ',' || token.lower === 'and' || token.lower === 'or') fresh = true
    else if (token.kind === 'word' && fresh && !smallWords.has(token.lower) && /^\p{L}/u.test(token.text)) {
      out += token.lower.charAt(0)
      fresh = false
    } else if (token.kind !== 'word' && token.text !== '-') break
  }
  return out
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
    } else if (token.kind === 'word' && /^(?:\p{Lu}\.){2,}$/u.test(token.text)) {
      // "U.S. Patent and Trademark Office" spells USPTO: dotted initials are letters of the name.
      const letters = token.text.replace(/\./g, '').toLowerCase()
      withSmall[withSmall.length - 1] += letters
      runs[runs.length - 1] += letters
    } else if (token.kind === 'word' && /^\p{Lu}\p{Ll}+\p{Lu}/u.test(token.text) && acronymKey(token.text) === undefined) {
      // "JavaScript" spells JS, "PowerPoint" PP: the capitals of a word in camel case are its initials.
      const letters = (token.text.match(/\p{Lu}/gu) ?? []).join('').toLowerCase()
      withSmall[withSmall.length - 1] += letters
      runs[runs.length - 1] += letters
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
