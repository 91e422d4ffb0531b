import {describe, expect, it} from 'vitest'
import {audit} from '../helpers.ts'

describe('the WCAG table', () => {
  it('maps every kind of finding to its criterion, over both engines', async () => {
    const source = [
      '# Harbour',
      '',
      'The RNLI boat was launched. The linchpin of the rescue plan held.',
      '',
      'Read the tide tables [here](https://example.org/tides).',
      '',
      '![](boats.jpg) <img src="crane.png">',
      ''
    ].join('\n')
    // uncommon-word is off by default; on, its info findings make 3.1.3 a question for a person.
    const report = await audit(source, {format: 'markdown', rules: {'uncommon-word': 'info'}})
    const row = (id: string) => report.wcag.find((entry) => entry.id === id)
    const prints = (...rules: string[]) => report.findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => finding.fingerprint)
    expect(row('3.1.4')).toEqual({id: '3.1.4', name: 'Abbreviations', level: 'AAA', status: 'failed', findings: prints('undefined-acronym')})
    expect(row('3.1.3')).toMatchObject({name: 'Unusual Words', status: 'cannot-tell', findings: prints('uncommon-word')})
    expect(row('2.4.4')).toMatchObject({name: 'Link Purpose (In Context)', level: 'A', status: 'failed', findings: prints('link-text')})
    expect(row('1.1.1')?.status).toBe('failed')
    expect(row('1.1.1')?.findings.sort()).toEqual(prints('image-alt', 'image-alt-empty').sort())
    expect(row('3.1.5')).toMatchObject({name: 'Reading Level', status: 'passed', findings: []})
  })

  it('says a criterion passed when the checks that decide it found nothing', async () => {
    const report = await audit('# Harbour\n\nBoats rest in the bay. The sea is calm.\n', {format: 'markdown'})
    const statuses = Object.fromEntries(report.wcag.map((row) => [row.id, row.status]))
    expect(statuses).toMatchObject({'1.1.1': 'passed', '2.4.4': 'passed', '3.1.1': 'passed', '3.1.3': 'passed', '3.1.4': 'passed', '3.1.5': 'passed', '1.4.3': 'cannot-tell'})
  })

  it('decides a criterion of faircopy’s only when a rule that bears on it ran', async () => {
    const source = '# Harbour\n\nBoats rest in the bay. The sea is calm.\n'
    const status = async (rules: Record<string, 'off'>) => (await audit(source, {format: 'markdown', rules})).wcag.find((row) => row.id === '3.1.5')?.status
    expect(await status({})).toBe('passed')
    expect(await status({'hard-sentence': 'off', 'very-hard-sentence': 'off'})).toBe('passed')
    expect(await status({'reading-level': 'off', 'hard-sentence': 'off', 'very-hard-sentence': 'off'})).toBeUndefined()
  })
})
