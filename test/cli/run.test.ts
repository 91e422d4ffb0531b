import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, type CliIo} from '../../src/cli/run.ts'

const broken = '# Tides\n\nThe tide turns twice a day.\n\n<img src="tide.png">\n'

/** Runs the CLI in this process over one article, with the environment, terminal and other files given. */
async function runOn(args: string[], env: Record<string, string>, stdoutIsTTY: boolean, files: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'faircopy-run-'))
  writeFileSync(join(cwd, 'tides.md'), broken)
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, name)), {recursive: true})
    writeFileSync(join(cwd, name), content)
  }
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

describe('reporters by name', () => {
  // A reporter of one's own: the default export is a pure function of the run; `needs` asks for the article's text.
  const lines = `export const needs = {text: true}
export default (run) => run.entries.map((entry) => entry.path + ' ' + entry.report.findings.length + ' ' + entry.text.length).join('\\n') + '\\n'
`

  it('loads a reporter from a file, with what it says it needs', async () => {
    const {code, stdout, stderr} = await runOn(['--reporter', './reporters/lines.mjs'], {}, false, {'reporters/lines.mjs': lines})
    expect(stderr).toBe('')
    expect(code).toBe(1)
    expect(stdout).toBe(`tides.md 1 ${broken.length}\n`)
  })

  it('loads a package faircopy-reporter-NAME by NAME, or by its whole name', async () => {
    const files = {
      'node_modules/faircopy-reporter-lines/package.json': JSON.stringify({name: 'faircopy-reporter-lines', type: 'module', main: 'index.js'}),
      'node_modules/faircopy-reporter-lines/index.js': lines
    }
    for (const name of ['lines', 'faircopy-reporter-lines']) expect((await runOn(['--reporter', name], {}, false, files)).stdout).toBe(`tides.md 1 ${broken.length}\n`)
  })

  it('says which reporter it could not find, in one line', async () => {
    const {code, stdout, stderr} = await runOn(['--reporter', 'checkstyle'], {}, false)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('faircopy: unknown reporter "checkstyle": not one of text, json, sarif, junit, github, markdown, html, a file, or an installed package faircopy-reporter-checkstyle or checkstyle\n')
  })
})

describe('a JavaScript config with rules of its own', () => {
  const config = `const shout = {
  meta: {id: 'house/no-shout', category: 'style', defaultSeverity: 'warning', wcag: [], description: 'No exclamation marks.', helpUrl: 'https://example.org/no-shout', messages: {shout: 'Say it without “!”.'}},
  check(context) {
    for (const sentence of context.sentences) if (sentence.tokens.at(-1)?.text === '!') context.report({position: sentence.position, messageId: 'shout'})
  }
}
export default {customRules: [shout], rules: {'house/no-shout': 'error', 'image-alt': 'off'}}
`

  it('runs them beside faircopy’s, and validates rules against them', async () => {
    const files = {'faircopy.config.mjs': config, 'tides.md': '# Tides\n\nThe tide is high!\n'}
    const {code, stdout} = await runOn(['--config', 'faircopy.config.mjs', '--reporter', 'json'], {}, false, files)
    const run = JSON.parse(stdout) as {files: Array<{findings: Array<{ruleId: string; excerpt: string; severity: string}>}>}
    expect(run.files[0]?.findings.map((finding) => [finding.ruleId, finding.excerpt, finding.severity])).toEqual([['house/no-shout', 'The tide is high!', 'error']])
    expect(code).toBe(1)
    const typo = await runOn(['--config', 'faircopy.config.mjs'], {}, false, {...files, 'faircopy.config.mjs': config.replace("'house/no-shout': 'error'", "'house/no-shuot': 'error'")})
    expect(typo.stderr).toBe('faircopy: faircopy.config.mjs: rules.house/no-shuot: unknown rule (did you mean "house/no-shout"?)\n')
  })
})

describe('flags as linters spell them', () => {
  const warned = '# Tides\n\nThe NOAA tables give the tide for each port.\n\n[click here](tides.html)\n\n<img src="tide.png">\n'

  it('take -f/--format as the report format and --input-format as the article format', async () => {
    const json = await runOn(['-f', 'json'], {}, false)
    expect(JSON.parse(json.stdout).files[0].source.format).toBe('markdown')
    const asText = await runOn(['--format', 'json', '--input-format', 'text'], {}, false)
    expect(JSON.parse(asText.stdout).files[0].source.format).toBe('text')
    const both = await runOn(['-f', 'json', '--reporter', 'sarif'], {}, false)
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('name two report formats')
  })

  it('suggest the nearest flag for a mistyped one, and say when a value is missing', async () => {
    const typo = await runOn(['--quite'], {}, false)
    expect(typo.code).toBe(2)
    expect(typo.stderr).toBe('faircopy: unknown option --quite (did you mean --quiet?)\nRun faircopy --help for usage.\n')
    let stderr = ''
    const missing = await runCli(['tides.md', '--output'], {cwd: tmpdir(), env: {}, stdout: () => {}, stderr: (text) => (stderr += text), stdoutIsTTY: false, progress: {isTTY: false, write: () => true}})
    expect(missing).toBe(2)
    expect(stderr).toContain('--output needs a value')
  })

  it('leave out warnings with --quiet, and fail on more warnings than --max-warnings', async () => {
    const all = await runOn(['-f', 'json'], {}, false, {'tides.md': warned})
    const findings = JSON.parse(all.stdout).files[0].findings as Array<{severity: string}>
    const warnings = findings.filter((finding) => finding.severity === 'warning').length
    expect(warnings).toBeGreaterThan(0)
    const quiet = await runOn(['-f', 'json', '--quiet'], {}, false, {'tides.md': warned})
    const report = JSON.parse(quiet.stdout).files[0]
    expect(report.findings.length).toBeGreaterThan(0)
    expect(report.findings.every((finding: {severity: string}) => finding.severity === 'error')).toBe(true)
    expect(report.summary.warnings).toBe(0)
    const over = await runOn(['--fail-on', 'never', '--max-warnings', String(warnings - 1)], {}, false, {'tides.md': warned})
    expect(over.code).toBe(1)
    expect(over.stderr).toContain(`more than --max-warnings ${warnings - 1}`)
    expect((await runOn(['--fail-on', 'never', '--max-warnings', String(warnings)], {}, false, {'tides.md': warned})).code).toBe(0)
  })

  it('colour with --color off a terminal, and not with --no-color on one', async () => {
    expect((await runOn(['--color'], {}, false)).stdout).toContain(`${escape}31merror`)
    expect((await runOn(['--no-color'], {TERM: 'xterm-256color'}, true)).stdout).not.toContain(escape)
  })

  it('give merge its own --help', async () => {
    const help = await runCli(['merge', '--help'], {cwd: tmpdir(), env: {}, stdout: (text) => (helpText += text), stderr: () => {}, stdoutIsTTY: false, progress: {isTTY: false, write: () => true}})
    expect(help).toBe(0)
    expect(helpText).toContain('Usage: faircopy merge')
  })
})

let helpText = ''
