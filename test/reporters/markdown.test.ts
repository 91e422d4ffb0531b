import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {escapeMarkdown, toMarkdown} from '../../src/reporters/markdown.ts'
import {relativePath} from '../../src/paths.ts'
import type {RunResult} from '../../src/reporters/types.ts'
import {cwd, entry, missing} from './entries.ts'
import type {AuditReport} from '../../src/index.ts'
import {auditFile, fixture} from '../helpers.ts'


let positions: AuditReport
let prose: AuditReport

beforeAll(async () => {
  positions = await auditFile(fixture('positions.md'))
  prose = await auditFile(fixture('prose.txt'), {rules: {'uncommon-word': 'info'}})
})

function row(path: string, report: AuditReport, result: string): string {
  const {readability, passiveVoice, summary} = report
  return `| ${path} | ${readability.gradeLevel} / ${readability.targetGrade} | ${passiveVoice.percent}% | ${summary.errors} | ${summary.warnings} | ${summary.infos} | ${result} |`
}

describe('toMarkdown', () => {
  it('writes the verdict, a row per file, then the findings of each failing file', () => {
    const run: RunResult = {cwd, passed: false, entries: [entry(positions), entry(prose), missing]}
    expect(positions.summary.passed).toBe(false)
    expect(prose.summary.passed).toBe(true)
    expect(toMarkdown(run)).toBe(
      [
        '### faircopy: ❌ failed',
        '',
        '| file | grade / target | passive | errors | warnings | infos | result |',
        '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
        row('fixtures/positions.md', positions, '❌ failed'),
        row('fixtures/prose.txt', prose, '✅ passed'),
        '| missing.md | – | – | – | – | – | ⚠️ not audited |',
        '',
        `Accessibility by axe-core ${positions.accessibility.axeVersion} in jsdom.`,
        '',
        '#### fixtures/positions.md',
        '',
        '- **10:1** Images must have alternative text. `image-alt`',
        '- **12:37** Images must have alternative text. `image-alt`',
        '- **14:10** Links must have discernible text. `link-name`',
        '- **17:1** Form elements must have labels. `label`',
        '- **19:1** Heading levels should only increase by one. `heading-order`',
        '',
        '#### missing.md',
        '',
        '- missing.md does not exist. `E_INPUT_MISSING`',
        ''
      ].join('\n')
    )
  })

  it('has no sections when every file passes', () => {
    const run: RunResult = {cwd, passed: true, entries: [entry(prose)]}
    expect(toMarkdown(run)).toBe(
      [
        '### faircopy: ✅ passed',
        '',
        '| file | grade / target | passive | errors | warnings | infos | result |',
        '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
        row('fixtures/prose.txt', prose, '✅ passed'),
        '',
        `Accessibility by axe-core ${prose.accessibility.axeVersion} in jsdom.`,
        ''
      ].join('\n')
    )
  })

  it('names every engine the reports were judged by', () => {
    const browser = {...prose, accessibility: {...prose.accessibility, engine: 'chromium' as const}}
    const run: RunResult = {cwd, passed: true, entries: [entry(prose), entry(browser)]}
    expect(toMarkdown(run)).toContain(`Accessibility by axe-core ${prose.accessibility.axeVersion} in jsdom and axe-core ${prose.accessibility.axeVersion} in Chromium.`)
  })

  it('lists at most 10 findings, errors first, then warnings, then infos, each in source order', () => {
    const run: RunResult = {cwd, passed: false, entries: [entry(prose, {passed: false, failures: ['2 findings at warning or above']})]}
    const section = toMarkdown(run).split('#### fixtures/prose.txt\n\n')[1]
    expect(prose.findings).toHaveLength(12)
    expect(section).toBe(
      [
        '- **1:1** The article reads at grade 14.77, above its target of grade 9: shorten sentences and prefer shorter words. `reading-level`',
        '- **9:1** Very hard to read: this sentence reads above grade 20 (target 9): 15 of its 22 words are long. Use shorter words, or split it. `very-hard-sentence`',
        '- **3:15** “was broken” is passive voice: start with who acted, “the storm”. `passive-voice`',
        '- **4:19** Use “use” instead of “utilize”. `plain-language`',
        '- **4:37** “slipway” is not a common word: use a more familiar one, or explain it. `uncommon-word`',
        '- **6:1** Use “before” instead of “Prior to”. `plain-language`',
        '- **7:10** “were forgotten” is passive voice: say who did it. `passive-voice`',
        '- **9:1** Use “despite” or “in spite of” or “still” instead of “Notwithstanding”. `plain-language`',
        '- **9:30** “organizational” is not a common word: use a more familiar one, or explain it. `uncommon-word`',
        '- **9:88** Use “after” or “later” or “then” instead of “subsequently”. `plain-language`',
        '- … and 2 more',
        ''
      ].join('\n')
    )
  })

  it('leaves baselined findings out of a failing file’s list', () => {
    const imageAlt = positions.findings.filter((finding) => finding.ruleId === 'image-alt').map((finding) => finding.fingerprint)
    const run: RunResult = {cwd, passed: false, entries: [entry(positions, {known: imageAlt})]}
    const section = toMarkdown(run).split('#### fixtures/positions.md\n\n')[1]
    expect(imageAlt).toHaveLength(2)
    expect(section).toBe(
      [
        '- **14:10** Links must have discernible text. `link-name`',
        '- **17:1** Form elements must have labels. `label`',
        '- **19:1** Heading levels should only increase by one. `heading-order`',
        ''
      ].join('\n')
    )
  })

  it('escapes article text so that it cannot inject HTML or break the table', () => {
    const [first] = positions.findings
    if (first === undefined) throw new Error('positions.md has findings')
    const hostile = 'Alt <img src=x onerror=alert(1)> | `code` *bold* [link](http://x) &amp;\nnext line'
    const report: AuditReport = {...positions, findings: [{...first, message: hostile, excerpt: hostile}]}
    const path = join(cwd, 'a|b<i>.md')
    const run: RunResult = {cwd, passed: false, entries: [{path, report, passed: false, failures: [], known: []}]}
    const output = toMarkdown(run)
    const escaped = 'Alt &lt;img src=x onerror=alert(1)&gt; \\| \\`code\\` \\*bold\\* \\[link\\](http://x) &amp;amp; next line'
    expect(output).toContain(`\n| a\\|b&lt;i&gt;.md | ${positions.readability.gradeLevel} / `)
    expect(output).toContain(`\n#### a\\|b&lt;i&gt;.md\n\n- **10:1** ${escaped} \`image-alt\`\n`)
    expect(output).not.toMatch(/<img|<i>/)
    for (const line of output.split('\n').filter((text) => text.startsWith('| '))) {
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(9)
    }
  })

  it('escapes each Markdown and HTML special character', () => {
    expect(escapeMarkdown('a<b>c&d|e`f*g_h[i]j~k\\l\r\nm')).toBe('a&lt;b&gt;c&amp;d\\|e\\`f\\*g\\_h\\[i\\]j\\~k\\\\l m')
  })

  it('names files relative to the run’s working directory, with forward slashes', () => {
    expect(relativePath('/repo', '/repo/posts/pool.md')).toBe('posts/pool.md')
    expect(relativePath('/repo', 'posts/pool.md')).toBe('posts/pool.md')
    expect(relativePath('/repo/site', '/repo/posts/pool.md')).toBe('../posts/pool.md')
  })
})
