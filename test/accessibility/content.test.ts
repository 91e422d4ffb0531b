import {describe, expect, it} from 'vitest'
import {altTextProblem, isVagueLinkText} from '../../src/accessibility/content.ts'
import {audit, labelledRows, score} from '../helpers.ts'

describe.each([
  ['alt-text/labelled.tsv', (text: string) => altTextProblem(text) !== undefined],
  ['link-text/labelled.tsv', isVagueLinkText]
])('%s', (name, isBad) => {
  it('is judged with precision and recall of at least 0.9', () => {
    const rows = labelledRows(name).map(([label, text]) => ({expected: label === 'bad' ? [text ?? ''] : [], predicted: isBad(text ?? '') ? [text ?? ''] : []}))
    const result = score(rows)
    console.info(`${name}: ${rows.length} rows, precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)}`)
    expect(result.precision).toBeGreaterThanOrEqual(0.9)
    expect(result.recall).toBeGreaterThanOrEqual(0.9)
  })
})

// Which images and links are flagged, and where, is in test/rules/fixtures/{image-alt-empty,image-alt-text,link-text,all-caps}.*.
describe('content checks axe-core cannot see', () => {
  it('say what is wrong and what to do, and map to their WCAG criteria', async () => {
    const markdown = ['# Harbour', '', '![](boats.jpg) ![IMG_2041.jpg](crane.jpg)', '', 'Tide tables are [here](https://example.org/tides).', ''].join('\n')
    const report = await audit(markdown, {format: 'markdown'})
    const said = (ruleId: string) => report.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => [finding.message, finding.severity, finding.wcag])
    expect(said('image-alt-empty')).toEqual([['This image has no alt text: describe it between the brackets, ![like this](…).', 'error', ['1.1.1']]])
    expect(said('image-alt-text')).toEqual([['The alt text “IMG_2041.jpg” is a file name: say what the image shows.', 'warning', ['1.1.1']]])
    expect(said('link-text')).toEqual([['The link text “here” says nothing out of context: name where it leads.', 'warning', ['2.4.4']]])
  })
})
