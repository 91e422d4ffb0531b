import {describe, expect, it} from 'vitest'
import {labelledRows, proseOf, score} from '../helpers.ts'

describe('jargon and plainer words on jargon/labelled.tsv', () => {
  it('finds wordy phrases and domain jargon with precision and recall of at least 0.9', async () => {
    const rows = await Promise.all(
      labelledRows('jargon/labelled.tsv').map(async ([kind, terms, sentence]) => {
        // Every domain is on, so that each labelled domain term can be found.
        const prose = await proseOf(sentence ?? '', {preset: 'plain-language'})
        const predicted = prose.findings
          .filter((finding) => finding.ruleId === 'plain-language' || finding.ruleId === 'jargon')
          .map((finding) => `${finding.ruleId === 'jargon' ? 'jargon' : 'plain'}:${finding.excerpt}`)
        const label = (kind ?? '').startsWith('jargon') ? 'jargon' : 'plain'
        return {expected: terms === '-' ? [] : (terms ?? '').split(' | ').map((term) => `${label}:${term}`), predicted}
      })
    )
    const result = score(rows)
    console.info(`jargon: ${rows.length} sentences, precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`)
    expect(result.precision).toBeGreaterThanOrEqual(0.9)
    expect(result.recall).toBeGreaterThanOrEqual(0.9)
  })
})

describe('jargon findings', () => {
  it('offer a plainer word, or ask once to explain a term that has none', async () => {
    const prose = await proseOf('The board wants synergy. EBITDA rose. EBITDA fell again, and synergy was the theme.', {preset: 'plain-language'})
    const jargon = prose.findings.filter((finding) => finding.ruleId === 'jargon')
    expect(jargon.map((finding) => [finding.excerpt, finding.suggestions.length > 0])).toEqual([
      ['synergy', true],
      ['EBITDA', false],
      ['synergy', true]
    ])
    expect(jargon[1]?.message).toBe('“EBITDA” is business jargon: explain it the first time you use it.')
    expect(jargon[0]?.message).toMatch(/^“synergy” is business jargon: try “.+”\.$/)
    expect(jargon[0]).toMatchObject({category: 'jargon', severity: 'warning', wcag: ['3.1.3']})
  })

  it('offer plainer words from retext-simplify and faircopy’s own list, never twice for the same words', async () => {
    const prose = await proseOf('We will commence work prior to the vote, in order to finish at the present time.')
    const plain = prose.findings.filter((finding) => finding.ruleId === 'plain-language')
    expect(plain.map((finding) => [finding.excerpt, finding.source, finding.message])).toEqual([
      ['commence', 'retext-simplify', 'Use “begin” or “start” instead of “commence”.'],
      ['prior to', 'retext-simplify', 'Use “before” instead of “prior to”.'],
      ['in order to', 'retext-simplify', 'Use “to” instead of “in order to”.'],
      ['at the present time', 'retext-simplify', 'Use “at present” instead of “at the present time”.']
    ])
    expect(plain.every((finding) => finding.suggestions.length > 0)).toBe(true)
  })
})

// Which words are flagged, and where, is in test/rules/fixtures/{jargon,plain-language,uncommon-word}*.txt.
describe('uncommon words', () => {
  const on = {rules: {'uncommon-word': 'info' as const}}

  it('are off by default, and still counted in the report’s share', async () => {
    const prose = await proseOf('The linchpin of the plan held.')
    expect(prose.findings.filter((finding) => finding.ruleId === 'uncommon-word')).toEqual([])
    expect(prose.jargon.uncommonWords).toBe(1)
  })

  it('are reported once each as info when on, with their share; names, numbers, acronyms and allowed words are not', async () => {
    const prose = await proseOf('The linchpin of the plan held. Another linchpin broke in 1998. Ms Quibbleworth met the NHS team.', {jargon: {allow: []}, ...on})
    const uncommon = prose.findings.filter((finding) => finding.ruleId === 'uncommon-word')
    expect(uncommon.map((finding) => [finding.excerpt, finding.severity])).toEqual([['linchpin', 'info']])
    expect(uncommon[0]?.message).toBe('“linchpin” is not a common word: use a more familiar one, or explain it.')
    expect(prose.jargon.uncommonWords).toBe(2)
    const allowed = await proseOf('The linchpin of the plan held.', {jargon: {allow: ['linchpin']}, ...on})
    expect(allowed.findings.filter((finding) => finding.ruleId === 'uncommon-word')).toEqual([])
  })

  it('leave contractions, addresses, file names and names at a sentence’s start alone, and read lemmas', async () => {
    const text = [
      'We’re sure they’ll come, and we don’t mind.',
      'Write to harbour.office@example.gov or open tides_2024.csv today.',
      'Quibbleworth came. Later Quibbleworth left.',
      'The crew undertook the work.',
      'The linchpin held.'
    ].join(' ')
    const prose = await proseOf(text, {jargon: {allow: []}, ...on})
    expect(prose.findings.filter((finding) => finding.ruleId === 'uncommon-word').map((finding) => finding.excerpt)).toEqual(['linchpin'])
  })
})
