import {describe, expect, it} from 'vitest'
import {altTextProblem, isVagueLinkText} from '../../src/accessibility/content.ts'
import {audit, labelledRows, placesOf, score} from '../helpers.ts'

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

describe('content checks axe-core cannot see', () => {
  const markdown = [
    '# Harbour',
    '',
    '![](boats.jpg)',
    '',
    '![IMG_2041.jpg](crane.jpg) and ![Photo of the pier](pier.jpg)',
    '',
    '<img src="line.png" alt="">',
    '',
    'Tide tables are [here](https://example.org/tides), or read the [May tide tables](https://example.org/may).',
    '',
    'See https://example.org/raw or <https://example.org/auto>.',
    '',
    'THE HARBOUR CLOSES AT NINE tonight.',
    ''
  ].join('\n')

  it('flag an empty Markdown alt, alt text that does not describe, vague links and runs of capitals, at their places', async () => {
    const report = await audit(markdown, {format: 'markdown'})
    expect(placesOf(report, 'image-alt-empty')).toEqual(['3:1'])
    expect(placesOf(report, 'image-alt-text')).toEqual(['5:1', '5:32'])
    expect(placesOf(report, 'link-text')).toEqual(['9:17', '11:5', '11:32'])
    expect(placesOf(report, 'all-caps')).toEqual(['13:1'])
    const empty = report.findings.find((finding) => finding.ruleId === 'image-alt-empty')
    expect(empty).toMatchObject({category: 'accessibility', severity: 'error', wcag: ['1.1.1'], excerpt: '![](boats.jpg)'})
    const link = report.findings.find((finding) => finding.ruleId === 'link-text')
    expect(link).toMatchObject({wcag: ['2.4.4'], message: 'The link text “here” says nothing out of context: name where it leads.'})
    expect(report.findings.find((finding) => finding.ruleId === 'image-alt-text')?.message).toBe('The alt text “IMG_2041.jpg” is a file name: say what the image shows.')
  })

  it('leave an explicit alt="" in raw HTML alone: that is how an author marks a decorative image', async () => {
    const report = await audit('<p>Text.</p>\n<img src="line.png" alt="">\n', {format: 'html'})
    expect(placesOf(report, 'image-alt-empty')).toEqual([])
  })
})
