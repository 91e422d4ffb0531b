import {describe, expect, it} from 'vitest'
import {runCli} from '../../src/cli/run.ts'
import type {AuditReport} from '../../src/index.ts'
import {expectValidReport, fixture} from '../helpers.ts'

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {stdout: (text) => (stdout += text), stderr: (text) => (stderr += text)})
  return {code, stdout, stderr}
}

describe('faircopy CLI', () => {
  it('exits 1 when the gate fails, and prints findings as line:column severity message rule', async () => {
    const {code, stdout} = await cli(fixture('fragment.html'))
    expect(code).toBe(1)
    expect(stdout).toContain('  3:22  error    Images must have alternative text.  image-alt\n')
    expect(stdout).toMatch(/1 file: 3 errors, 1 warning, 0 infos\n$/)
  })

  it('exits 0 when the gate passes', async () => {
    const {code} = await cli('--fail-on', 'never', fixture('fragment.html'))
    expect(code).toBe(0)
  })

  it('reports a bad file as an entry, still audits the others, and exits 2', async () => {
    const {code, stdout} = await cli('--reporter', 'json', fixture('missing.md'), fixture('prose.txt'))
    expect(code).toBe(2)
    const run = JSON.parse(stdout) as {files: AuditReport[]; errors: Array<{code: string}>; summary: {unaudited: number}}
    for (const report of run.files) expectValidReport(report)
    expect(run.files.map((file) => file.source.path)).toEqual([fixture('prose.txt')])
    expect(run.errors).toEqual([{path: fixture('missing.md'), code: 'E_INPUT_MISSING', message: `${fixture('missing.md')} does not exist.`}])
    expect(run.summary.unaudited).toBe(1)
  })

  it.each([
    [['--reporter', 'yaml', 'a.md'], /unknown reporter "yaml"/],
    [['--max-grade', 'high', 'a.md'], /Invalid options at maxGrade/],
    [['--bogus', 'a.md'], /Unknown option '--bogus'/],
    [[], /no files given/]
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const {code, stderr, stdout} = await cli(...argv)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).not.toMatch(/\n\s+at /)
  })
})
