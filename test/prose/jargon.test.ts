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

  it('follow the preset’s domains, and the user’s own terms and allowlist', async () => {
    const text = 'The kinetic strike hit the depot. Our widgetization plan is done.'
    const kinds = async (options: object) =>
      (await proseOf(text, options)).findings.filter((finding) => finding.ruleId === 'jargon').map((finding) => finding.excerpt)
    expect(await kinds({preset: 'general'})).toEqual([])
    expect(await kinds({preset: 'news'})).toEqual(['kinetic strike'])
    expect(await kinds({preset: 'news', jargon: {terms: {widgetization: 'making widgets'}}})).toEqual(['kinetic strike', 'widgetization'])
    expect(await kinds({preset: 'news', jargon: {allow: ['kinetic strike']}})).toEqual([])
    expect(await kinds({preset: 'general', jargon: {domains: ['military']}})).toEqual(['kinetic strike'])
  })

  it('never report the same words twice when retext-simplify and faircopy’s list agree', async () => {
    const prose = await proseOf('We will commence work prior to the vote, in order to finish at the present time.')
    const plain = prose.findings.filter((finding) => finding.ruleId === 'plain-language')
    const spans = plain.map((finding) => `${finding.location.start.offset}-${finding.location.end.offset}`)
    expect(new Set(spans).size).toBe(spans.length)
    expect(plain.map((finding) => finding.excerpt)).toEqual(['commence', 'prior to', 'in order to', 'at the present time'])
    expect(plain.every((finding) => finding.suggestions.length > 0)).toBe(true)
  })
})

describe('uncommon words', () => {
  it('are reported once each as info, with their share; names, numbers, acronyms and allowed words are not', async () => {
    const prose = await proseOf('The linchpin of the plan held. Another linchpin broke in 1998. Ms Quibbleworth met the NHS team.', {jargon: {allow: []}})
    const uncommon = prose.findings.filter((finding) => finding.ruleId === 'uncommon-word')
    expect(uncommon.map((finding) => [finding.excerpt, finding.severity])).toEqual([['linchpin', 'info']])
    expect(uncommon[0]?.message).toBe('“linchpin” is not a common word: use a more familiar one, or explain it.')
    expect(prose.jargon.uncommonWords).toBe(2)
    const allowed = await proseOf('The linchpin of the plan held.', {jargon: {allow: ['linchpin']}})
    expect(allowed.findings.filter((finding) => finding.ruleId === 'uncommon-word')).toEqual([])
  })

  it('count inflected forms of common words as common', async () => {
    const prose = await proseOf('They are ensuring the plans, achieving goals and stopped the cities from hurrying.')
    expect(prose.findings.filter((finding) => finding.ruleId === 'uncommon-word')).toEqual([])
  })
})
