import {describe, expect, it} from 'vitest'
import {audit, type AuditReport} from '../../src/index.ts'
import {expectValidReport, sliceOf} from '../helpers.ts'

/** `rule@line` for each finding of these rules. */
function places(report: AuditReport, list: 'findings' | 'suppressed', ...rules: string[]): string[] {
  return report[list].filter((finding) => rules.includes(finding.ruleId)).map((finding) => `${finding.ruleId}@${finding.location.start.line}`)
}

describe('faircopy-disable-line', () => {
  it('covers the line its comment is on, in Markdown and HTML, and not the line after', async () => {
    const markdown = [
      '# Ferry',
      '',
      'The timetable was changed by the operator. <!-- faircopy-disable-line passive-voice -->',
      'The fares were raised by the board.',
      ''
    ].join('\n')
    const report = expectValidReport(await audit(markdown, {format: 'markdown'}))
    expect(places(report, 'suppressed', 'passive-voice')).toEqual(['passive-voice@3'])
    expect(places(report, 'findings', 'passive-voice')).toEqual(['passive-voice@4'])

    const html = '<main><h1>Ferry</h1>\n<p><img src="deck.png"> <!-- faircopy-disable-line image-alt --></p>\n<p><img src="hull.png"></p>\n</main>\n'
    const page = expectValidReport(await audit(html, {format: 'html'}))
    expect(places(page, 'suppressed', 'image-alt')).toEqual(['image-alt@2'])
    expect(places(page, 'findings', 'image-alt')).toEqual(['image-alt@3'])
  })

  it('takes a reason after " -- ", as ESLint does, without reading it as rule ids', async () => {
    const markdown = '# Ferry\n\n<!-- faircopy-disable-next-line passive-voice -- the operator is not known -->\nThe timetable was changed.\n'
    const report = await audit(markdown, {format: 'markdown'})
    expect(places(report, 'suppressed', 'passive-voice')).toEqual(['passive-voice@4'])
    expect(places(report, 'findings', 'unknown-suppression')).toEqual([])
    // A lone `--` at the end starts an empty reason; it is not a rule id either.
    const bare = await audit('# Ferry\n\n<!-- faircopy-disable-next-line passive-voice -- -->\nThe timetable was changed.\n', {format: 'markdown'})
    expect(places(bare, 'suppressed', 'passive-voice')).toEqual(['passive-voice@4'])
    expect(places(bare, 'findings', 'unknown-suppression')).toEqual([])
  })
})

describe('unknown-suppression', () => {
  it('warns of a comment naming a rule that does not exist, at the comment, with the rule it was likely meant to be', async () => {
    const markdown = '# Ferry\n\n<!-- faircopy-disable passiv-voice -->\nThe timetable was changed by the operator.\n'
    const report = expectValidReport(await audit(markdown, {format: 'markdown'}))
    const [unknown, ...more] = report.findings.filter((finding) => finding.ruleId === 'unknown-suppression')
    expect(more).toEqual([])
    expect(unknown).toMatchObject({
      severity: 'warning',
      category: 'input',
      excerpt: '<!-- faircopy-disable passiv-voice -->',
      location: {start: {line: 3, column: 1}, end: {line: 3, column: 39}},
      suggestions: ['passive-voice']
    })
    expect(sliceOf(markdown, unknown!)).toBe(unknown!.excerpt)
    expect(unknown!.message).toContain('did you mean "passive-voice"?')
    // The typo switched nothing off: the passive sentence is still reported.
    expect(places(report, 'findings', 'passive-voice')).toEqual(['passive-voice@4'])
  })

  it('knows axe-core’s rule ids and the user’s own rules, and can be switched off itself', async () => {
    const markdown = '# Ferry\n\n<!-- faircopy-disable-next-line image-alt color-contrast -->\n<img src="deck.png">\n'
    expect(places(await audit(markdown, {format: 'markdown'}), 'findings', 'unknown-suppression')).toEqual([])
    const typo = '# Ferry\n\n<!-- faircopy-disable imgae-alt -->\n'
    expect(places(await audit(typo, {format: 'markdown'}), 'findings', 'unknown-suppression')).toEqual(['unknown-suppression@3'])
    expect(places(await audit(typo, {format: 'markdown', rules: {'unknown-suppression': 'off'}}), 'findings', 'unknown-suppression')).toEqual([])
  })
})

describe('unused-suppression', () => {
  const markdown = [
    '# Ferry',
    '',
    '<!-- faircopy-disable-next-line passive-voice -->',
    'The timetable was changed by the operator.',
    '',
    '<!-- faircopy-disable-next-line passive-voice -->',
    'The operator changed the timetable.',
    '',
    '<!-- faircopy-disable-next-line passive-voice, image-alt -->',
    'The fares were raised by the board.',
    '',
    '<!-- faircopy-disable -->',
    '<!-- faircopy-enable -->',
    ''
  ].join('\n')

  it('is off unless asked for', async () => {
    expect(places(await audit(markdown, {format: 'markdown'}), 'findings', 'unused-suppression')).toEqual([])
  })

  it('reports each comment, and each rule of a comment, that switched nothing off', async () => {
    const report = expectValidReport(await audit(markdown, {format: 'markdown', rules: {'unused-suppression': 'warn'}}))
    const unused = report.findings.filter((finding) => finding.ruleId === 'unused-suppression')
    expect(unused.map((finding) => [finding.location.start.line, finding.severity, finding.excerpt])).toEqual([
      [6, 'warning', '<!-- faircopy-disable-next-line passive-voice -->'],
      [9, 'warning', '<!-- faircopy-disable-next-line passive-voice, image-alt -->'],
      [12, 'warning', '<!-- faircopy-disable -->']
    ])
    expect(unused[1]!.message).toContain('image-alt')
    expect(unused[2]!.message).toContain('every rule')
    expect(places(report, 'suppressed', 'passive-voice')).toEqual(['passive-voice@4', 'passive-voice@10'])
    // The findings stay in document order with the new ones among them.
    const offsets = report.findings.map((finding) => finding.location.start.offset)
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b))
  })
})
