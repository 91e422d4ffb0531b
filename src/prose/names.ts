import type {Position} from 'unist'
import {shared} from '../rules.ts'
import setTerms from './data/set-terms.json' with {type: 'json'}
import {RangeIndex} from './ranges.ts'
import {TermMatcher} from './terms.ts'
import {span, type SentenceInfo, type Token} from './tokens.ts'

/** Small words a name or title keeps in lower case: "Request for Proposals", "Department of the Interior". */
const nameJoiners = new Set(['of', 'for', 'to', 'the', 'and', 'on', 'in', 'at', 'a', 'an', '&', 'de', 'la', 'du', 'van', 'von'])

const setTermMatcher = new TermMatcher(setTerms.terms.map((term) => ({term, replace: [], kind: 'set-term'})))

const capitalised = (token: Token | undefined) => token?.kind === 'word' && /^\p{Lu}/u.test(token.text)

/**
 * Multi-word proper names and titles in a sentence: runs of capitalised words, joined by the small words titles
 * keep in lower case, with at least two capitalised words besides the sentence's first ("Human Capital Officer",
 * "the Authority to Operate").
 * A heading's words are title case by style, so a heading counts only where a run is shorter than the heading.
 */
export function nameRuns(sentence: SentenceInfo): Position[] {
  const runs: Position[] = []
  const tokens = sentence.tokens.filter((token) => token.kind !== 'punctuation' || token.text === '&')
  for (let index = 0; index < tokens.length; index++) {
    if (!capitalised(tokens[index])) continue
    // "Ask the Department of the Interior": a first word starts a run only when a capital follows it directly.
    if (index === 0 && !capitalised(tokens[1])) continue
    let end = index
    // A sentence's first word is capitalised by rule, not as a name: it joins a run but does not make one.
    let capitals = index === 0 ? 0 : 1
    for (let cursor = index + 1; cursor < tokens.length; cursor++) {
      const token = tokens[cursor] as Token
      if (capitalised(token)) {
        end = cursor
        capitals++
      } else if (!nameJoiners.has(token.lower) || !capitalised(tokens.slice(cursor + 1).find((next) => !nameJoiners.has(next.lower)))) {
        break
      }
    }
    const wholeHeading = sentence.heading && index === 0 && end === tokens.length - 1
    if (capitals >= 2 && !wholeHeading) runs.push(span(tokens[index] as Token, tokens[end] as Token))
    index = end
  }
  return runs
}

/** Where the article's names, titles and fixed compounds stand: no word of them is jargon, wordy or uncommon. */
export const namedRanges = shared('named-ranges', (audit) => {
  const ranges: Position[] = []
  for (const sentence of audit.sentences) {
    for (const run of nameRuns(sentence)) ranges.push(run)
    for (const match of setTermMatcher.match(sentence)) ranges.push(match.position)
  }
  return new RangeIndex(ranges)
})
