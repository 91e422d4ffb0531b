import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {describe, expect, it} from 'vitest'
import {consensusGrade, countSentences, scoreCounts} from '../../src/prose/readability.ts'
import {readSentences} from '../../src/prose/tokens.ts'

function sentencesOf(text: string) {
  return readSentences(new ParseEnglish().parse(text) as Root).map((sentence) => sentence.node)
}

describe('countSentences', () => {
  it('counts every occurrence of a familiar word as familiar (retext-readability counts only the first)', () => {
    const counts = countSentences(sentencesOf('The cat saw the cat and the dog.'))
    expect(counts).toMatchObject({sentence: 1, word: 8, difficultWord: 0, unfamiliarWord: 0})
  })

  it('counts each occurrence of a difficult word, and each unfamiliar word once for Spache', () => {
    const counts = countSentences(sentencesOf('The turbine hummed. The turbine stopped.'))
    expect(counts.difficultWord).toBe(2)
    expect(counts.unfamiliarWord).toBe(1)
  })

  it('counts letters, syllables and long words', () => {
    const counts = countSentences(sentencesOf('Harbour authorities investigated yesterday.'))
    expect(counts).toMatchObject({word: 4, letter: 39, character: 39, syllable: 2 + 4 + 5 + 3, polysillabicWord: 3})
  })

  it('leaves proper nouns and hyphenated compounds out of Gunning’s complex words', () => {
    const counts = countSentences(sentencesOf('Yesterday Alexandria welcomed state-of-the-art catamarans.'))
    // Yesterday (first word) and catamarans are complex; Alexandria is a name; the compound is not counted.
    expect(counts.complexPolysillabicWord).toBe(2)
  })
})

describe('scores', () => {
  it('are zero rather than NaN when there is nothing to score', () => {
    const scores = scoreCounts(countSentences([]))
    expect(Object.values(scores).every((value) => value === 0)).toBe(true)
    expect(consensusGrade(scores, false)).toBe(0)
  })

  it('take the median of the grade formulas as the consensus', () => {
    const scores = {fleschReadingEase: 50, fleschKincaidGrade: 8, gunningFog: 12, smog: 10, colemanLiau: 9, automatedReadability: 7, daleChall: 7.5, spache: 5}
    // Dale–Chall 7.5 is the band of grades 9–10, so 9.5: the grades sort to 7, 8, 9, 9.5, 10, 12.
    expect(consensusGrade(scores, true)).toBe(9.25)
  })
})
