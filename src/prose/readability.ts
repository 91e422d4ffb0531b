import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {fleschKincaid} from 'flesch-kincaid'
import {gunningFog} from 'gunning-fog'
import type {Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import {visit} from 'unist-util-visit'
import type {Readability} from '../report/schema.ts'
import type {ParagraphData} from './nlcst.ts'

/** Average silent reading speed of adults for non-fiction (Brysbaert, 2019). */
const WORDS_PER_MINUTE = 238
const familiarDaleChall = new Set(daleChall)
const familiarSpache = new Set(spache)
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

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

/** The sentences that readability counts: every sentence with a word, outside headings. */
export function proseSentences(tree: Root): Sentence[] {
  const sentences: Sentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const data = paragraph.data as ParagraphData | undefined
    if (data && headings.has(data.block)) continue
    for (const child of paragraph.children) {
      if (child.type === 'SentenceNode' && child.children.some((node) => node.type === 'WordNode')) {
        sentences.push(child)
      }
    }
  }
  return sentences
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
    sentenceWords(sentence).forEach((word, index) => {
      const syllables = syllable(word)
      counts.word++
      counts.syllable += syllables
      counts.letter += (word.match(/\p{L}/gu) ?? []).length
      counts.character += (word.match(/[\p{L}\p{N}]/gu) ?? []).length
      if (syllables >= 3) {
        counts.polysillabicWord++
        if (isComplexWord(word, index)) counts.complexPolysillabicWord++
      }
      if (!isNumber(word) && !isFamiliar(word, familiarDaleChall)) counts.difficultWord++
      // Spache counts each unfamiliar word once.
      if (!isNumber(word) && !isFamiliar(word, familiarSpache)) unfamiliar.add(word.toLowerCase())
    })
  }
  counts.unfamiliarWord = unfamiliar.size
  return counts
}

/** Gunning's complex words: three syllables or more, not a proper noun, a compound, or made long by -es, -ed, -ing. */
function isComplexWord(word: string, index: number): boolean {
  if (word.includes('-')) return false
  if (index > 0 && /^\p{Lu}/u.test(word)) return false
  const stem = word.replace(/(?:es|ed|ing)$/i, '')
  return stem === word || syllable(stem) >= 3
}

function isNumber(word: string): boolean {
  return !/\p{L}/u.test(word)
}

/** A word is familiar if it, or its stem without a regular ending (hummed → hum, cities → city), is on the list. */
function isFamiliar(word: string, list: ReadonlySet<string>): boolean {
  const lower = word.toLowerCase().replace(/[’']s$/, '')
  return stems(lower).some((stem) => list.has(stem))
}

function stems(word: string): string[] {
  const found = [word]
  for (const ending of ['s', 'es', 'ed', 'd', 'ing', 'er', 'est', 'ly']) {
    if (!word.endsWith(ending) || word.length <= ending.length + 2) continue
    const stem = word.slice(0, -ending.length)
    found.push(stem)
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) found.push(stem.slice(0, -1))
  }
  if (/ies$|ied$/.test(word)) found.push(`${word.slice(0, -3)}y`)
  return found
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

export function measureReadability(tree: Root, sentences: readonly Sentence[], targetGrade: number): Readability {
  const counts = countSentences(sentences)
  const scores = scoreCounts(counts)
  const lengths = sentences.map((sentence) => sentenceWords(sentence).length)
  return {
    words: counts.word,
    sentences: counts.sentence,
    syllables: counts.syllable,
    paragraphs: tree.children.filter((node) => node.type === 'ParagraphNode').length,
    averageWordsPerSentence: counts.sentence === 0 ? 0 : round(counts.word / counts.sentence),
    longestSentenceWords: Math.max(0, ...lengths),
    readingTimeMinutes: Math.round((counts.word / WORDS_PER_MINUTE) * 10) / 10,
    scores,
    gradeLevel: consensusGrade(scores, counts.word > 0),
    targetGrade
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0
}
