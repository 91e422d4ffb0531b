import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {runCli} from '../../src/cli/run.ts'
import type {AuditReport} from '../../src/index.ts'
import {faircopyHere} from './in-process.ts'

// What users of ESLint and markdownlint-cli2 expect of a linter's command line, through the built bin.
const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))
const hedged = '# Tides\n\nThe tide probably turns twice a day.\n'
const broken = '# Tides\n\nThe tide turns twice a day.\n\n<img src="tide.png">\n'

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'faircopy-conventions-'))
  // A repository root, so that no config above the temporary folder is found.
  mkdirSync(join(root, '.git'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), {recursive: true})
    writeFileSync(join(root, name), content)
  }
  return root
}

function faircopy(cwd: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', input, env: {...process.env, NO_COLOR: '1'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The same CLI, built, in this process (see in-process.ts): for a test's further cases once the bin has run one. */
const here = (cwd: string, args: string[], input?: string) => faircopyHere(cwd, args, {NO_COLOR: '1'}, input)

function reports(stdout: string): AuditReport[] {
  return (JSON.parse(stdout) as {files: AuditReport[]}).files
}

const ruleIds = (report: AuditReport | undefined) => (report?.findings ?? []).map((finding) => finding.ruleId)

describe('config files', () => {
  it('are read as JSON with comments (.json and .jsonc) and as YAML, and take warn as ESLint spells warning', async () => {
    const jsonc = '// the house style\n{\n  /* hedges matter here */ "rules": {"hedge": "warn",},\n}\n'
    const yaml = '# the house style\nrules:\n  hedge: warn\n'
    for (const [name, text] of [['.faircopyrc.json', jsonc], ['faircopy.config.jsonc', jsonc], ['.faircopyrc.yaml', yaml]] as const) {
      const root = project({[name]: text, 'a.md': hedged})
      const run = await here(root, ['-f', 'json', 'a.md'])
      expect(run.stderr, name).toBe('')
      const hedge = reports(run.stdout)[0]?.findings.find((finding) => finding.ruleId === 'hedge')
      expect(hedge?.severity, name).toBe('warning')
    }
  })

  it('say where a broken one is broken, and suggest the key or value meant', async () => {
    const cases = [
      ['.faircopyrc.json', '{"failon": "warning"}', 'faircopy: .faircopyrc.json: the config: unknown key "failon" (did you mean "failOn"?)\n'],
      ['.faircopyrc.json', '{"failOn": "warnin"}', /^faircopy: \.faircopyrc\.json: failOn: Invalid option: expected one of .* \(did you mean "warning"\?\)\n$/],
      ['.faircopyrc.yaml', 'accessibility:\n  tag: [wcag2a]\n', 'faircopy: .faircopyrc.yaml: accessibility: unknown key "tag" (did you mean "tags"?)\n'],
      ['.faircopyrc.yaml', 'overrides:\n  - files: "*.md"\n    prest: news\n', 'faircopy: .faircopyrc.yaml: overrides[0]: unknown key "prest" (did you mean "preset"?)\n'],
      ['.faircopyrc.json', '{\n  "preset": "news"\n  "failOn": "error"\n}\n', /^faircopy: \.faircopyrc\.json: not valid JSON at line 3, column 3 \(comma expected\)\n$/],
      ['.faircopyrc.yaml', 'preset: [news\n', /^faircopy: \.faircopyrc\.yaml: not valid YAML at line \d+, column \d+ \(/]
    ] as const
    for (const [name, text, message] of cases) {
      // The first through the bin, the rest through the same CLI in this process.
      const run = text === cases[0][1] ? faircopy(project({[name]: text, 'a.md': hedged}), ['a.md']) : await here(project({[name]: text, 'a.md': hedged}), ['a.md'])
      expect(run.code, text).toBe(2)
      if (typeof message === 'string') expect(run.stderr, text).toBe(message)
      else expect(run.stderr, text).toMatch(message)
    }
  })
})

describe('suppression comments on the command line', () => {
  it('warn of a misspelt rule always, and of unused ones with --report-unused-disable-directives', async () => {
    const article = [
      '# Tides',
      '',
      '<!-- faircopy-disable-next-line passiv-voice -->',
      'The pier was closed by the council.',
      '',
      '<!-- faircopy-disable-next-line image-alt -->',
      'The tide turns twice a day.',
      ''
    ].join('\n')
    const root = project({'a.md': article})
    const plain = faircopy(root, ['a.md'])
    expect(plain.stdout).toMatch(/ 3:1 +warning +faircopy-disable-next-line names "passiv-voice", which is not a rule \(did you mean "passive-voice"\?\), so nothing is switched off\. +unknown-suppression\n/)
    expect(plain.stdout).not.toContain('unused-suppression')
    const asked = await here(root, ['--report-unused-disable-directives', '-f', 'json', 'a.md'])
    const report = reports(asked.stdout)[0]
    expect(report?.findings.filter((finding) => finding.ruleId === 'unused-suppression').map((finding) => [finding.location.start.line, finding.excerpt])).toEqual([
      [6, '<!-- faircopy-disable-next-line image-alt -->']
    ])
  })
})

describe('baselines', () => {
  it('that do not exist are an error, unless --update-baseline is recording one', async () => {
    const root = project({'a.md': broken})
    const typo = faircopy(root, ['--baseline', '.faircopy/baselin.json', 'a.md'])
    expect([typo.code, typo.stdout]).toEqual([2, ''])
    expect(typo.stderr).toBe('faircopy: --baseline .faircopy/baselin.json: no such file. Record one first with --baseline .faircopy/baselin.json --update-baseline.\n')
    expect((await here(root, ['--baseline', '.faircopy/baseline.json', '--update-baseline', 'a.md'])).code).toBe(0)
    expect(existsSync(join(root, '.faircopy/baseline.json'))).toBe(true)
    expect((await here(root, ['--baseline', '.faircopy/baseline.json', 'a.md'])).code).toBe(0)
  })
})

describe('--output', () => {
  it('still says on stderr which files could not be audited, while the report goes to the file', async () => {
    const root = project({'a.md': hedged})
    const run = faircopy(root, ['-f', 'json', '-o', 'out/report.json', 'a.md', 'missing.md'])
    expect([run.code, run.stdout]).toEqual([2, ''])
    expect(run.stderr).toMatch(/^faircopy: missing\.md [^\n]+ \(E_INPUT_MISSING\)\n$/)
    expect(JSON.parse(readFileSync(join(root, 'out/report.json'), 'utf8')).errors).toHaveLength(1)
  })
})

describe('file arguments', () => {
  it('take ! patterns out of the other arguments’ files, as markdownlint-cli2 does', async () => {
    const root = project({'docs/a.md': hedged, 'docs/drafts/b.md': hedged, 'docs/c.md': hedged, 'docs/old.md': hedged})
    const run = faircopy(root, ['-f', 'json', 'docs', '!docs/drafts', '!**/old.md'])
    expect(run.stderr).toBe('')
    expect(reports(run.stdout).map((report) => report.source.path)).toEqual(['docs/a.md', 'docs/c.md'])
  })

  it('skip the HTML reports faircopy wrote in folder and glob runs, but audit one named outright', async () => {
    const root = project({'site/a.md': broken, 'site/page.html': '<!doctype html><html lang="en"><head><title>Page</title></head><body><main><h1>Page</h1><p>The tide turns.</p></main></body></html>\n'})
    expect(faircopy(root, ['-f', 'html', '-o', 'site/report.html', 'site/a.md']).code).toBe(1)
    expect(readFileSync(join(root, 'site/report.html'), 'utf8')).toContain('<meta name="generator" content="faircopy')
    for (const args of [['site'], ['site/**/*.html', 'site/*.md']]) {
      const run = await here(root, ['-f', 'json', ...args])
      expect(reports(run.stdout).map((report) => report.source.path).sort(), args.join(' ')).toEqual(['site/a.md', 'site/page.html'])
    }
    expect(reports((await here(root, ['-f', 'json', 'site/report.html'])).stdout).map((report) => report.source.path)).toEqual(['site/report.html'])
  })

  it('read the article from stdin as -, named by --stdin-filename for its format, config and report', async () => {
    const root = project({'.faircopyrc.json': '{"overrides": [{"files": "news/**", "rules": {"hedge": "error"}}]}'})
    const named = faircopy(root, ['-f', 'json', '--stdin-filename', 'news/tides.md', '-'], hedged)
    expect(named.code).toBe(1)
    const [report] = reports(named.stdout)
    expect(report?.source).toMatchObject({path: 'news/tides.md', format: 'markdown', title: 'Tides'})
    expect(report?.findings.find((finding) => finding.ruleId === 'hedge')).toMatchObject({severity: 'error', excerpt: 'probably', location: {start: {line: 3, column: 10}}})
    const anonymous = await here(root, ['-f', 'json', '-'], hedged)
    expect(reports(anonymous.stdout)[0]?.source.path).toBe('<stdin>')
    expect(ruleIds(reports(anonymous.stdout)[0])).not.toContain('hedge')
    const lonely = await here(root, ['--stdin-filename', 'a.md', 'other.md'])
    expect([lonely.code, lonely.stderr.split('\n')[0]]).toEqual([2, 'faircopy: --stdin-filename names the article read from stdin: give - among the files'])
  })
})

describe('--print-config and --init', () => {
  it('print the settings a file is audited with, and where each came from', async () => {
    const root = project({'.faircopyrc.json': '{"preset": "news", "rules": {"hedge": "warn"}, "overrides": [{"files": "docs/**", "maxGrade": 12}]}'})
    const run = faircopy(root, ['--print-config', 'docs/a.md', '--fail-on', 'warning'])
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout) as {file: string; config: string; settings: Record<string, unknown> & {rules: Record<string, unknown>}; from: Record<string, string>}
    expect(printed.file).toBe('docs/a.md')
    expect(printed.config).toBe('.faircopyrc.json')
    expect(printed.settings).toMatchObject({preset: 'news', maxGrade: 12, targetGrade: 12, failOn: 'warning'})
    expect(printed.settings.rules['hedge']).toBe('warning')
    expect(printed.from).toMatchObject({
      preset: '.faircopyrc.json',
      maxGrade: '.faircopyrc.json overrides[0]',
      targetGrade: '.faircopyrc.json overrides[0]',
      failOn: 'command line',
      lang: 'default',
      'jargon.domains': 'preset news',
      'rules.hedge': '.faircopyrc.json',
      'rules.passive-voice': 'default'
    })
    // Outside docs/, the override does not apply: the target is the preset's.
    const other = JSON.parse((await here(root, ['--print-config', 'news/b.md'])).stdout) as typeof printed
    expect(other.from['targetGrade']).toBe('preset news')
    // Style sheets are where the config is, as for the audit, even printed from a folder below it.
    writeFileSync(join(root, 'site.css'), 'p { color: #333; }\n')
    writeFileSync(join(root, '.faircopyrc.json'), '{"accessibility": {"stylesheets": ["site.css"]}}')
    mkdirSync(join(root, 'docs'), {recursive: true})
    const below = await here(join(root, 'docs'), ['--print-config', 'a.md'])
    expect(below.code).toBe(0)
    expect((JSON.parse(below.stdout) as {settings: {accessibility: {stylesheets: string[]}}}).settings.accessibility.stylesheets).toEqual([join(root, 'site.css')])
  })

  it('writes a commented config for the preset given, which is then found and used, and never replaces one', async () => {
    const root = project({'a.md': hedged})
    const written = faircopy(root, ['--init', '--preset', 'strict'])
    expect([written.code, written.stdout]).toEqual([0, "Wrote faircopy.config.jsonc (preset strict). Run faircopy on your articles, e.g. faircopy 'content/**/*.md'.\n"])
    const text = readFileSync(join(root, 'faircopy.config.jsonc'), 'utf8')
    expect(text).toMatch(/^\/\/ /)
    expect(text).toContain('"preset": "strict"')
    const used = JSON.parse((await here(root, ['--print-config', 'a.md'])).stdout) as {config: string; settings: {preset: string}}
    expect(used).toMatchObject({config: 'faircopy.config.jsonc', settings: {preset: 'strict'}})
    const again = await here(root, ['--init', '--preset', 'news'])
    expect(again.code).toBe(2)
    expect(again.stderr).toBe('faircopy: --init: faircopy.config.jsonc is already here; faircopy --init writes a new config only, and leaves yours as it is.\n')
    expect(readFileSync(join(root, 'faircopy.config.jsonc'), 'utf8')).toBe(text)
    // With no terminal to ask at and no --preset, nothing is written.
    const blind = project({})
    const unasked = await here(blind, ['--init'], '')
    expect(unasked.code).toBe(2)
    expect(unasked.stderr).toMatch(/^faircopy: --init asks which preset to start from, and stdin is not a terminal: give one with --init --preset NAME/)
    expect(existsSync(join(blind, 'faircopy.config.jsonc'))).toBe(false)
  })

  it('asks for the preset when a person is at the terminal', async () => {
    const root = project({})
    const questions: string[] = []
    let stdout = ''
    const answers = ['tabloid', '2']
    const code = await runCli(['--init'], {
      cwd: root,
      env: {},
      stdout: (text) => (stdout += text),
      stderr: () => {},
      stdoutIsTTY: true,
      progress: {isTTY: false, write: () => true},
      ask: async (question) => {
        questions.push(question)
        return answers.shift() ?? ''
      }
    })
    expect(code).toBe(0)
    expect(questions).toHaveLength(2)
    expect(questions[0]).toContain('2. news (target grade')
    expect(stdout).toContain('"tabloid" is not one of the presets.')
    expect(readFileSync(join(root, 'faircopy.config.jsonc'), 'utf8')).toContain('"preset": "news"')
  })
})

describe('the summary line', () => {
  it('says whether the target grade gates the run', async () => {
    const hard =
      '# Levies\n\nThe municipal administration’s comprehensive reconsideration of infrastructural expenditure necessitated unprecedented intergovernmental consultation regarding supplementary appropriations.\n'
    const root = project({'a.md': hard})
    const reported = faircopy(root, ['a.md'])
    expect(reported.stdout).toMatch(/grade [\d.]+ \(target 9, not a gate: --max-grade makes it one\)/)
    const gated = await here(root, ['--max-grade', '9', 'a.md'])
    expect(gated.code).toBe(1)
    expect(gated.stdout).toMatch(/grade [\d.]+ \(limit 9\)/)
  })
})
