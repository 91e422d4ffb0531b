import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, type CliIo} from '../../src/cli/run.ts'

const broken = '# Tides\n\nThe tide turns twice a day.\n\n<img src="tide.png">\n'

/** Runs the CLI in this process over one article, with the environment and terminal given. */
async function runOn(args: string[], env: Record<string, string>, stdoutIsTTY: boolean) {
  const cwd = mkdtempSync(join(tmpdir(), 'faircopy-run-'))
  writeFileSync(join(cwd, 'tides.md'), broken)
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    cwd,
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY,
    progress: {isTTY: false, write: () => true}
  }
  const code = await runCli([...args, '--jobs', '1', 'tides.md'], io)
  return {code, stdout, stderr, cwd}
}

const escape = '\u001B['

describe('the text reporter in a terminal', () => {
  it('colours severities on a colour terminal, and off a terminal when FORCE_COLOR asks', async () => {
    const {code, stdout} = await runOn([], {TERM: 'xterm-256color'}, true)
    expect(code).toBe(1)
    expect(stdout).toContain(`${escape}31merror`)
    expect((await runOn([], {FORCE_COLOR: '1'}, false)).stdout).toContain(`${escape}31merror`)
  })

  it('has no colour when NO_COLOR is set, FORCE_COLOR is 0, TERM is dumb, off a terminal, or writing to --output', async () => {
    expect((await runOn([], {NO_COLOR: '1', TERM: 'xterm-256color'}, true)).stdout).not.toContain(escape)
    expect((await runOn([], {FORCE_COLOR: '0', TERM: 'xterm-256color'}, true)).stdout).not.toContain(escape)
    expect((await runOn([], {TERM: 'dumb'}, true)).stdout).not.toContain(escape)
    expect((await runOn([], {TERM: 'xterm-256color'}, false)).stdout).not.toContain(escape)
    const written = await runOn(['--output', 'out/report.txt'], {TERM: 'xterm-256color'}, true)
    expect(written.stdout).toBe('')
    const file = readFileSync(join(written.cwd, 'out/report.txt'), 'utf8')
    expect(file).toContain('5:1  error')
    expect(file).not.toContain(escape)
  })
})

describe('the github reporter', () => {
  it('annotates on stdout and appends a job summary to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'faircopy-summary-')), 'summary.md')
    writeFileSync(summary, '## an earlier step\n\n')
    const {code, stdout} = await runOn(['--reporter', 'github'], {GITHUB_STEP_SUMMARY: summary}, false)
    expect(code).toBe(1)
    expect(stdout).toMatch(/^::error file=tides\.md,line=5,col=1,endLine=5,endColumn=\d+,title=image-alt::/m)
    const written = readFileSync(summary, 'utf8')
    expect(written.startsWith('## an earlier step\n\n## faircopy: ❌ failed\n')).toBe(true)
    expect(written).toContain('| tides.md |')
  })

  it('writes no job summary for other reporters', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'faircopy-summary-')), 'summary.md')
    writeFileSync(summary, '')
    await runOn(['--reporter', 'json'], {GITHUB_STEP_SUMMARY: summary}, false)
    expect(readFileSync(summary, 'utf8')).toBe('')
  })
})
