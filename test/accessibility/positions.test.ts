import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {audit, auditFile, expectValidReport, fixture, placesOf, sliceOf} from '../helpers.ts'

// Each fixture holds the same four problems; the expected places are counted by hand from the fixture text.
const cases = [
  {
    name: 'Markdown (raw HTML blocks, inline raw HTML, GFM link)',
    file: 'positions.md',
    expected: {
      'image-alt': ['10:1', '12:37'],
      'link-name': ['14:10'],
      label: ['17:1'],
      'heading-order': ['19:1']
    }
  },
  {
    name: 'HTML document',
    file: 'positions.html',
    expected: {
      'image-alt': ['11:26'],
      'link-name': ['12:17'],
      label: ['14:7'],
      'heading-order': ['16:5']
    }
  },
  {
    name: 'HTML fragment',
    file: 'fragment.html',
    expected: {
      'image-alt': ['3:22'],
      'link-name': ['4:13'],
      label: ['5:1'],
      'heading-order': ['6:1']
    }
  }
] as const

describe.each(cases)('accessibility findings in $name', ({file, expected}) => {
  it('point at the element’s line and column in the source', async () => {
    const report = expectValidReport(await auditFile(fixture(file)))
    for (const [ruleId, places] of Object.entries(expected)) {
      expect(placesOf(report, ruleId), ruleId).toEqual(places)
    }
    expect(report.accessibility.violations.map((rule) => rule.ruleId).sort()).toEqual(Object.keys(expected).sort())
  })

  it('slice exactly the element’s source text, and carry axe-core’s metadata', async () => {
    const source = readFileSync(fixture(file), 'utf8')
    const report = await auditFile(fixture(file))
    const images = report.findings.filter((finding) => finding.ruleId === 'image-alt')
    for (const image of images) {
      expect(sliceOf(source, image)).toMatch(/^<img src="[a-z-]+\.png">$/)
      expect(image.excerpt).toBe(sliceOf(source, image))
      expect(image).toMatchObject({
        category: 'accessibility',
        source: 'axe-core',
        severity: 'error',
        impact: 'critical',
        wcag: ['1.1.1']
      })
      expect(image.helpUrl).toMatch(/^https:\/\/dequeuniversity\.com\/rules\/axe\/[\d.]+\/image-alt/)
      expect(image.selector).toContain('img')
    }
    const heading = report.findings.find((finding) => finding.ruleId === 'heading-order')
    expect(heading).toMatchObject({severity: 'warning', impact: 'moderate'})
  })
})

describe('the rendered wrapper', () => {
  it('adds no accessibility finding of its own to plain text or clean Markdown', async () => {
    const text = expectValidReport(await audit('A short note about the tide.\n\nIt turns twice a day.', {format: 'text'}))
    const markdown = expectValidReport(await audit('# Tides\n\nThe tide turns twice a day.\n', {format: 'markdown'}))
    expect(text.accessibility.violations).toEqual([])
    expect(markdown.accessibility.violations).toEqual([])
    expect(markdown.accessibility.passes).toEqual(expect.arrayContaining(['document-title', 'html-has-lang', 'landmark-one-main', 'page-has-heading-one', 'region']))
    expect(text.accessibility.disabled).toEqual(['page-has-heading-one'])
  })

  it('uses a front-matter title as the page heading when the Markdown has none', async () => {
    const report = expectValidReport(await audit('---\ntitle: Tide tables\n---\n\n## When to sail\n\nLeave on the ebb.\n', {format: 'markdown'}))
    expect(report.source.title).toBe('Tide tables')
    expect(report.accessibility.violations).toEqual([])
  })

  it('reports a missing h1 in Markdown at the start of the file, because the article itself lacks it', async () => {
    const report = expectValidReport(await audit('## When to sail\n\nLeave on the ebb.\n', {format: 'markdown'}))
    expect(placesOf(report, 'page-has-heading-one')).toEqual(['1:1'])
  })

  it('keeps a whole HTML document as written: a missing lang is the article’s finding', async () => {
    const source = '<!doctype html>\n<html>\n<head><title>Tides</title></head>\n<body><main><h1>Tides</h1><p>Leave on the ebb.</p></main></body>\n</html>\n'
    const report = expectValidReport(await audit(source, {format: 'html'}))
    expect(placesOf(report, 'html-has-lang')).toEqual(['2:1'])
  })
})

describe('results axe-core cannot decide in jsdom', () => {
  it('are counted as incomplete or not checkable, never as passed', async () => {
    const report = expectValidReport(await audit('# Tides\n\nThe tide turns twice a day.\n', {format: 'markdown'}))
    const incomplete = report.accessibility.incomplete.map((rule) => rule.ruleId)
    expect(incomplete).toContain('color-contrast')
    expect(report.accessibility.incomplete.find((rule) => rule.ruleId === 'color-contrast')?.reason).toMatch(/layout/)
    expect(report.accessibility.notCheckable).toEqual(expect.arrayContaining(['color-contrast', 'target-size', 'link-in-text-block']))
    for (const id of report.accessibility.notCheckable) expect(report.accessibility.passes).not.toContain(id)
    const contrast = report.wcag.find((row) => row.id === '1.4.3')
    expect(contrast?.status).toBe('cannot-tell')
  })
})

describe('passes', () => {
  it('list a rule only when no node failed and none was left for review, though axe-core lists it when one node passed', async () => {
    const html = '<!doctype html><html lang="en"><head><title>Pictures</title></head><body><main><h1>Pictures</h1><img src="a.png" alt="A red kite"><img src="b.png"><input type="text" aria-label="Name"></main></body></html>'
    const report = expectValidReport(await audit(html, {format: 'html'}))
    expect(report.accessibility.violations.map((rule) => rule.ruleId)).toContain('image-alt')
    expect(report.accessibility.passes).not.toContain('image-alt')
    // A rule whose every node passed is a pass.
    expect(report.accessibility.passes).toEqual(expect.arrayContaining(['html-has-lang', 'document-title', 'label']))
    for (const rule of [...report.accessibility.violations, ...report.accessibility.incomplete]) expect(report.accessibility.passes).not.toContain(rule.ruleId)
  })

  it('never hold rules that only look on screen in jsdom: a marquee is not checkable here, not passed', async () => {
    const html = '<!doctype html><html lang="en"><head><title>Sale</title></head><body><main><h1>Sale</h1><marquee>Everything must go</marquee></main></body></html>'
    const report = expectValidReport(await audit(html, {format: 'html'}))
    expect(report.accessibility.passes).not.toContain('marquee')
    expect(report.accessibility.notCheckable).toEqual(expect.arrayContaining(['marquee', 'skip-link']))
  })

  it('and notCheckable hold only rules the tags run: an experimental rule only with the experimental tag', async () => {
    const html = '<!doctype html><html lang="en"><head><title>Focus</title></head><body><main><h1>Focus</h1><div tabindex="0">A focusable box</div></main></body></html>'
    const plain = expectValidReport(await audit(html, {format: 'html'}))
    expect([...plain.accessibility.passes, ...plain.accessibility.notCheckable, ...plain.accessibility.violations.map((rule) => rule.ruleId)]).not.toContain('focus-order-semantics')
    // In plain jsdom axe-core decides focus-order-semantics: a focusable div without a role fails it.
    const experimental = expectValidReport(await audit(html, {format: 'html', accessibility: {tags: ['wcag2a', 'best-practice', 'experimental']}}))
    expect(experimental.accessibility.violations.map((rule) => rule.ruleId)).toContain('focus-order-semantics')
    expect(experimental.accessibility.notCheckable).not.toContain('focus-order-semantics')
  })
})

describe('selectors', () => {
  it('are short paths that name the flagged element in the rendered page', async () => {
    const report = await auditFile(fixture('positions.md'))
    expect(report.findings.map((finding) => [finding.ruleId, finding.selector])).toEqual([
      ['image-alt', 'body > main > img'],
      ['image-alt', 'body > main > p:nth-of-type(2) > img'],
      ['link-name', 'body > main > p:nth-of-type(3) > a'],
      ['label', 'body > main > p:nth-of-type(4) > input'],
      ['heading-order', 'body > main > h3']
    ])
  })
})

