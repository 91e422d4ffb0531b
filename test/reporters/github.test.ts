import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {annotationsShownPerLevel, escapeData, escapeProperty, toGithub, toGithubSummary} from '../../src/reporters/github.ts'
import type {AuditedEntry, FailedEntry, RunResult} from '../../src/reporters/types.ts'
import {cwd, entry, missing} from './entries.ts'
import type {AuditReport} from '../../src/index.ts'
import {audit, auditFile, fixture} from '../helpers.ts'

const workflowCommand = /^::(error|warning|notice)( [a-zA-Z]+=[^,:]*(,[a-zA-Z]+=[^,:]*)*)?::.*$/

let positions: AuditReport
let prose: AuditReport
/** An article with eleven images without alternative text: eleven error annotations, one more than GitHub shows. */
let gallery: AuditReport

beforeAll(async () => {
  positions = await auditFile(fixture('positions.md'))
  prose = await auditFile(fixture('prose.txt'))
  const images = Array.from({length: 11}, (_, index) => `<img src="pier-${index + 1}.png">\n`).join('\n')
  gallery = await audit(`# The pier\n\n${images}\nThe pier was broken by the storm.\n`, {format: 'markdown', path: join(cwd, 'gallery, 100%.md')})
})

function lines(output: string): string[] {
  expect(output.endsWith('\n')).toBe(true)
  return output.slice(0, -1).split('\n')
}

describe('toGithub', () => {
  it('writes one annotation per finding, at its place, and an error for a file that could not be audited', () => {
    const run: RunResult = {cwd, passed: false, entries: [entry(positions), missing]}
    expect(toGithub(run)).toBe(
      [
        '::error file=fixtures/positions.md,line=10,col=1,endLine=10,endColumn=25,title=image-alt::Images must have alternative text.',
        '::error file=fixtures/positions.md,line=12,col=37,endLine=12,endColumn=63,title=image-alt::Images must have alternative text.',
        '::error file=fixtures/positions.md,line=14,col=10,endLine=14,endColumn=39,title=link-name::Links must have discernible text.',
        '::error file=fixtures/positions.md,line=17,col=1,endLine=17,endColumn=20,title=label::Form elements must have labels.',
        '::warning file=fixtures/positions.md,line=19,col=1,endLine=19,endColumn=13,title=heading-order::Heading levels should only increase by one.',
        '::error file=missing.md::missing.md does not exist.',
        ''
      ].join('\n')
    )
  })

  it('turns infos into notices and baselined findings into notices titled (baseline)', () => {
    const [first] = positions.findings
    if (first === undefined) throw new Error('positions.md has findings')
    const run: RunResult = {cwd, passed: false, entries: [entry(positions, {known: [first.fingerprint]}), entry(prose)]}
    const output = lines(toGithub(run))
    expect(output[0]).toBe(
      '::notice file=fixtures/positions.md,line=10,col=1,endLine=10,endColumn=25,title=image-alt (baseline)::Images must have alternative text.'
    )
    expect(output[1]).toMatch(/^::error file=fixtures\/positions\.md,line=12,/)
    expect(output).toContain('::notice file=fixtures/prose.txt,line=4,col=19,endLine=4,endColumn=26,title=plain-language::Use “use” instead of “utilize”.')
    expect(output.filter((line) => line.startsWith('::notice file=fixtures/prose.txt'))).toHaveLength(prose.summary.infos)
    expect(output.filter((line) => line.startsWith('::warning file=fixtures/prose.txt'))).toHaveLength(prose.summary.warnings)
  })

  it('escapes data and properties exactly, so that every line is one workflow command', () => {
    const [first] = positions.findings
    if (first === undefined) throw new Error('positions.md has findings')
    const message = '100% sure:\r\nline two, with a comma\nline three %0A'
    const report: AuditReport = {...positions, findings: [{...first, ruleId: 'rule:one,two', message}]}
    const odd: AuditedEntry = {path: join(cwd, 'dir:x', 'a,b%c.md'), report, passed: false, failures: [], known: []}
    const failed: FailedEntry = {path: 'x:y,z.md', error: {code: 'E_INPUT_UNREADABLE', message: 'x:y,z.md: no access\n(EACCES)'}}
    const output = toGithub({cwd, passed: false, entries: [odd, failed]})
    expect(output).toBe(
      [
        '::error file=dir%3Ax/a%2Cb%25c.md,line=10,col=1,endLine=10,endColumn=25,title=rule%3Aone%2Ctwo::100%25 sure:%0D%0Aline two, with a comma%0Aline three %250A',
        '::error file=x%3Ay%2Cz.md::x:y,z.md: no access%0A(EACCES)',
        ''
      ].join('\n')
    )
    for (const line of lines(output)) expect(line).toMatch(workflowCommand)
  })

  it('writes nothing but workflow commands for a real run', () => {
    const run: RunResult = {cwd, passed: false, entries: [entry(positions), entry(prose), missing]}
    const output = lines(toGithub(run))
    expect(output).toHaveLength(positions.findings.length + prose.findings.length + 1)
    for (const line of output) expect(line).toMatch(workflowCommand)
  })

  it('escapes as the Actions toolkit does', () => {
    expect(escapeData('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad:e,f')
    expect(escapeProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf')
  })

  it('writes nothing when there is nothing to annotate', () => {
    expect(toGithub({cwd, passed: true, entries: []})).toBe('')
  })
})

describe('toGithub, past the number of annotations GitHub shows', () => {
  const limitNotice =
    '::notice title=faircopy%3A more annotations than GitHub shows::faircopy wrote 12 annotations (11 errors, 0 warnings, 1 notice), ' +
    "more than GitHub shows: only the first 10 of each level per step, and 50 per job. Every one is in this step's log. " +
    "For the full list, upload a SARIF report (--format sarif) to code scanning, or read the job summary (the markdown reporter: each file's verdict and its top findings)."

  it('starts with one notice that counts the annotations and points to SARIF and the job summary', () => {
    expect(gallery.summary).toMatchObject({errors: 11, warnings: 0, infos: 1})
    const output = lines(toGithub({cwd, passed: false, entries: [entry(gallery)]}))
    expect(output[0]).toBe(limitNotice)
    expect(output).toHaveLength(1 + gallery.findings.length)
    expect(output.filter((line) => line.startsWith('::notice title=faircopy'))).toHaveLength(1)
    // The findings' own annotations follow, all of them, with the file name escaped as before.
    expect(output.filter((line) => line.startsWith('::error file=gallery%2C 100%25.md,'))).toHaveLength(11)
    expect(output[1]).toBe('::error file=gallery%2C 100%25.md,line=3,col=1,endLine=3,endColumn=23,title=image-alt::Images must have alternative text.')
    for (const line of output) expect(line).toMatch(workflowCommand)
  })

  it('writes no such notice when every level stays within what GitHub shows', () => {
    const errors = gallery.findings.filter((finding) => finding.severity === 'error')
    const ten: AuditReport = {...gallery, findings: errors.slice(0, annotationsShownPerLevel)}
    const output = lines(toGithub({cwd, passed: false, entries: [entry(ten)]}))
    expect(output).toHaveLength(annotationsShownPerLevel)
    expect(output.every((line) => line.startsWith('::error file='))).toBe(true)
  })

  it('counts a level across files and failed files, and counts baselined findings as notices', () => {
    const errors = gallery.findings.filter((finding) => finding.severity === 'error')
    const six: AuditReport = {...gallery, findings: errors.slice(0, 6)}
    const four: AuditReport = {...positions, findings: positions.findings.filter((finding) => finding.severity === 'error')}
    expect(four.findings).toHaveLength(4)
    // 6 + 4 errors and one file that could not be audited: 11 errors.
    const over = lines(toGithub({cwd, passed: false, entries: [entry(six), entry(four), missing]}))
    expect(over[0]).toMatch(/^::notice title=faircopy%3A more annotations than GitHub shows::faircopy wrote 11 annotations \(11 errors, 0 warnings, 0 notices\), /)
    // The same findings, all in the baseline: eleven notices, no errors, and still more than GitHub shows.
    const known = lines(toGithub({cwd, passed: true, entries: [entry(gallery, {known: gallery.findings.map((finding) => finding.fingerprint)})]}))
    expect(known[0]).toMatch(/ wrote 12 annotations \(0 errors, 0 warnings, 12 notices\), /)
    expect(known.slice(1).every((line) => line.startsWith('::notice file='))).toBe(true)
    // Without the file that could not be audited: ten errors, as many as GitHub shows, and no notice.
    expect(lines(toGithub({cwd, passed: false, entries: [entry(six), entry(four)]}))[0]).toMatch(/^::error file=/)
  })
})

describe('toGithubSummary', () => {
  it('writes a job summary: verdict, table, the findings of failing files', () => {
    const run: RunResult = {cwd, passed: false, entries: [entry(positions), entry(prose), missing]}
    const summary = toGithubSummary(run)
    expect(summary.startsWith('## faircopy: ❌ failed\n\n| file | grade / target | passive | errors | warnings | infos | result |\n')).toBe(true)
    expect(summary).toContain('\n| fixtures/prose.txt | ')
    expect(summary).toContain('\n### fixtures/positions.md\n\n- **10:1** Images must have alternative text. `image-alt`\n')
    expect(summary).toContain('\n### missing.md\n\n- missing.md does not exist. `E_INPUT_MISSING`\n')
    expect(summary).not.toContain('### fixtures/prose.txt')
  })
})
