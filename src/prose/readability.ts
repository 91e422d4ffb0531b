import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {fleschKincaid} from 'flesch-kincaid'
import {gunningFog} from 'gunning-fog'
import type {Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import {visit} from 'unist-util-visit'
import {toLocation} from '../report/finding.ts'
import {shared} from '../rules.ts'
import type {Readability} from '../report/schema.ts'
import type {Position} from 'unist'
import {stems} from './stems.ts'
import type {SentenceInfo} from './tokens.ts'

/** Average silent reading speed of adults for non-fiction (Brysbaert, 2019). */
const WORDS_PER_MINUTE = 238
const familiarDaleChall = new Set(daleChall)
const familiarSpache = new Set(spache)

/** Token counts that the readability formulas take (wooorm's spelling of the keys). */
export type ReadabilityCounts = {
  sentence: number
  word: number
  syllable: number
  letter: number
  character: number
  polysillabicWord: number
  complexPolysillabicWord: number
  difficultWord: number
  unfamiliarWord: number
}

/** Words of a sentence as written, without surrounding punctuation. */
export function sentenceWords(sentence: Sentence): string[] {
  const words: string[] = []
  visit(sentence, 'WordNode', (node) => {
    const word = toString(node)
    if (/[\p{L}\p{N}]/u.test(word)) words.push(word)
  })
  return words
}

interface WordFacts {
  readonly syllables: number
  readonly letters: number
  readonly characters: number
  /** Three syllables or more, and still three without -es, -ed or -ing (capitals are judged per use). */
  readonly longStem: boolean
  readonly difficult: boolean
  readonly unfamiliar: boolean
}

/** What each distinct word costs to count, worked out once per thread: articles repeat most of their words. */
const wordFacts = new Map<string, WordFacts>()
/** A bound on the memo, so that a stream of made-up words cannot grow it without end. */
const MAX_REMEMBERED_WORDS = 100_000

function factsOf(word: string): WordFacts {
  const known = wordFacts.get(word)
  if (known) return known
  const syllables = syllable(word)
  const number = isNumber(word)
  const stem = word.replace(/(?:es|ed|ing)$/i, '')
  const facts: WordFacts = {
    syllables,
    letters: (word.match(/\p{L}/gu) ?? []).length,
    characters: (word.match(/[\p{L}\p{N}]/gu) ?? []).length,
    longStem: syllables >= 3 && !word.includes('-') && (stem === word || syllable(stem) >= 3),
    difficult: !number && !isFamiliar(word, familiarDaleChall),
    unfamiliar: !number && !isFamiliar(word, familiarSpache)
  }
  if (wordFacts.size >= MAX_REMEMBERED_WORDS) wordFacts.clear()
  wordFacts.set(word, facts)
  return facts
}

interface SentenceCounts {
  readonly counts: ReadabilityCounts
  readonly unfamiliar: ReadonlySet<string>
}

/** Each sentence is counted once; the document and its paragraphs add up their sentences' counts. */
const sentenceCounts = new WeakMap<Sentence, SentenceCounts>()

function countSentence(sentence: Sentence): SentenceCounts {
  const known = sentenceCounts.get(sentence)
  if (known) return known
  const counts: ReadabilityCounts = {sentence: 1, word: 0, syllable: 0, letter: 0, character: 0, polysillabicWord: 0, complexPolysillabicWord: 0, difficultWord: 0, unfamiliarWord: 0}
  const unfamiliar = new Set<string>()
  sentenceWords(sentence).forEach((word, index) => {
    const facts = factsOf(word)
    counts.word++
    counts.syllable += facts.syllables
    counts.letter += facts.letters
    counts.character += facts.characters
    if (facts.syllables >= 3) {
      counts.polysillabicWord++
      // Gunning's complex words leave out proper nouns: a capital inside the sentence.
      if (facts.longStem && !(index > 0 && /^\p{Lu}/u.test(word))) counts.complexPolysillabicWord++
    }
    if (facts.difficult) counts.difficultWord++
    // Spache counts each unfamiliar word once.
    if (facts.unfamiliar) unfamiliar.add(word.toLowerCase())
  })
  counts.unfamiliarWord = unfamiliar.size
  const result = {counts, unfamiliar}
  sentenceCounts.set(sentence, result)
  return result
}

/** Counts tokens the way the formulas' authors define them: every occurrence counts, never only unique words. */
export function countSentences(sentences: readonly Sentence[]): ReadabilityCounts {
  const counts: ReadabilityCounts = {
    sentence: sentences.length,
    word: 0,
    syllable: 0,
    letter: 0,
    character: 0,
    polysillabicWord: 0,
    complexPolysillabicWord: 0,
    difficultWord: 0,
    unfamiliarWord: 0
  }
  const unfamiliar = new Set<string>()
  for (const sentence of sentences) {
    const own = countSentence(sentence)
    counts.word += own.counts.word
    counts.syllable += own.counts.syllable
    counts.letter += own.counts.letter
    counts.character += own.counts.character
    counts.polysillabicWord += own.counts.polysillabicWord
    counts.complexPolysillabicWord += own.counts.complexPolysillabicWord
    counts.difficultWord += own.counts.difficultWord
    for (const word of own.unfamiliar) unfamiliar.add(word)
  }
  counts.unfamiliarWord = unfamiliar.size
  return counts
}

function isNumber(word: string): boolean {
  return !/\p{L}/u.test(word)
}

/** Whether a word is one of the Dale–Chall list's 3,000 familiar words (or a regular form of one). */
export function isEverydayWord(word: string): boolean {
  return isFamiliar(word, familiarDaleChall)
}

/** A word is familiar if it, or its stem without a regular ending (hummed → hum, cities → city), is on the list. */
function isFamiliar(word: string, list: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase().replace(/[’']s$/, '')
  return stems(lower).some((stem) => list.has(stem))
}

export function scoreCounts(counts: ReadabilityCounts): Readability['scores'] {
  if (counts.word === 0 || counts.sentence === 0) {
    return {fleschReadingEase: 0, fleschKincaidGrade: 0, gunningFog: 0, smog: 0, colemanLiau: 0, automatedReadability: 0, daleChall: 0, spache: 0}
  }
  return {
    fleschReadingEase: round(flesch(counts)),
    fleschKincaidGrade: round(fleschKincaid(counts)),
    gunningFog: round(gunningFog(counts)),
    smog: round(smogFormula(counts)),
    colemanLiau: round(colemanLiau(counts)),
    automatedReadability: round(automatedReadability(counts)),
    daleChall: round(daleChallFormula(counts)),
    spache: round(spacheFormula(counts))
  }
}

/**
 * The consensus US grade: the median of the six grade formulas (Spache is left out: it is meant for texts up to
 * grade 4). Dale–Chall's score maps to a band of grades; its middle counts, and 16 for its open top band.
 */
export function consensusGrade(scores: Readability['scores'], hasWords: boolean): number {
  if (!hasWords) return 0
  const [low, high] = daleChallGradeLevel(scores.daleChall) as [number, number]
  const daleGrade = Number.isFinite(high) ? (low + high) / 2 : low
  const grades = [scores.fleschKincaidGrade, scores.gunningFog, scores.smog, scores.colemanLiau, scores.automatedReadability, daleGrade]
  return round(median(grades))
}

/** A sentence's own numbers: words, long words (three syllables or more) and its consensus grade. */
export interface SentenceScore {
  readonly sentence: SentenceInfo
  readonly words: number
  readonly longWords: number
  readonly grade: number
}

export function scoreSentence(sentence: SentenceInfo): SentenceScore {
  const counts = countSentences([sentence.node])
  return {sentence, words: counts.word, longWords: counts.polysillabicWord, grade: consensusGrade(scoreCounts(counts), counts.word > 0)}
}

/** The readability part of the report, from the prose sentences (headings left out) and their scores. */
export function measureReadability(sentences: readonly SentenceInfo[], scores: readonly SentenceScore[], targetGrade: number): Readability {
  const counts = countSentences(sentences.map((sentence) => sentence.node))
  const documentScores = scoreCounts(counts)
  const paragraphs = [...new Set(sentences.map((sentence) => sentence.paragraph))]
  return {
    words: counts.word,
    sentences: counts.sentence,
    syllables: counts.syllable,
    paragraphs: paragraphs.length,
    averageWordsPerSentence: counts.sentence === 0 ? 0 : round(counts.word / counts.sentence),
    longestSentenceWords: Math.max(0, ...scores.map((score) => score.words)),
    readingTimeMinutes: Math.round((counts.word / WORDS_PER_MINUTE) * 10) / 10,
    scores: documentScores,
    gradeLevel: consensusGrade(documentScores, counts.word > 0),
    targetGrade,
    hardestSentences: [...scores]
      .sort((a, b) => b.grade - a.grade || b.words - a.words)
      .slice(0, HARDEST)
      .map((score) => ({location: toLocation(score.sentence.position), grade: score.grade, words: score.words, longWords: score.longWords})),
    paragraphGrades: paragraphs.map((paragraph) => {
      const members = sentences.filter((sentence) => sentence.paragraph === paragraph)
      const paragraphCounts = countSentences(members.map((sentence) => sentence.node))
      return {
        location: toLocation(spanOf(members)),
        grade: consensusGrade(scoreCounts(paragraphCounts), paragraphCounts.word > 0),
        words: paragraphCounts.word
      }
    })
  }
}

/** The sentences readability counts: every sentence with a word, outside headings. */
export const proseSentences = shared('prose-sentences', (audit) => audit.sentences.filter((sentence) => !sentence.heading))

/** Each prose sentence's words, long words and grade, in order. */
export const sentenceScores = shared('sentence-scores', (audit) => audit.get(proseSentences).map(scoreSentence))

/** The report's readability section, against the settings' target grade. */
export const documentReadability = shared('readability', (audit) => measureReadability(audit.get(proseSentences), audit.get(sentenceScores), audit.settings.targetGrade))

/** How many of the hardest sentences the report ranks. */
const HARDEST = 5

function spanOf(sentences: readonly SentenceInfo[]): Position {
  return {start: (sentences[0] as SentenceInfo).position.start, end: (sentences.at(-1) as SentenceInfo).position.end}
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0
}
