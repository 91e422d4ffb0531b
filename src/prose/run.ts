import type {Root} from 'nlcst'
import type {Position} from 'unist'
import type {VFileMessage} from 'vfile-message'
import type {DraftFinding} from '../report/finding.ts'
import type {Jargon, PassiveVoice, Readability} from '../report/schema.ts'
import {findingsFor, quote} from '../rules.ts'
import type {Settings} from '../settings.ts'
import {checkAcronyms} from './acronyms.ts'
import {checkHardSentences, checkReadingLevel} from './hard-sentences.ts'
import {checkTerms, findTerms, plainLanguageRule} from './jargon.ts'
import {describePassive, findPassives, isPredicateAdjective, passiveRule, type PassivePhrase} from './passive.ts'
import {measureReadability, scoreSentence} from './readability.ts'
import {checkStyle, expectedOf, placeOf, runRetext, userPluginFindings} from './style.ts'
import {readSentences, type SentenceInfo} from './tokens.ts'
import {checkUncommonWords, findUncommonWords} from './uncommon.ts'

export interface ProseResult {
  readonly findings: DraftFinding[]
  readonly readability: Readability
  readonly passiveVoice: PassiveVoice
  readonly jargon: Jargon
  /** The sentences, for checks of other stages that read prose. */
  readonly sentences: readonly SentenceInfo[]
}

/** Every prose check over one nlcst tree; the sentences are read once and shared. */
export async function checkProse(tree: Root, source: string, settings: Settings): Promise<ProseResult> {
  const sentences = readSentences(tree)
  const prose = sentences.filter((sentence) => !sentence.heading)
  const scores = prose.map(scoreSentence)
  const readability = measureReadability(prose, scores, settings.targetGrade)
  const messages = await runRetext(tree, source, settings)

  const passives = sentences.flatMap(findPassives)
  const passiveFindings = [...passiveVoiceFindings(passives, settings, source), ...retextPassiveLeft(messages.builtIn, passives, settings, source)]

  const simplify = messages.builtIn.filter((message) => message.source === 'retext-simplify')
  const simplified = simplify.flatMap((message) => placeOf(message) ?? [])
  const terms = findTerms(sentences, settings)
  const termFindings = [...simplifyFindings(simplify, settings, source), ...checkTerms(terms, settings, source, (position) => overlapsAny(position, simplified))]

  const reported = [...simplified, ...terms.map((term) => term.position)]
  const uncommon = findUncommonWords(prose, settings, (position) => overlapsAny(position, reported))

  const findings = [
    ...checkReadingLevel(readability, settings, source),
    ...checkHardSentences(scores, settings.targetGrade, settings, source),
    ...passiveFindings,
    ...termFindings,
    ...checkAcronyms(sentences, settings, source),
    ...checkUncommonWords(uncommon, settings, source),
    ...checkStyle(messages.builtIn, sentences, settings, source),
    ...userPluginFindings(messages.user, source)
  ]
  const passiveSentences = new Set(passives.map((found) => found.sentence).filter((sentence) => !sentence.heading)).size
  const byKind: Record<string, number> = {}
  for (const finding of findings) if (finding.category === 'jargon') byKind[finding.ruleId] = (byKind[finding.ruleId] ?? 0) + 1
  return {
    findings,
    readability,
    passiveVoice: {sentences: prose.length, passiveSentences, percent: percent(passiveSentences, prose.length)},
    jargon: {byKind, uncommonWords: uncommon.uncommon.length, uncommonWordPercent: percent(uncommon.uncommon.length, uncommon.words)},
    sentences
  }
}

function passiveVoiceFindings(passives: readonly PassivePhrase[], settings: Settings, source: string): DraftFinding[] {
  return findingsFor(
    passiveRule,
    settings,
    source,
    passives.map((found) => ({position: found.position, ...describePassive(found)}))
  )
}

/** retext-passive's own findings that faircopy's phrases do not already cover, less the adjectives it mistakes for participles. */
function retextPassiveLeft(messages: readonly VFileMessage[], passives: readonly PassivePhrase[], settings: Settings, source: string): DraftFinding[] {
  const covered = passives.map((found) => found.position)
  const left = messages.filter((message) => message.source === 'retext-passive').flatMap((message) => placeOf(message) ?? [])
  return findingsFor(
    passiveRule,
    settings,
    source,
    left
      .filter((position) => !overlapsAny(position, covered) && !isPredicateAdjective(source.slice(position.start.offset, position.end.offset)))
      .map((position) => ({position, source: 'retext-passive', message: `${quote(source.slice(position.start.offset, position.end.offset))} may be passive voice: say who did it.`}))
  )
}

function simplifyFindings(messages: readonly VFileMessage[], settings: Settings, source: string): DraftFinding[] {
  return findingsFor(
    plainLanguageRule,
    settings,
    source,
    messages.flatMap((message) => {
      const position = placeOf(message)
      if (!position) return []
      const expected = expectedOf(message)
      const actual = message.actual ?? source.slice(position.start.offset, position.end.offset)
      return [
        {
          position,
          source: 'retext-simplify',
          suggestions: expected,
          message: expected.length > 0 ? `Use ${expected.map(quote).join(' or ')} instead of ${quote(actual)}.` : `Consider leaving out ${quote(actual)}.`
        }
      ]
    })
  )
}

/**
 * Whether a range overlaps any of `others`. The ranges are indexed once (sorted by start, with the furthest end
 * so far), so each question is a binary search: a long article asks it for every word.
 */
function overlapsAny(position: Position, others: readonly Position[]): boolean {
  return rangeIndex(others).overlaps(position.start.offset ?? 0, position.end.offset ?? 0)
}

interface RangeIndex {
  overlaps(start: number, end: number): boolean
}

const indexes = new WeakMap<readonly Position[], RangeIndex>()

function rangeIndex(ranges: readonly Position[]): RangeIndex {
  const known = indexes.get(ranges)
  if (known) return known
  const sorted = ranges.map((range) => [range.start.offset ?? 0, range.end.offset ?? 0] as const).sort((a, b) => a[0] - b[0])
  const starts = sorted.map(([start]) => start)
  const furthest: number[] = []
  for (const [, end] of sorted) furthest.push(Math.max(end, furthest.at(-1) ?? -Infinity))
  const index: RangeIndex = {
    overlaps(start, end) {
      // The ranges that start before `end`: the last of them is found by binary search.
      let low = 0
      let high = starts.length
      while (low < high) {
        const middle = (low + high) >> 1
        if ((starts[middle] as number) < end) low = middle + 1
        else high = middle
      }
      return low > 0 && (furthest[low - 1] as number) > start
    }
  }
  indexes.set(ranges, index)
  return index
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10
}

