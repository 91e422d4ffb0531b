import type {Root} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import retextEnglish from 'retext-english'
import retextReadability from 'retext-readability'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {proseOf} from '../helpers.ts'
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

describe('hard and very hard sentences', () => {
  const plain = 'The man and the dog and the cat and the boy ran to the park and then to the shop and back home.'
  const hard = 'The committee postponed the redevelopment of the waterfront warehouses until the spring.'
  const veryHard = 'Notwithstanding considerable organizational difficulties, the municipal administration subsequently authorized comprehensive infrastructural rehabilitation initiatives.'

  // Which sentences are flagged, and where, is in test/rules/fixtures/{hard,very-hard}-sentence.txt.
  it('are judged by faircopy’s own sentence grade, with the reason: words and long words', async () => {
    const prose = await proseOf([plain, hard, veryHard].join('\n\n'))
    const found = prose.findings.filter((finding) => finding.ruleId.endsWith('hard-sentence'))
    expect(found.map((finding) => finding.ruleId)).toEqual(['hard-sentence', 'very-hard-sentence'])
    expect(found[0]?.message).toMatch(/^Hard to read: this sentence reads at grade \d+ \(target 9\); it has 12 words, \d+ of them long\. Split it or use shorter words\.$/)
  })

  it('leave out a plain sentence that retext-readability flags because it counts repeated easy words as hard', async () => {
    // At a target of grade 5 (retext-readability's age 10), retext-readability flags it; its grade is under 4.
    const file = new VFile(plain)
    const processor = unified().use(retextEnglish).use(retextReadability, {age: 10})
    await processor.run(processor.parse(file), file)
    expect(file.messages.map((message) => message.source)).toEqual(['retext-readability'])
    const prose = await proseOf(plain, {maxGrade: 5})
    expect(prose.findings.filter((finding) => finding.category === 'readability')).toEqual([])
    expect(prose.readability.gradeLevel).toBeLessThan(4)
  })

  it('are ranked hardest first, and every paragraph gets its grade', async () => {
    const prose = await proseOf([plain, hard, veryHard].join('\n\n'))
    expect(prose.readability.hardestSentences.map((sentence) => sentence.location.start.line)).toEqual([5, 3, 1])
    expect(prose.readability.paragraphGrades.map((paragraph) => [paragraph.location.start.line, paragraph.words])).toEqual([
      [1, 23],
      [3, 12],
      [5, 13]
    ])
    const grades = prose.readability.paragraphGrades.map((paragraph) => paragraph.grade)
    expect(grades[0]).toBeLessThan(grades[1] as number)
    expect(grades[1]).toBeLessThan(grades[2] as number)
  })

  it('follow the target: a higher target flags fewer sentences', async () => {
    const lenient = await proseOf(hard, {maxGrade: 16})
    expect(lenient.findings.filter((finding) => finding.category === 'readability')).toEqual([])
  })
})
