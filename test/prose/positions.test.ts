import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {auditFile, expectValidReport, fixture, placesOf, sliceOf} from '../helpers.ts'

// The same sentences laid out three ways; the places are counted by hand from each fixture. In Markdown and HTML the
// first two lines are a block quote: plain-language leaves a quotation alone ("utilize"), the other rules read it.
const cases = [
  {
    file: 'prose.md',
    note: 'blockquote markers, backslash escapes, a list item’s indented line, an entity and inline code',
    expected: {
      'passive-voice': ['3:17', '7:12'],
      'plain-language': ['6:3', '9:1', '9:88', '9:101'],
      'very-hard-sentence': ['9:1'],
      'uncommon-word': ['4:43', '9:30', '9:126'],
      'reading-level': ['1:1']
    }
  },
  {
    file: 'prose.html',
    note: 'nested markup, &nbsp; and &amp; entities, inline code',
    expected: {
      'passive-voice': ['3:32', '6:12'],
      'plain-language': ['5:11', '7:6', '7:93', '7:106'],
      'very-hard-sentence': ['7:6'],
      'uncommon-word': ['4:44', '7:35', '7:131'],
      'reading-level': ['1:1']
    }
  },
  {
    file: 'prose.txt',
    note: 'a UTF-8 BOM and CRLF line endings',
    expected: {
      'passive-voice': ['3:15', '7:10'],
      'plain-language': ['4:19', '6:1', '9:1', '9:88', '9:101'],
      'very-hard-sentence': ['9:1'],
      'uncommon-word': ['4:37', '9:30', '9:126'],
      'reading-level': ['1:1']
    }
  }
] as const

describe.each(cases)('prose findings in $file ($note)', ({file, expected}) => {
  const quoted = file !== 'prose.txt'
  it('start at the exact line and column of the words', async () => {
    const report = expectValidReport(await auditFile(fixture(file), {rules: {'uncommon-word': 'info'}}))
    for (const [ruleId, places] of Object.entries(expected)) {
      expect(placesOf(report, ruleId), ruleId).toEqual(places)
    }
  })

  it('cover exactly the words they name', async () => {
    const source = readFileSync(fixture(file), 'utf8').replace(/^\uFEFF/, '')
    const report = await auditFile(fixture(file), {rules: {'uncommon-word': 'info'}})
    const slices = report.findings
      .filter((finding) => finding.ruleId === 'passive-voice' || finding.ruleId === 'plain-language')
      .map((finding) => sliceOf(source, finding))
    const words = ['was broken', ...(quoted ? [] : ['utilize']), 'were forgotten', 'Prior to', 'Notwithstanding', 'subsequently', 'authorized']
    expect(slices).toEqual(words.sort(byPosition(source)))
    for (const finding of report.findings) expect(finding.excerpt).toBe(sliceOf(source, finding))
  })

  it('carry their rule’s metadata and suggestions', async () => {
    const report = await auditFile(fixture(file), {rules: {'uncommon-word': 'info'}})
    const prior = report.findings.find((finding) => finding.excerpt === 'Prior to')
    expect(prior).toMatchObject({
      ruleId: 'plain-language',
      category: 'jargon',
      severity: 'info',
      source: 'retext-simplify',
      suggestions: ['before'],
      message: 'Use “before” instead of “Prior to”.'
    })
    const hard = report.findings.find((finding) => finding.ruleId === 'very-hard-sentence')
    expect(hard).toMatchObject({category: 'readability', severity: 'warning', source: 'faircopy', wcag: ['3.1.5']})
    expect(hard?.excerpt).toMatch(/^Notwithstanding .* districts\.$/)
    expect(hard?.message).toBe('Very hard to read: this sentence reads above grade 20 (target 9): 15 of its 22 words are long. Use shorter words, or split it.')
    const passive = report.findings.find((finding) => finding.ruleId === 'passive-voice')
    expect(passive).toMatchObject({excerpt: 'was broken', suggestions: ['the storm broke'], message: '“was broken” is passive voice: start with who acted, “the storm”.'})
  })
})

function byPosition(source: string) {
  return (a: string, b: string) => source.indexOf(a) - source.indexOf(b)
}
