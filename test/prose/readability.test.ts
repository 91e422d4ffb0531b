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
import {cardinal, syllablesOf} from '../../src/prose/syllables.ts'
import {buildSyllables} from '../../scripts/syllables.ts'
import syllableData from '../../src/prose/data/syllables.json' with {type: 'json'}

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

describe('syllablesOf', () => {
  it('takes the CMU Pronouncing Dictionary’s count where the rule-based counter is wrong', () => {
    // syllable 5 counts large, else and charge as two and going and poem as one.
    expect(['large', 'else', 'charge', 'going', 'poem', 'Charged'].map(syllablesOf)).toEqual([1, 1, 1, 2, 2, 1])
  })

  it('reads figures aloud, as Flesch counts them', () => {
    expect(['1918', '1905', '1900', '2024', '2007', '2,000', '3.5', '21st', '22nd', '20th', '1990s', '007', '24/7'].map(syllablesOf)).toEqual([
      4, // nineteen eighteen
      4, // nineteen oh five
      4, // nineteen hundred
      5, // twenty twenty-four
      5, // two thousand seven
      3, // two thousand
      3, // three point five
      3, // twenty-first
      4, // twenty-second
      3, // twentieth
      4, // nineteen nineties
      6, // zero zero seven
      5 // twenty-four seven
    ])
    expect([0, 7, 11, 70, 100, 999, 1_000_000].map((value) => cardinal(String(value)))).toEqual([2, 2, 3, 3, 3, 1 + 2 + 2 + 1, 1 + 2])
  })

  it('spells capitals the dictionary does not know, and adds up compounds', () => {
    expect(['GSA', 'U.S.', 'WWW', 'co-op', 'R&D'].map(syllablesOf)).toEqual([3, 2, 9, 2, 3])
  })

  it('reads from src/prose/data/syllables.json as scripts/syllables.ts builds it (run `npm run syllables` after an update)', () => {
    expect(buildSyllables()).toEqual(syllableData)
  })
})

describe('counting by the formulas’ definitions', () => {
  it('counts figures, signs and abbreviations as words, with their spoken syllables', () => {
    // In, 1918, the, town, paid, $15, for, 2,000, bricks: nine words; "&" is a word of its own (and).
    const counts = countSentences(sentencesOf('In 1918, the town paid $15 for 2,000 bricks & tiles.'))
    expect(counts).toMatchObject({word: 11, syllable: 1 + 4 + 1 + 1 + 1 + 4 + 1 + 3 + 1 + 1 + 1, polysillabicWord: 2})
  })

  it('bounds the scores where their scales are bounded: reading ease 0 to 100, grades from 0', async () => {
    const easy = await proseOf('The cat sat on the mat. It was a hot day.')
    expect(easy.readability.scores.fleschReadingEase).toBe(100)
    expect(easy.readability.scores.fleschKincaidGrade).toBe(0)
    expect(easy.readability.paragraphGrades.every((paragraph) => paragraph.grade >= 0)).toBe(true)
  })

  // Three passages counted by hand; the scores below are the formulas' published constants on those counts.
  const round = (value: number) => Math.round(value * 100) / 100
  const formulas = (c: {words: number; sentences: number; syllables: number; letters: number; characters: number; poly: number; complex: number}) => ({
    fleschReadingEase: round(Math.min(100, Math.max(0, 206.835 - 1.015 * (c.words / c.sentences) - 84.6 * (c.syllables / c.words)))),
    fleschKincaidGrade: round(Math.max(0, 0.39 * (c.words / c.sentences) + 11.8 * (c.syllables / c.words) - 15.59)),
    gunningFog: round(0.4 * (c.words / c.sentences + (100 * c.complex) / c.words)),
    smog: round(1.043 * Math.sqrt((c.poly * 30) / c.sentences) + 3.1291),
    colemanLiau: round(Math.max(0, 0.0588 * ((c.letters / c.words) * 100) - 0.296 * ((c.sentences / c.words) * 100) - 15.8)),
    automatedReadability: round(Math.max(0, 4.71 * (c.characters / c.words) + 0.5 * (c.words / c.sentences) - 21.43))
  })

  it('scores a passage of one-syllable words: 16 words, 16 syllables, 48 letters, reading ease capped at 100', async () => {
    const prose = await proseOf('The dog ran to the big red barn. It was late, and the sun was low.')
    const counts = {words: 16, sentences: 2, syllables: 16, letters: 48, characters: 48, poly: 0, complex: 0}
    expect(prose.readability).toMatchObject({words: 16, sentences: 2, syllables: 16})
    expect(prose.readability.scores).toMatchObject(formulas(counts))
    expect(prose.readability.scores).toMatchObject({fleschReadingEase: 100, fleschKincaidGrade: 0, gunningFog: 3.2, smog: 3.13, colemanLiau: 0, automatedReadability: 0})
  })

  it('scores a passage of figures read aloud: 14 words, 26 syllables', async () => {
    // nineteen eighteen (4), fifteen dollars (4), two thousand (3), seven percent (4); the figures are polysyllables
    // and complex words when read with three syllables or more: 1918 and 2,000.
    const prose = await proseOf('In 1918, the town paid $15 for 2,000 bricks. About 7% of them broke.')
    const counts = {words: 14, sentences: 2, syllables: 26, letters: 38, characters: 49, poly: 2, complex: 2}
    expect(prose.readability).toMatchObject({words: 14, sentences: 2, syllables: 26})
    expect(prose.readability.scores).toMatchObject(formulas(counts))
    expect(prose.readability.scores).toMatchObject({fleschReadingEase: 42.62, fleschKincaidGrade: 9.05, gunningFog: 8.51, smog: 8.84})
  })

  it('scores a passage where the dictionary and the rules disagree: 14 words, 22 syllables', async () => {
    // Charge 1, large 1, battery 3, before 2, going 2; GSA spelled (3) and TV (2). GSA is a polysyllable but, in
    // capitals inside the sentence, not one of Gunning's complex words.
    const prose = await proseOf('Charge the large battery before going out. The GSA poem is on the TV.')
    const counts = {words: 14, sentences: 2, syllables: 22, letters: 54, characters: 54, poly: 2, complex: 1}
    expect(prose.readability).toMatchObject({words: 14, sentences: 2, syllables: 22})
    expect(prose.readability.scores).toMatchObject(formulas(counts))
    expect(prose.readability.scores).toMatchObject({fleschReadingEase: 66.79, fleschKincaidGrade: 5.68, colemanLiau: 2.65, automatedReadability: 0.24})
  })
})

describe('labels are not sentences', () => {
  const prose = 'The county will pay for the new roof in the spring, once the builders have finished the walls.'

  it('leaves a table of one-word cells out of every score', async () => {
    const table = '| Step | Cost |\n| --- | --- |\n| Demolition | High |\n| Roofing | Low |\n| Plumbing | Moderate |'
    const alone = await proseOf(prose, {format: 'markdown'})
    const withTable = await proseOf(`${prose}\n\n${table}\n`, {format: 'markdown'})
    expect(withTable.readability).toMatchObject({words: alone.readability.words, sentences: 1, gradeLevel: alone.readability.gradeLevel})
    expect(withTable.readability.hardestSentences.map((sentence) => sentence.location.start.line)).toEqual([1])
    expect(withTable.readability.paragraphGrades).toHaveLength(1)
  })

  it('counts a list item or a cell that holds a sentence, and leaves out one without a verb', async () => {
    const list = ['- Federal agencies', '- Building permits', '- Read the guide before you apply', '- It ends here.', '- A', '', '| Note |', '| --- |', '| Send the form by May |'].join('\n')
    const report = await proseOf(`${prose}\n\n${list}\n`, {format: 'markdown'})
    // The prose sentence, "Read the guide before you apply", "It ends here." and the cell with its verb "Send".
    expect(report.readability.sentences).toBe(4)
    expect(report.readability.words).toBe(18 + 6 + 3 + 5)
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
  const short = 'The committee postponed the redevelopment of the waterfront warehouses until the spring.'
  const hard = 'The regional authority postponed the redevelopment of the old waterfront warehouses until the next financial year because of rising construction costs.'
  const veryHard =
    'Notwithstanding considerable organizational difficulties, the municipal administration subsequently authorized comprehensive infrastructural rehabilitation initiatives throughout the metropolitan jurisdiction and its surrounding rural districts.'

  // Which sentences are flagged, for which cause, and where, is in test/rules/fixtures/{hard,very-hard}-sentence.txt.
  it('are judged by faircopy’s own sentence grade and length, and the message says which made it hard', async () => {
    const prose = await proseOf([plain, short, hard, veryHard].join('\n\n'))
    const found = prose.findings.filter((finding) => finding.ruleId.endsWith('hard-sentence'))
    expect(found.map((finding) => [finding.ruleId, finding.location.start.line])).toEqual([
      ['hard-sentence', 5],
      ['very-hard-sentence', 7]
    ])
    expect(found[0]?.message).toMatch(/^Hard to read: this sentence reads at grade 1[3-8] \(target 9\): \d of its 21 words are long\. Use shorter words, or split it\.$/)
  })

  it('leave a short sentence alone, however long its words: a grade from a dozen words says little', async () => {
    const prose = await proseOf(short)
    expect(prose.readability.hardestSentences[0]?.grade).toBeGreaterThan(13)
    expect(prose.findings.filter((finding) => finding.ruleId.endsWith('hard-sentence'))).toEqual([])
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
    const prose = await proseOf([plain, short, veryHard].join('\n\n'))
    expect(prose.readability.hardestSentences.map((sentence) => sentence.location.start.line)).toEqual([5, 3, 1])
    expect(prose.readability.paragraphGrades.map((paragraph) => [paragraph.location.start.line, paragraph.words])).toEqual([
      [1, 23],
      [3, 12],
      [5, 22]
    ])
    const grades = prose.readability.paragraphGrades.map((paragraph) => paragraph.grade)
    expect(grades[0]).toBeLessThan(grades[1] as number)
    expect(grades[1]).toBeLessThan(grades[2] as number)
  })

  it('follow the target: a higher target flags fewer sentences', async () => {
    const lenient = await proseOf(hard, {maxGrade: 16})
    expect(lenient.findings.filter((finding) => finding.ruleId.endsWith('hard-sentence'))).toEqual([])
  })
})
