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
