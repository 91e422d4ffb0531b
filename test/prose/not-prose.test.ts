import {describe, expect, it} from 'vitest'
import {audit} from '../helpers.ts'

// Every kind of prose problem, to be hidden in places that are not prose.
const trouble = 'The RNLI synergy plan was closed prior to the linchpin vote, DO NOT ENTER THE HARBOUR.'

describe('front matter, code blocks and inline code are never prose', () => {
  it('in Markdown', async () => {
    const source = [
      '---',
      `title: ${trouble}`,
      `summary: ${trouble}`,
      '---',
      '',
      '# Tides',
      '',
      '```text',
      trouble,
      '```',
      '',
      `    ${trouble}`,
      '',
      `Run \`${trouble}\` today.`,
      ''
    ].join('\n')
    const report = await audit(source, {format: 'markdown', preset: 'strict', rules: {'uncommon-word': 'info'}})
    expect(report.findings.filter((finding) => finding.category !== 'accessibility')).toEqual([])
    // "Run … today." only: the heading is not counted in readability.
    expect(report.readability.words).toBe(2)
  })

  it('in front matter after blank lines, which Hugo reads as front matter', async () => {
    for (const fence of ['---', '+++']) {
      const line = fence === '---' ? `summary: ${trouble}` : `summary = "${trouble}"`
      const source = ['', '', fence, line, fence, '', '# Tides', '', 'Run today.', ''].join('\n')
      const report = await audit(source, {format: 'markdown', preset: 'strict', rules: {'uncommon-word': 'info'}})
      expect(report.findings.filter((finding) => finding.category !== 'accessibility'), fence).toEqual([])
      expect(report.readability.words, fence).toBe(2)
    }
  })

  it('in HTML', async () => {
    const source = `<main><h1>Tides</h1><pre>${trouble}</pre><p>Run <code>${trouble}</code> today.</p><script>// ${trouble}</script><style>/* ${trouble} */</style><template><p>${trouble}</p></template></main>`
    const report = await audit(source, {format: 'html', preset: 'strict', rules: {'uncommon-word': 'info'}})
    expect(report.findings.filter((finding) => finding.category !== 'accessibility')).toEqual([])
    expect(report.readability.words).toBe(2)
  })

  it('while the same words as prose are all found (the fixture really holds each problem)', async () => {
    const report = await audit(`# Tides\n\n${trouble}\n`, {format: 'markdown', preset: 'strict', rules: {'uncommon-word': 'info'}})
    const rules = new Set(report.findings.map((finding) => finding.ruleId))
    for (const rule of ['undefined-acronym', 'jargon', 'passive-voice', 'plain-language', 'uncommon-word', 'all-caps']) expect(rules).toContain(rule)
  })
})
