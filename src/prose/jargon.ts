import {shared} from '../rules.ts'
import type {JargonDomain, Settings} from '../settings.ts'
import business from './data/jargon/business.json' with {type: 'json'}
import government from './data/jargon/government.json' with {type: 'json'}
import legal from './data/jargon/legal.json' with {type: 'json'}
import medical from './data/jargon/medical.json' with {type: 'json'}
import military from './data/jargon/military.json' with {type: 'json'}
import tech from './data/jargon/tech.json' with {type: 'json'}
import plainWords from './data/plain-words.json' with {type: 'json'}
import {TermMatcher, type TermEntry, type TermMatch} from './terms.ts'
import {RangeIndex} from './ranges.ts'
import {placeOf, simplifyMessages} from './retext.ts'

interface DomainFile {
  readonly domain: string
  readonly entries: ReadonlyArray<{readonly term: string; readonly replace: readonly string[]}>
}

const domainFiles: Readonly<Record<JargonDomain, DomainFile>> = {business, government, military, legal, tech, medical}
const plainEntries: TermEntry[] = plainWords.entries.map((entry) => ({term: entry.term, replace: entry.replace, kind: 'plain'}))
const matchers = new Map<string, TermMatcher>()

/** One matcher per combination of domains and user terms, built once. */
function matcherFor(settings: Settings): TermMatcher {
  const key = JSON.stringify([settings.jargon.domains, settings.jargon.terms])
  let matcher = matchers.get(key)
  if (!matcher) {
    const domainEntries = settings.jargon.domains.flatMap((domain) =>
      domainFiles[domain].entries.map((entry): TermEntry => ({term: entry.term, replace: entry.replace, kind: domain}))
    )
    const custom = Object.entries(settings.jargon.terms).map(([term, replace]): TermEntry => ({term, replace, kind: 'custom'}))
    matcher = new TermMatcher([...custom, ...domainEntries, ...plainEntries])
    matchers.set(key, matcher)
  }
  return matcher
}

/** Every term of the jargon lists, the plainer-word list and the user's own in the article, less the allowed ones. */
export const termMatches = shared('term-matches', (audit): readonly TermMatch[] => {
  const matcher = matcherFor(audit.settings)
  return audit.sentences.flatMap((sentence) => matcher.match(sentence)).filter((match) => !audit.settings.jargon.allow.has(match.text.toLowerCase()))
})

/**
 * The words the jargon lists and retext-simplify match, whether or not plain-language and jargon are on: a word
 * they speak for is never also an uncommon word.
 */
export const jargonRanges = shared('jargon-ranges', async (audit) => {
  const simplified = (await audit.get(simplifyMessages)).flatMap((message) => placeOf(message) ?? [])
  return new RangeIndex([...simplified, ...audit.get(termMatches).map((match) => match.position)])
})
