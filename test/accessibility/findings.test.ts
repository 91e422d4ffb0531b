import {describe, expect, it} from 'vitest'
import {wcagFromTags} from '../../src/accessibility/findings.ts'
import {audit, placesOf} from '../helpers.ts'

describe('wcagFromTags', () => {
  it('turns axe tags into success criteria and ignores the rest', () => {
    expect(wcagFromTags(['cat.color', 'wcag2aa', 'wcag143', 'wcag1410', 'wcag412', 'best-practice', 'wcag143'])).toEqual(['1.4.3', '1.4.10', '4.1.2'])
  })
})

describe('axe tags', () => {
  const skipped = '# Tides\n\n### Ebb\n\nThe water falls.\n'

  it('run the default set, best practices included', async () => {
    const report = await audit(skipped, {format: 'markdown'})
    expect(placesOf(report, 'heading-order')).toEqual(['3:1'])
    expect(report.accessibility.tags).toContain('best-practice')
  })

  it('can be narrowed: WCAG A rules only leave out best practices like heading order', async () => {
    const report = await audit(skipped, {format: 'markdown', accessibility: {tags: ['wcag2a']}})
    expect(placesOf(report, 'heading-order')).toEqual([])
    expect(report.accessibility.tags).toEqual(['wcag2a'])
    expect(report.accessibility.passes).toContain('html-has-lang')
  })
})

describe('severity from impact', () => {
  it('maps critical and serious to error, moderate to warning, minor to info', async () => {
    const source = '<main><h1>Tides</h1><img src="a.png"><a href="/x"></a><h3>Ebb</h3><table><tr><th></th><td>1</td></tr></table></main>'
    const report = await audit(source, {format: 'html'})
    const severities = Object.fromEntries(report.findings.map((finding) => [finding.ruleId, [finding.impact, finding.severity]]))
    expect(severities['image-alt']).toEqual(['critical', 'error'])
    expect(severities['link-name']).toEqual(['serious', 'error'])
    expect(severities['heading-order']).toEqual(['moderate', 'warning'])
    expect(severities['empty-table-header']).toEqual(['minor', 'info'])
  })
})

describe('findings about the page as a whole', () => {
  const page = '<!doctype html>\n<html>\n<head><title>Harbour</title></head>\n<body>\n<h2>Moorings</h2>\n<p>Boats tie up at the east wall.</p>\n<p>Fees go to the office.</p>\n</body>\n</html>\n'

  it('are one finding of the document each, at the first element they name, however many elements they list', async () => {
    const report = await audit(page, {format: 'html'})
    const about = report.findings.filter((finding) => finding.category === 'accessibility')
    expect(about.map((finding) => [finding.ruleId, finding.scope, `${finding.location.start.line}:${finding.location.start.column}`])).toEqual([
      ['html-has-lang', 'document', '2:1'],
      ['landmark-one-main', 'document', '2:1'],
      ['page-has-heading-one', 'document', '2:1'],
      ['region', 'document', '5:1']
    ])
    // axe-core lists the three elements outside a landmark; the report says so once.
    expect(about.find((finding) => finding.ruleId === 'region')?.message).toBe('All page content should be contained by landmarks (3 elements).')
  })

  it('keep their fingerprint when the page changes around them', async () => {
    const fingerprints = async (text: string) => (await audit(text, {format: 'html'})).findings.filter((finding) => finding.ruleId === 'region').map((finding) => finding.fingerprint)
    const moved = page.replace('<p>Fees go to the office.</p>', '<p>Fees go to the office on the quay.</p>\n<p>Water is free.</p>')
    expect(await fingerprints(moved)).toEqual(await fingerprints(page))
  })
})
