import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const script = join(root, 'examples', 'audit-article.ts')
// `npm run example` runs the script through tsx; from another folder, tsx is named by its path.
const tsx = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

function example(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', tsx, script, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const draft = [
  '# Ferry timetable',
  '',
  'The winter timetable was approved by the harbour board last week, and the first boat now leaves at seven.',
  '',
  'Prior to the change, the DWT asked riders to leverage the early boats.',
  '',
  '<img src="ferry.png">',
  ''
].join('\n')

describe('the editors’ example (npm run example)', () => {
  it('summarises a draft, writes FILE.faircopy.html beside it, and exits with the gate’s code', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faircopy-example-'))
    writeFileSync(join(cwd, 'ferry.md'), draft)
    const {code, stdout, stderr} = example(cwd, ['ferry.md'])
    expect(stderr).toBe('')
    // The image without alt text is an error: the gate fails, as the CLI's would.
    expect(code).toBe(1)
    expect(stdout).toContain('Verdict: fails the gate')
    expect(stdout).toMatch(/^Ferry timetable {2}\(ferry\.md, markdown\)\n\nReading grade [\d.]+, (above|within) the target of 9\./)
    expect(stdout).toContain('The hardest sentences\n  1. line 3, grade')
    expect(stdout).toContain('  line 3    “was approved” is passive voice: start with who acted, “the harbour board”.')
    expect(stdout).toContain('  line 5    “Prior to” → before')
    expect(stdout).toContain('Acronyms to spell out\n  line 5    DWT')
    expect(stdout).toContain('Accessibility problems\n  line 7    error   Images must have alternative text. (image-alt)')
    expect(stdout.trimEnd().endsWith('The HTML report, with every finding painted into the article: ferry.md.faircopy.html')).toBe(true)
    const html = readFileSync(join(cwd, 'ferry.md.faircopy.html'), 'utf8')
    expect(html).toContain('data-rule="passive-voice"')
    expect(html).toContain('<title>faircopy report: Ferry timetable</title>')
  })

  it('exits 0 for a draft that passes, and quotes the finding’s own advice where it has no replacement words', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faircopy-example-'))
    writeFileSync(join(cwd, 'calm.md'), '# Calm water\n\nIt is clear that the ferry runs on time in calm water.\n')
    const {code, stdout} = example(cwd, ['calm.md'])
    expect(code).toBe(0)
    expect(stdout).toContain('Verdict: passes the gate.')
    const wordy = stdout.split('\n').find((line) => line.includes('“It is clear that”') || line.includes('“It is”'))
    expect(wordy, stdout).toBeDefined()
    expect(wordy).not.toContain('explain it')
    expect(wordy).toMatch(/”: \S/)
  })

  it('writes to --out, and audits its own sample article without a path', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faircopy-example-'))
    const out = join(cwd, 'sample.html')
    const {code, stdout} = example(root, ['--out', out])
    // The sample fails its gate on purpose; the demonstration itself succeeds, and says so.
    expect(code).toBe(0)
    expect(stdout).toContain('Verdict: fails the gate')
    expect(stdout).toContain('The sample article fails on purpose.')
    expect(stdout.startsWith('The town pool reopens after a long winter  (examples/sample-article.md, markdown)')).toBe(true)
    expect(existsSync(out)).toBe(true)
  })

  it('says what is wrong with a missing file in one line, with exit code 2', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'faircopy-example-'))
    expect(example(cwd, ['nowhere.md'])).toEqual({code: 2, stdout: '', stderr: 'faircopy: nowhere.md does not exist.\n'})
  })
})
