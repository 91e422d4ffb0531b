import type {Position} from 'unist'
import type {DraftFinding} from '../report/finding.ts'
import {findingsFor, quote, type RuleMeta} from '../rules.ts'
import type {JargonDomain, Settings} from '../settings.ts'
import business from './data/jargon/business.json' with {type: 'json'}
import government from './data/jargon/government.json' with {type: 'json'}
import legal from './data/jargon/legal.json' with {type: 'json'}
import medical from './data/jargon/medical.json' with {type: 'json'}
import military from './data/jargon/military.json' with {type: 'json'}
import tech from './data/jargon/tech.json' with {type: 'json'}
import plainWords from './data/plain-words.json' with {type: 'json'}
import {TermMatcher, type TermEntry, type TermMatch} from './terms.ts'
import type {SentenceInfo} from './tokens.ts'

export const plainLanguageRule: RuleMeta = {
  id: 'plain-language',
  category: 'jargon',
  defaultSeverity: 'info',
  wcag: ['3.1.3'],
  description: 'A wordy word or phrase has a plainer alternative.',
  helpUrl: 'https://github.com/retextjs/retext-simplify#readme'
}

export const jargonRule: RuleMeta = {
  id: 'jargon',
  category: 'jargon',
  defaultSeverity: 'warning',
  wcag: ['3.1.3'],
  description: 'A buzzword or a term of a trade that general readers may not know.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/unusual-words.html'
}

interface DomainFile {
  readonly domain: string
  readonly entries: ReadonlyArray<{readonly term: string; readonly replace: readonly string[]}>
}

const domainFiles: Readonly<Record<JargonDomain, DomainFile>> = {business, government, military, legal, tech, medical}
const plainEntries: TermEntry[] = plainWords.entries.map((entry) => ({term: entry.term, replace: entry.replace, kind: 'plain'}))
const matchers = new Map<string, TermMatcher>()

/** One matcher per combination of domains and user terms, built once. */
function matcherFor(settings: Settings): TermMatcher {
  const key = JSON.stringify([settings.jargonDomains, settings.jargonTerms])
  let matcher = matchers.get(key)
  if (!matcher) {
    const domainEntries = settings.jargonDomains.flatMap((domain) =>
      domainFiles[domain].entries.map((entry): TermEntry => ({term: entry.term, replace: entry.replace, kind: domain}))
    )
    const custom = Object.entries(settings.jargonTerms).map(([term, replace]): TermEntry => ({term, replace, kind: 'custom'}))
    matcher = new TermMatcher([...custom, ...domainEntries, ...plainEntries])
    matchers.set(key, matcher)
  }
  return matcher
}

export function findTerms(sentences: readonly SentenceInfo[], settings: Settings): TermMatch[] {
  const matcher = matcherFor(settings)
  return sentences.flatMap((sentence) => matcher.match(sentence)).filter((match) => !settings.jargonAllow.has(match.text.toLowerCase()))
}

/** Plainer words for wordy phrases, and domain jargon: a plainer word where one exists, else "explain it" once. */
export function checkTerms(matches: readonly TermMatch[], settings: Settings, source: string, taken: (position: Position) => boolean): DraftFinding[] {
  const plain = matches.filter((match) => match.entry.kind === 'plain' && !taken(match.position))
  const explained = new Set<string>()
  const jargon = matches.filter((match) => {
    if (match.entry.kind === 'plain') return false
    if (match.entry.replace.length > 0) return true
    const key = match.entry.term.toLowerCase()
    return !explained.has(key) && explained.add(key)
  })
  return [
    ...findingsFor(
      plainLanguageRule,
      settings,
      source,
      plain.map((match) => ({
        position: match.position,
        message: `Use ${match.entry.replace.map(quote).join(' or ')} instead of ${quote(match.text)}.`,
        suggestions: match.entry.replace
      }))
    ),
    ...findingsFor(
      jargonRule,
      settings,
      source,
      jargon.map((match) => {
        const trade = match.entry.kind === 'custom' ? 'jargon' : `${match.entry.kind} jargon`
        return {
          position: match.position,
          message:
            match.entry.replace.length > 0
              ? `${quote(match.text)} is ${trade}: try ${match.entry.replace.map(quote).join(' or ')}.`
              : `${quote(match.text)} is ${trade}: explain it the first time you use it.`,
          suggestions: match.entry.replace
        }
      })
    )
  ]
}
