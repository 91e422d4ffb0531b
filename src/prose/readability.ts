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
import {toLocation} from '../report/finding.ts'
import {shared} from '../rules.ts'
import type {Readability} from '../report/schema.ts'
import type {Position} from 'unist'
import {stems} from './stems.ts'
import {syllablesOf} from './syllables.ts'
import {tagSentence} from './tagger.ts'
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

/** A word as the formulas count it, with the syllables it has when read aloud. */
interface CountedWord {
  readonly text: string
  /** Syllables added by a sign read with it: "$15" is fifteen dollars, "7%" seven percent. */
  readonly extraSyllables: number
}

/** Signs read aloud as a word of their own, and their syllables (Flesch counts "&" as a word). */
const signWords: Record<string, number> = {'&': 1, '§': 2, '¶': 3, '+': 1, '=': 2}
/** Signs read with the figure they stand by, and their syllables. */
const signsBefore: Record<string, number> = {$: 2, '€': 2, '£': 1, '¥': 1, '§': 2}
const signsAfter: Record<string, number> = {'%': 2, '°': 2, '‰': 3}

/**
 * The words of a sentence as Flesch counts them: every word, figure, abbreviation and symbol, hyphenated words and
 * contractions as one ("wouldn't, full-length, TV, 17, &, $15, 7%"). A figure grouped by commas ("2,000") is one
 * word, not two.
 */
export function countedWords(sentence: Sentence): CountedWord[] {
  const words: CountedWord[] = []
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as Sentence['children'][number]
    if (child.type === 'SymbolNode' && signWords[child.value] !== undefined && !adjacentFigure(children, index)) {
      words.push({text: child.value, extraSyllables: 0})
      continue
    }
    if (child.type !== 'WordNode') continue
    let text = toString(child)
    if (!/[\p{L}\p{N}]/u.test(text)) continue
    // 2,000,000 is tokenised as 2 , 000 , 000.
    while (/^\d{1,3}(?:,\d{3})*$/.test(text) && isToken(children[index + 1], 'PunctuationNode', ',') && /^\d{3}$/.test(wordAt(children, index + 2))) {
      text += `,${wordAt(children, index + 2)}`
      index += 2
    }
    let extraSyllables = 0
    if (/\d/.test(text)) {
      const before = children[index - (text.includes(',') ? text.split(',').length * 2 - 1 : 1)]
      if (before?.type === 'SymbolNode') extraSyllables += signsBefore[before.value] ?? 0
      const after = children[index + 1]
      if (after?.type === 'SymbolNode' || after?.type === 'PunctuationNode') extraSyllables += signsAfter[after.value] ?? 0
    }
    words.push({text, extraSyllables})
  }
  return words
}

/** Words of a sentence as the formulas count them, without surrounding punctuation. */
export function sentenceWords(sentence: Sentence): string[] {
  return countedWords(sentence).map((word) => word.text)
}

function isToken(node: Sentence['children'][number] | undefined, type: string, value: string): boolean {
  return node !== undefined && node.type === type && 'value' in node && node.value === value
}

function wordAt(children: Sentence['children'], index: number): string {
  const node = children[index]
  return node?.type === 'WordNode' ? toString(node) : ''
}

/** A sign such as $ or % is read with the figure it touches, not as a word. */
function adjacentFigure(children: Sentence['children'], index: number): boolean {
  const value = (children[index] as {value: string}).value
  const next = children[index + 1]
  const previous = children[index - 1]
  return (signsBefore[value] !== undefined && next?.type === 'WordNode' && /^\d/.test(toString(next))) || (signsAfter[value] !== undefined && previous?.type === 'WordNode' && /\d$/.test(toString(previous)))
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
  const syllables = signWords[word] ?? syllablesOf(word)
  const number = isNumber(word)
  const stem = word.replace(/(?:es|ed|ing)$/i, '')
  const facts: WordFacts = {
    syllables,
    letters: (word.match(/\p{L}/gu) ?? []).length,
    characters: (word.match(/[\p{L}\p{N}]/gu) ?? []).length,
    longStem: syllables >= 3 && !word.includes('-') && (stem === word || syllablesOf(stem) >= 3),
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
  countedWords(sentence).forEach(({text: word, extraSyllables}, index) => {
    const facts = factsOf(word)
    counts.word++
    counts.syllable += facts.syllables + extraSyllables
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

/** Figures ("17", "1990s", "21st", "v2") are not in the familiar-word lists, and not unfamiliar either. */
function isNumber(word: string): boolean {
  return /\d/.test(word) || signWords[word] !== undefined
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
  // The scales are bounded where their authors bound them: reading ease runs from 0 to 100, grades from 0 up.
  return {
    fleschReadingEase: round(clamp(flesch(counts), 0, 100)),
    fleschKincaidGrade: round(clamp(fleschKincaid(counts), 0)),
    gunningFog: round(clamp(gunningFog(counts), 0)),
    smog: round(clamp(smogFormula(counts), 0)),
    colemanLiau: round(clamp(colemanLiau(counts), 0)),
    automatedReadability: round(clamp(automatedReadability(counts), 0)),
    daleChall: round(clamp(daleChallFormula(counts), 0)),
    spache: round(clamp(spacheFormula(counts), 0))
  }
}

function clamp(value: number, low: number, high = Number.POSITIVE_INFINITY): number {
  return Math.min(high, Math.max(low, value))
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
export function measureReadability(sentences: readonly SentenceInfo[], scores: readonly SentenceScore[], targetGrade: number, gradeGates = false): Readability {
  const counts = countSentences(sentences.map((sentence) => sentence.node))
  const documentScores = scoreCounts(counts)
  const paragraphs = [...new Set(sentences.map((sentence) => sentence.paragraph))]
  return {
    words: counts.word,
    sentences: counts.sentence,
    syllables: counts.syllable,
    paragraphs: paragraphs.length,
    averageWordsPerSentence: counts.sentence === 0 ? 0 : round(counts.word / counts.sentence),
    longestSentenceWords: scores.reduce((longest, score) => Math.max(longest, score.words), 0),
    readingTimeMinutes: Math.round((counts.word / WORDS_PER_MINUTE) * 10) / 10,
    scores: documentScores,
    gradeLevel: consensusGrade(documentScores, counts.word > 0),
    targetGrade,
    gradeGates,
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

/** The sentences outside headings: what the word checks read. */
export const bodySentences = shared('body-sentences', (audit) => audit.sentences.filter((sentence) => !sentence.heading))

/**
 * The sentences readability counts. Headings are labels, not sentences. So is the text of a table cell, list item,
 * definition, caption or summary unless it holds a sentence: it ends with . ! or ?, or it has three words or more
 * and a verb other than an -ing form (compromise's tags). "Demolition", "Federal agencies" and "Building permits"
 * are labels; "Read the guide" and "Fixed a crash when saving" are sentences.
 */
export const proseSentences = shared('prose-sentences', async (audit): Promise<SentenceInfo[]> => {
  const counted: SentenceInfo[] = []
  for (const sentence of audit.get(bodySentences)) if (!sentence.label || (await holdsSentence(sentence))) counted.push(sentence)
  return counted
})

async function holdsSentence(sentence: SentenceInfo): Promise<boolean> {
  const last = sentence.tokens.at(-1)
  if (last && last.kind === 'punctuation' && /[.!?…]["'”’)\]]*$/.test(last.text)) return true
  if (sentence.words.length < 3) return false
  const tags = await tagSentence(sentence)
  return tags.some((tag) => tag?.has('Verb') === true && !tag.has('Gerund'))
}

/** Each counted sentence's words, long words and grade, in order. */
export const sentenceScores = shared('sentence-scores', async (audit) => (await audit.get(proseSentences)).map(scoreSentence))

/** The report's readability section, against the settings' target grade. */
export const documentReadability = shared('readability', async (audit) =>
  measureReadability(await audit.get(proseSentences), await audit.get(sentenceScores), audit.settings.targetGrade, audit.settings.maxGrade !== undefined)
)

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
