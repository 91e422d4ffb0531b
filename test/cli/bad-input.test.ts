import {execFile, execFileSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {AuditReport} from '../../src/index.ts'
import {expectValidReport} from '../helpers.ts'

// Every bad input of the reliability issue, through the built bin: each ends in a report or one clear error
// for that file, with the exit code the README documents, never a stack trace, a hang or a crash.
const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))
const good = '# Tides\n\nThe tide turns twice a day.\n'

interface Outcome {
  readonly code: number
  readonly stderr: string
  readonly files: AuditReport[]
  readonly errors: Array<{path: string; code: string; message: string}>
}

/** A folder anyone may read, holding `good.md` and the files given. */
function folder(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'faircopy-bad-'))
  chmodSync(root, 0o755)
  writeFileSync(join(root, 'good.md'), good)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), {recursive: true})
    writeFileSync(join(root, name), content)
  }
  return root
}

function faircopy(cwd: string, args: string[], options: {asNobody?: boolean} = {}): Promise<Outcome> {
  const command = options.asNobody ? 'setpriv' : process.execPath
  const argv = [...(options.asNobody ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : []), bin, '--reporter', 'json', '--jobs', '1', ...args]
  return new Promise((resolve) => {
    execFile(command, argv, {cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024}, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0
      const run = stdout.trim() === '' ? {files: [], errors: []} : (JSON.parse(stdout) as {files: AuditReport[]; errors: Outcome['errors']})
      for (const report of run.files) expectValidReport(report)
      resolve({code, stderr, files: run.files, errors: run.errors})
    })
  })
}

/** The run must still have audited good.md, and must say nothing on stderr (no stack trace, no warning). */
function expectGoodAudited(outcome: Outcome): void {
  expect(outcome.files.map((report) => report.source.path)).toContain('good.md')
  expect(outcome.stderr).toBe('')
}

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])
const jpegWithoutNul = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x01, 0x01, 0x48, 0x48])

describe('a file that cannot be audited is one clear error, exit code 2, and the other files are still audited', () => {
  const cases = [
    ['missing file', {}, 'missing.md', 'E_INPUT_MISSING', 'missing.md does not exist.'],
    ['empty file', {'empty.md': ''}, 'empty.md', 'E_INPUT_EMPTY', 'empty.md is empty: there is nothing to audit.'],
    ['whitespace-only file', {'blank.txt': ' \n\t\r\n  \n'}, 'blank.txt', 'E_INPUT_EMPTY', 'blank.txt is empty: there is nothing to audit.'],
    ['image bytes', {'photo.md': png}, 'photo.md', 'E_INPUT_BINARY', 'photo.md looks like a binary file (it starts like an image, PDF, archive or program), not an article.'],
    ['image bytes without a NUL', {'photo.txt': jpegWithoutNul}, 'photo.txt', 'E_INPUT_BINARY', 'photo.txt looks like a binary file (it starts like an image, PDF, archive or program), not an article.'],
    ['NUL bytes in text', {'nul.md': 'The tide\u0000 turns.'}, 'nul.md', 'E_INPUT_BINARY', 'nul.md looks like a binary file (it contains NUL bytes), not an article.'],
    ['control bytes that are no encoding of text', {'noise.txt': Uint8Array.from([0x41, 0xff, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x0e, 0x0f, 0x10])}, 'noise.txt', 'E_INPUT_BINARY', 'noise.txt looks like a binary file (it is not text in any encoding faircopy reads), not an article.'],
    ['HTML nested 10,000 levels deep', {'deep.html': `${'<div>'.repeat(10_000)}The pier was painted.${'</div>'.repeat(10_000)}`}, 'deep.html', 'E_INPUT_TOO_COMPLEX', 'deep.html is nested too deeply to audit (its markup overflows the parser\'s stack).'],
    ['HTML with 100,000 elements', {'many.html': '<p>Word.</p>'.repeat(100_000)}, 'many.html', 'E_INPUT_TOO_COMPLEX', 'many.html has more than 20000 elements, more than faircopy audits at once (maxElements): split it.'],
    ['Markdown with 10,000 list levels', {'lists.md': `${'- '.repeat(10_000)}item\n`}, 'lists.md', 'E_INPUT_TOO_COMPLEX', 'lists.md opens more than 500 nested lists or quotes on one line, deeper than faircopy audits.'],
    ['Markdown with 10,000 quote levels', {'quotes.md': `${'>'.repeat(10_000)} The pier was painted.\n`}, 'quotes.md', 'E_INPUT_TOO_COMPLEX', 'quotes.md opens more than 500 nested lists or quotes on one line, deeper than faircopy audits.'],
    // Small but slow: each took a minute or more before it had a budget; now each is refused in well under a second.
    ['a paragraph of 50,000 unclosed links', {'links.md': `# Links\n\n${'[a](b'.repeat(50_000)}\n`}, 'links.md', 'E_INPUT_TOO_COMPLEX', 'links.md has a paragraph (line 3) with more than 10000 brackets, more than faircopy parses in reasonable time: split it.'],
    ['a Markdown table of 5,000 columns', {'wide.md': `# Wide\n\n|${' c |'.repeat(5000)}\n|${' --- |'.repeat(5000)}\n|${' v |'.repeat(5000)}\n`}, 'wide.md', 'E_INPUT_TOO_COMPLEX', "wide.md has a table row (line 5) of 5000 cells, more than the 1000 faircopy audits (axe-core's table rules take time that grows with the square of a row's cells): split the table."],
    ['an HTML table row of 2,000 cells', {'wide.html': `<h1>Wide</h1><table><tr>${'<td>v</td>'.repeat(2000)}</tr></table>`}, 'wide.html', 'E_INPUT_TOO_COMPLEX', "wide.html has a table row (line 1) of 2000 cells, more than the 1000 faircopy audits (axe-core's table rules take time that grows with the square of a row's cells): split the table."],
    ['an empty folder', {'drafts/notes.json': '{}'}, 'drafts', 'E_INPUT_MISSING', 'No articles (.md, .markdown, .mdx, .html, .htm, .txt) in the folder "drafts".']
  ] as const
  // All of them in one run of the bin, good.md last: each is its own error entry, and none stops the rest.
  let run: Promise<Outcome> | undefined
  const together = () => (run ??= faircopy(folder(Object.assign({}, ...cases.map(([, files]) => files)) as Record<string, string | Uint8Array>), [...cases.map(([, , argument]) => argument), 'good.md']))

  it('all in one run: exit code 2, one error entry each, in the order given, and good.md still audited', async () => {
    const outcome = await together()
    expect(outcome.code).toBe(2)
    expect(outcome.errors.map((error) => error.path)).toEqual(cases.map(([, , argument]) => argument))
    expectGoodAudited(outcome)
  })

  it.each(cases)('%s', async (_name, _files, argument, code, message) => {
    const outcome = await together()
    expect(outcome.errors.filter((error) => error.path === argument)).toEqual([{path: argument, code, message}])
  })

  it('a file over the size limit (config maxFileBytes), refused before it is read', async () => {
    const root = folder({'long.md': `# Long\n\n${'The tide turns. '.repeat(200)}\n`, 'faircopy.config.json': JSON.stringify({maxFileBytes: 1000})})
    const outcome = await faircopy(root, ['long.md', 'good.md'])
    expect(outcome.code).toBe(2)
    expect(outcome.errors).toEqual([{path: 'long.md', code: 'E_INPUT_TOO_LARGE', message: 'long.md is 3.1 KiB, over the limit of 1000 bytes (maxFileBytes).'}])
    expectGoodAudited(outcome)
  })

  it('a file faircopy may not read', async () => {
    const root = folder({'locked.md': good})
    chmodSync(join(root, 'locked.md'), 0o000)
    // As root every file is readable, so the run drops to the unprivileged user "nobody".
    const outcome = await faircopy(root, ['locked.md', 'good.md'], {asNobody: process.getuid?.() === 0})
    expect(outcome.code).toBe(2)
    expect(outcome.errors).toEqual([{path: 'locked.md', code: 'E_INPUT_UNREADABLE', message: 'locked.md cannot be read: permission denied.'}])
    expectGoodAudited(outcome)
  })

  it('a FIFO named as an article is refused without being opened, and the other files are audited', async () => {
    const root = folder({})
    execFileSync('mkfifo', [join(root, 'pipe.md')])
    const outcome = await faircopy(root, ['pipe.md', 'good.md'])
    expect(outcome.code).toBe(2)
    expect(outcome.errors).toEqual([{path: 'pipe.md', code: 'E_INPUT_UNREADABLE', message: 'pipe.md is not a regular file (a pipe, socket or device), so it is not read.'}])
    expectGoodAudited(outcome)
  })

  it('a file that takes longer than --timeout is stopped, its worker replaced, and the next file audited', async () => {
    // 15,000 paragraphs: axe-core alone needs well over ten seconds for them here, so three is always too few,
    // while good.md, even in the fresh worker that replaces the stopped one, needs a fraction of a second.
    const slow = `# Long\n\n${Array.from({length: 15_000}, (_, index) => `Paragraph ${index} was written by the harbour board.`).join('\n\n')}\n`
    const outcome = await faircopy(folder({'slow.md': slow}), ['--timeout', '3', 'slow.md', 'good.md'])
    expect(outcome.code).toBe(2)
    expect(outcome.errors).toEqual([{path: 'slow.md', code: 'E_TIMEOUT', message: 'slow.md took longer than 3 s and was stopped.'}])
    expectGoodAudited(outcome)
  })
})

describe('inputs that are odd but are articles end in a report', () => {
  it('Latin-1 (Windows-1252) text, read as such, with an encoding warning', async () => {
    const latin1 = Uint8Array.from([...Buffer.from('# Caf'), 0xe9, ...Buffer.from('\n\nThe caf'), 0xe9, ...Buffer.from(' was closed by the owner.\n')])
    const outcome = await faircopy(folder({'cafe.md': latin1}), ['cafe.md'])
    expect(outcome.code).toBe(0)
    const [report] = outcome.files
    expect(report?.source).toMatchObject({encoding: 'windows-1252', title: 'Café'})
    expect(report?.findings.map((finding) => [finding.ruleId, finding.severity, `${finding.location.start.line}:${finding.location.start.column}`, finding.excerpt])).toEqual([
      ['encoding', 'warning', '1:1', '# Café'],
      ['passive-voice', 'info', '3:10', 'was closed']
    ])
  })

  it('UTF-16 with a byte-order mark, little- and big-endian', async () => {
    const text = '# Tides\r\n\r\nThe pier was painted by the crew.\r\n'
    const little = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
    const big = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])
    const outcome = await faircopy(folder({'little.md': little, 'big.md': big}), ['little.md', 'big.md'])
    expect(outcome.code).toBe(0)
    expect(outcome.files.map((report) => [report.source.encoding, report.findings.filter((finding) => finding.ruleId === 'passive-voice').map((finding) => `${finding.location.start.line}:${finding.location.start.column} ${finding.excerpt}`)])).toEqual([
      ['utf-16le', ['3:10 was painted']],
      ['utf-16be', ['3:10 was painted']]
    ])
  })

  it('pathological emphasis, a sentence of 50,000 words and text with no sentence end', async () => {
    const words = Array.from({length: 50_000}, (_, index) => ['the', 'pier', 'and', 'the', 'boats', 'wait'][index % 6]).join(' ')
    const root = folder({'emphasis.md': `${'*a **b '.repeat(20_000)}end\n`, 'sentence.txt': `${words}.\n`, 'endless.txt': 'the tide turns and the boats wait and the gulls follow them out'})
    const outcome = await faircopy(root, ['emphasis.md', 'sentence.txt', 'endless.txt'])
    expect(outcome.code).toBe(0)
    expect(outcome.errors).toEqual([])
    const [emphasis, sentence, endless] = outcome.files
    expect(emphasis?.readability.words).toBeGreaterThan(30_000)
    expect(sentence?.readability).toMatchObject({sentences: 1, words: 50_000, longestSentenceWords: 50_000})
    expect(sentence?.findings.filter((finding) => finding.ruleId === 'very-hard-sentence' || finding.ruleId === 'hard-sentence')).toHaveLength(1)
    expect(endless?.readability).toMatchObject({sentences: 1, words: 13})
    expect(outcome.stderr).toBe('')
  })

  it('a glob over a symbolic link loop audits the real files once and ends', async () => {
    const root = folder({'posts/a.md': good})
    symlinkSync(join(root, 'posts'), join(root, 'posts', 'loop'))
    symlinkSync('self.md', join(root, 'posts', 'self.md'))
    const outcome = await faircopy(root, ['posts/**/*.md'])
    expect(outcome.code).toBe(0)
    expect(outcome.files.map((report) => report.source.path)).toEqual(['posts/a.md'])
  })
})
