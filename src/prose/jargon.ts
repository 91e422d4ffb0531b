import {shared, type AuditContext} from '../rules.ts'
import type {JargonDomain, Settings} from '../settings.ts'
import business from './data/jargon/business.json' with {type: 'json'}
import government from './data/jargon/government.json' with {type: 'json'}
import legal from './data/jargon/legal.json' with {type: 'json'}
import medical from './data/jargon/medical.json' with {type: 'json'}
import military from './data/jargon/military.json' with {type: 'json'}
import tech from './data/jargon/tech.json' with {type: 'json'}
import plainWords from './data/plain-words.json' with {type: 'json'}
import senses from './data/senses.json' with {type: 'json'}
import {namedRanges} from './names.ts'
import {emphasisedWords, quotations} from './quotations.ts'
import {RangeIndex} from './ranges.ts'
import {simplifyPatterns} from './simplify-patterns.ts'
import {tagSentence, type SentenceTags} from './tagger.ts'
import {TermMatcher, type TermEntry, type TermMatch} from './terms.ts'
import type {SentenceInfo, Token} from './tokens.ts'

interface DomainFile {
  readonly domain: string
  readonly entries: ReadonlyArray<{readonly term: string; readonly replace: readonly string[]}>
}

interface Sense {
  readonly pos?: readonly string[]
  readonly next?: readonly string[]
  readonly then?: readonly string[]
  readonly off?: readonly string[]
  readonly never?: boolean
  readonly notAfter?: readonly string[]
  readonly notNext?: readonly string[]
  readonly notAhead?: readonly string[]
}

/** How far ahead `notAhead` looks: "provided us with", "provides all students with". */
const NOT_AHEAD_WORDS = 3

/** How far back `notAfter` looks: "so designed and arranged as to", "in such a manner as to". */
const NOT_AFTER_WORDS = 4

/** Words after which an -s form is a plural noun, never a verb: "to benefits", "the benefits", "long-term benefits". */
const nounMarkers = ['Determiner', 'Adjective', 'Possessive', 'Preposition', 'Value']

const domainFiles: Readonly<Record<JargonDomain, DomainFile>> = {business, government, military, legal, tech, medical}
const plainEntries: TermEntry[] = plainWords.entries.map((entry) => ({term: entry.term, replace: entry.replace, kind: 'plain'}))
const senseOf = new Map<string, Sense>(senses.entries.map((entry) => [entry.term, entry]))
const matchers = new Map<string, Promise<TermMatcher>>()

/** One matcher per combination of domains and user terms, built once: the user's, the domains', retext-simplify's, faircopy's. */
function matcherFor(settings: Settings): Promise<TermMatcher> {
  const key = JSON.stringify([settings.jargon.domains, settings.jargon.terms])
  let matcher = matchers.get(key)
  if (!matcher) {
    matcher = simplifyPatterns().then((patterns) => {
      const domainEntries = settings.jargon.domains.flatMap((domain) =>
        domainFiles[domain].entries.map((entry): TermEntry => ({term: entry.term, replace: entry.replace, kind: domain}))
      )
      const custom = Object.entries(settings.jargon.terms).map(([term, replace]): TermEntry => ({term, replace, kind: 'custom'}))
      const simplify = Object.entries(patterns).map(([term, pattern]): TermEntry => ({term, replace: pattern.replace, kind: 'simplify'}))
      return new TermMatcher([...custom, ...domainEntries, ...simplify, ...plainEntries])
    })
    matchers.set(key, matcher)
  }
  return matcher
}

/**
 * Whether a term at this place is meant in the sense its list speaks of: not inside a name, a title or a fixed
 * compound, not in a preset the term is off for, and of the part of speech (and before the words) its sense
 * entry asks for, as compromise tags the sentence.
 */
async function inSense(audit: AuditContext, term: string, sentence: SentenceInfo, index: number, length: number): Promise<boolean> {
  const first = sentence.tokens[index] as Token
  const last = sentence.tokens[index + length - 1] as Token
  const place = {start: first.position.start, end: last.position.end}
  if (audit.get(namedRanges).overlaps(place) || audit.get(quotations).overlaps(place) || audit.get(emphasisedWords).overlaps(place) || isMention(sentence.tokens, index, length)) return false
  const sense = senseOf.get(term.toLowerCase())
  if (!sense) return true
  if (sense.never || sense.off?.includes(audit.settings.preset)) return false
  if (sense.notAfter && wordsBefore(sentence.tokens, index, NOT_AFTER_WORDS).some((word) => sense.notAfter?.includes(word))) return false
  const ahead = wordsAfter(sentence.tokens, index + length, NOT_AHEAD_WORDS)
  if (sense.notNext?.includes(ahead[0] ?? '') || ahead.some((word) => sense.notAhead?.includes(word))) return false
  if (!sense.pos && !sense.next) return true
  const tags = await tagSentence(sentence)
  if (sense.pos && !sense.pos.some((tag) => tagOf(sentence.tokens, tags, index).has(tag))) return false
  if (sense.next) {
    const after = nextWord(sentence.tokens, index + length)
    if (after < 0 || !sense.next.some((tag) => tags[after]?.has(tag))) return false
    if (sense.then && !sense.then.includes(sentence.tokens[nextWord(sentence.tokens, after + 1)]?.lower ?? '')) return false
  }
  return true
}

/** The lower-case words just before a token, nearest last, up to `count`. */
function wordsBefore(tokens: readonly Token[], index: number, count: number): string[] {
  return tokens
    .slice(0, index)
    .filter((token) => token.kind === 'word')
    .slice(-count)
    .map((token) => token.lower)
}

/** The lower-case words just after a token, nearest first, up to `count`, within the sentence's clause (no punctuation between). */
function wordsAfter(tokens: readonly Token[], from: number, count: number): string[] {
  const words: string[] = []
  for (const token of tokens.slice(from)) {
    if (token.kind !== 'word' || words.length === count) break
    words.push(token.lower)
  }
  return words
}

function nextWord(tokens: readonly Token[], from: number): number {
  return tokens.findIndex((token, at) => at >= from && token.kind === 'word')
}

/** A token's tags, with one correction: an -s form after a determiner, adjective, preposition or number is a noun. */
function tagOf(tokens: readonly Token[], tags: SentenceTags, index: number): ReadonlySet<string> {
  const own = tags[index] ?? new Set<string>()
  const before = tokens[index - 1]
  if (own.has('Verb') && /s$/.test(tokens[index]?.lower ?? '') && before?.kind === 'word' && (before.lower === 'to' || nounMarkers.some((tag) => tags[index - 1]?.has(tag)))) return new Set(['Noun', 'Plural'])
  return own
}

const quotes = new Set(['"', '“', '”', "'", '‘', '’'])
const separators = new Set([',', '|', ';', '/'])

/**
 * Whether a term is mentioned rather than used: quoted on its own ('Dropping "shall"'), the whole of its sentence
 * or cell ("utilize" in a table of words), the label a sentence defines ("Deliverable: …"), or an item of a list
 * of words ("unless, fail to, notwithstanding, except").
 */
function isMention(tokens: readonly Token[], index: number, length: number): boolean {
  const before = tokens[index - 1]
  const after = tokens[index + length]
  if (before && after && quotes.has(before.text) && quotes.has(after.text)) return true
  const words = tokens.filter((token) => token.kind === 'word').length
  if (words === length) return true
  // A label the sentence defines: "Deliverable: a report, a list or a map".
  if (tokens.slice(0, index).every((token) => token.kind !== 'word') && after?.text === ':') return true
  // The list items around the term: each a word or two between separators, four or more in a row
  // (a list of things in running prose, "food, shelter and assistance", is shorter or has longer items).
  const items: number[] = [0]
  let termItem = -1
  tokens.forEach((token, at) => {
    if (separators.has(token.text)) items.push(0)
    else if (token.kind === 'word') items[items.length - 1] = (items.at(-1) as number) + 1
    if (at === index) termItem = items.length - 1
  })
  const shortItem = (item: number | undefined) => item !== undefined && item > 0 && item <= 2
  if (termItem < 0 || (items[termItem] as number) > length + 1) return false
  let run = 1
  for (let at = termItem - 1; at >= 0 && shortItem(items[at]); at--) run++
  for (let at = termItem + 1; at < items.length && shortItem(items[at]); at++) run++
  return run >= 4
}

/** Every term of the jargon lists, the plainer-word lists and the user's own in the article, in their sense, less the allowed ones. */
export const termMatches = shared('term-matches', async (audit): Promise<readonly TermMatch[]> => {
  const matcher = await matcherFor(audit.settings)
  const kept: TermMatch[] = []
  for (const sentence of audit.sentences) {
    for (const match of matcher.match(sentence)) {
      if (audit.settings.jargon.allow.has(match.text.toLowerCase())) continue
      if (await inSense(audit, match.entry.term, sentence, match.index, match.length)) kept.push(match)
    }
  }
  return kept
})

/**
 * The words the jargon lists and retext-simplify match in their sense, whether or not plain-language and jargon
 * are on, and the names and fixed compounds: a word they speak for is never also an uncommon word.
 */
export const jargonRanges = shared('jargon-ranges', async (audit) => new RangeIndex((await audit.get(termMatches)).map((match) => match.position)))

