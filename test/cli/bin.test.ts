import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {AuditReport} from '../../src/index.ts'
import {expectValidReport} from '../helpers.ts'
import {faircopyHere} from './in-process.ts'

const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))
const clean = '# Tides\n\nThe tide turns twice a day.\n'
const broken = '# Tides\n\nThe tide turns twice a day.\n\n<img src="tide.png">\n'

/** A temporary project folder holding these files. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'faircopy-cli-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), {recursive: true})
    writeFileSync(join(root, name), content)
  }
  return root
}

/** The bin itself, in a process of its own: for what only the bin does (its exit status, no stack trace). */
function spawned(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: {...process.env, NO_COLOR: '', ...env}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The CLI in this process (see in-process.ts): every case that is about what the CLI does, not about the bin. */
const faircopy = faircopyHere

interface JsonRun {
  summary: {files: number; passed: boolean; errors: number; suppressed: number; known: number; unaudited: number}
  files: AuditReport[]
  errors: Array<{path: string; code: string; message: string}>
}

function json(stdout: string): JsonRun {
  const run = JSON.parse(stdout) as JsonRun
  for (const report of run.files) expectValidReport(report)
  return run
}

describe('exit codes', () => {
  it('are 0 when the gate passes, 1 when it fails', async () => {
    const root = project({'clean.md': clean, 'broken.md': broken})
    expect(spawned(root, ['clean.md']).code).toBe(0)
    const failed = spawned(root, ['broken.md'])
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('5:1  error    Images must have alternative text.  image-alt')
    expect(spawned(root, ['--fail-on', 'never', 'broken.md']).code).toBe(0)
  })

  it('are 2 for a bad file, after every other file is audited and reported', async () => {
    const root = project({'a.md': broken, 'empty.md': '', 'photo.md': '\u0000\u0001PNG', 'z.md': clean})
    const result = spawned(root, ['--reporter', 'json', 'a.md', 'missing.md', 'empty.md', 'photo.md', 'z.md'])
    expect(result.code).toBe(2)
    const run = json(result.stdout)
    expect(run.files.map((report) => report.source.path)).toEqual(['a.md', 'z.md'])
    expect(run.errors.map((error) => [error.path, error.code])).toEqual([
      ['missing.md', 'E_INPUT_MISSING'],
      ['empty.md', 'E_INPUT_EMPTY'],
      ['photo.md', 'E_INPUT_BINARY']
    ])
    expect(result.stderr).toBe('')
  })

  it.each([
    [['--reporter', 'yaml', 'a.md'], /^faircopy: unknown reporter "yaml"/],
    [['--max-grade', 'high', 'a.md'], /^faircopy: --max-grade takes a number, not "high"/],
    [['--fail-on', 'sometimes', 'a.md'], /^faircopy: command line: Invalid options at failOn/],
    [['--jobs', '0', 'a.md'], /^faircopy: --jobs takes a whole number of 1 or more/],
    [['--update-baseline', 'a.md'], /^faircopy: --update-baseline needs --baseline FILE/],
    [['--bogus', 'a.md'], /^faircopy: unknown option --bogus\n/],
    [['--quite', 'a.md'], /^faircopy: unknown option --quite \(did you mean --quiet\?\)/],
    [[], /^faircopy: no files given/]
  ])('are 2 for the usage error %j, with one clear message and no stack trace', async (args, message) => {
    const result = spawned(project({'a.md': clean}), args)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('config', () => {
  it('is found from the working folder upward, in each of its three places', async () => {
    for (const [name, content] of [
      ['faircopy.config.json', JSON.stringify({rules: {'image-alt': 'off'}})],
      ['.faircopyrc.json', JSON.stringify({rules: {'image-alt': 'off'}})],
      ['package.json', JSON.stringify({name: 'site', faircopy: {rules: {'image-alt': 'off'}}})]
    ] as const) {
      const root = project({[name]: content, 'posts/deep/a.md': broken})
      expect((await faircopy(join(root, 'posts', 'deep'), ['a.md'])).code, name).toBe(0)
    }
  })

  it('is data: a JavaScript config is never found by searching, and runs only when named with --config', async () => {
    // The config would switch image-alt off, and leaves a mark when its code runs.
    const script = `import {writeFileSync} from 'node:fs'\nwriteFileSync(new URL('./ran.txt', import.meta.url), 'ran')\nexport default {rules: {'image-alt': 'off'}}\n`
    const root = project({'faircopy.config.js': script, 'faircopy.config.mjs': script, 'package.json': JSON.stringify({type: 'module'}), 'a.md': broken})
    const searched = await faircopy(root, ['a.md'])
    expect(searched.code).toBe(1)
    expect(existsSync(join(root, 'ran.txt'))).toBe(false)
    const named = await faircopy(root, ['--config', 'faircopy.config.mjs', 'a.md'])
    expect(named.code).toBe(0)
    expect(existsSync(join(root, 'ran.txt'))).toBe(true)
  })

  it('cannot name where faircopy writes: output and baseline paths come only from the command line', async () => {
    for (const key of ['output', 'baseline', 'outDir']) {
      const root = project({'faircopy.config.json': JSON.stringify({[key]: '../../escaped.json'}), 'a.md': clean})
      const result = await faircopy(root, ['a.md'])
      expect(result.code, key).toBe(2)
      expect(result.stderr, key).toContain(`faircopy.config.json: the config: unknown key "${key}"`)
      expect(existsSync(join(root, '..', '..', 'escaped.json'))).toBe(false)
    }
  })

  it('can be named with --config', async () => {
    const root = project({'configs/strict.json': JSON.stringify({failOn: 'info'}), 'a.md': clean})
    expect((await faircopy(root, ['a.md'])).code).toBe(0)
    expect((await faircopy(root, ['--config', 'configs/strict.json', 'a.md'])).code).toBe(0)
    expect((await faircopy(root, ['--config', 'configs/missing.json', 'a.md']))).toMatchObject({code: 2, stderr: 'faircopy: configs/missing.json: the file does not exist\n'})
  })

  it.each([
    ['malformed JSON', '{"rules": {', /^faircopy: faircopy\.config\.json: not valid JSON at line 1, column 12 \(.+\)\n$/],
    ['an unknown rule', JSON.stringify({rules: {'passiv-voice': 'warning'}}), /^faircopy: faircopy\.config\.json: rules\.passiv-voice: unknown rule \(did you mean "passive-voice"\?\)\n$/],
    ['a wrong type', JSON.stringify({maxGrade: 'nine'}), /^faircopy: faircopy\.config\.json: maxGrade: expected number, received string\n$/],
    ['an unknown key', JSON.stringify({maxGrades: 9}), /^faircopy: faircopy\.config\.json: the config: unknown key "maxGrades" \(did you mean "maxGrade"\?\)\n$/],
    ['a bad rule level', JSON.stringify({rules: {'image-alt': 'loud'}}), /^faircopy: faircopy\.config\.json: rules\.image-alt: /],
    ['options on a rule that takes none', JSON.stringify({rules: {'image-alt': ['error', {x: 1}]}}), /^faircopy: faircopy\.config\.json: rules\.image-alt: this rule takes no options\n$/]
  ])('with %s is exit 2 naming the file, the key and what was expected', async (_name, content, message) => {
    const result = await faircopy(project({'faircopy.config.json': content, 'a.md': clean}), ['a.md'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
  })

  it('applies overrides by glob, in order, over the base settings', async () => {
    // A grade-15 sentence: over 9, under 16.
    const hard = 'The committee postponed the redevelopment of the waterfront warehouses until the spring.\n'
    const root = project({
      'faircopy.config.json': JSON.stringify({maxGrade: 9, overrides: [{files: 'docs/legal/**', maxGrade: 16}]}),
      'docs/legal/terms.txt': hard,
      'docs/news/story.txt': hard
    })
    const result = await faircopy(root, ['--reporter', 'json', 'docs'])
    expect(result.code).toBe(1)
    const run = json(result.stdout)
    expect(run.files.map((report) => [report.source.path, report.readability.targetGrade, report.summary.passed])).toEqual([
      ['docs/legal/terms.txt', 16, true],
      ['docs/news/story.txt', 9, false]
    ])
    expect(run.files[1]?.summary.failures[0]).toMatch(/^reading grade [\d.]+ is above the maximum of 9$/)
  })

  it('takes rule options and per-rule levels', async () => {
    const root = project({'faircopy.config.json': JSON.stringify({rules: {'undefined-acronym': ['error', {allow: ['RNLI']}], 'passive-voice': 'error'}}), 'a.txt': 'The RNLI boat was launched.\n'})
    const run = json((await faircopy(root, ['--reporter', 'json', 'a.txt'])).stdout)
    expect(run.files[0]?.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['passive-voice', 'error']])
  })
})

describe('files and globs', () => {
  it('are expanded in the order given, each glob sorted, duplicates dropped, node_modules and .gitignore skipped', async () => {
    const root = project({
      '.gitignore': 'drafts/\n',
      'b.md': clean,
      'posts/z.md': clean,
      'posts/a.md': clean,
      'drafts/wip.md': broken,
      'node_modules/pkg/readme.md': broken,
      'notes.txt': clean
    })
    const result = await faircopy(root, ['--reporter', 'json', 'b.md', '**/*.md', 'notes.txt'])
    expect(result.code).toBe(0)
    expect(json(result.stdout).files.map((report) => report.source.path)).toEqual(['b.md', 'posts/a.md', 'posts/z.md', 'notes.txt'])
  })

  it('audit a file named outright even when .gitignore or the config would skip it in a glob', async () => {
    const root = project({'.gitignore': 'drafts/\n', 'faircopy.config.json': JSON.stringify({ignore: ['old/**']}), 'drafts/wip.md': clean, 'old/a.md': clean, 'new/a.md': clean})
    expect(json((await faircopy(root, ['--reporter', 'json', 'drafts/wip.md'])).stdout).files).toHaveLength(1)
    expect(json((await faircopy(root, ['--reporter', 'json', '**/*.md'])).stdout).files.map((report) => report.source.path)).toEqual(['new/a.md'])
  })

  it('report a glob that matches nothing and exit 2', async () => {
    const result = await faircopy(project({'a.md': clean}), ['--reporter', 'json', 'posts/**/*.md', 'a.md'])
    expect(result.code).toBe(2)
    expect(json(result.stdout).errors).toEqual([{path: 'posts/**/*.md', code: 'E_INPUT_MISSING', message: 'No files match "posts/**/*.md".'}])
  })

  it('come from --files-from too: one per line, or NUL-separated with -0, from a file or stdin, never read as globs or shell', async () => {
    const odd = 'posts/x$(touch PWNED) [1]\nline.md'
    const root = project({'a.md': clean, 'b c.md': broken, [odd]: clean, 'posts/z.md': clean})
    writeFileSync(join(root, 'list.txt'), 'b c.md\r\n\nposts/*.md\n')
    writeFileSync(join(root, 'list0'), `a.md\0${odd}\0b c.md\0`)
    writeFileSync(join(root, 'empty'), '')
    const lines = await faircopy(root, ['--reporter', 'json', 'a.md', '--files-from', 'list.txt'])
    expect(lines.code).toBe(1)
    // Positional arguments first, then the list in its order; a glob in the list is a glob, as on the command line.
    expect(json(lines.stdout).files.map((report) => report.source.path)).toEqual(['a.md', 'b c.md', odd, 'posts/z.md'])
    const nul = await faircopy(root, ['--reporter', 'json', '-0', '--files-from', 'list0'])
    expect(json(nul.stdout).files.map((report) => report.source.path)).toEqual(['a.md', odd, 'b c.md'])
    expect(existsSync(join(root, 'PWNED'))).toBe(false)
    const piped = spawnSync(process.execPath, [bin, '--reporter', 'json', '--null', '--files-from', '-'], {cwd: root, encoding: 'utf8', input: `${odd}\0`})
    expect(json(piped.stdout).files.map((report) => report.source.path)).toEqual([odd])
    // No changed articles: a run of no files, which passes.
    const none = await faircopy(root, ['--reporter', 'json', '--files-from', 'empty'])
    expect([none.code, json(none.stdout).summary.files]).toEqual([0, 0])
    for (const [args, message] of [
      [['--files-from', 'missing.txt'], 'faircopy: --files-from missing.txt: no such file\n'],
      [['-0', 'a.md'], 'faircopy: -0 (--null) needs --files-from FILE\n']
    ] as const) {
      const result = await faircopy(root, [...args])
      expect([result.code, result.stderr.split('Run faircopy')[0]]).toEqual([2, message])
    }
  })

  it('give the same results with --jobs 2 as with --jobs 1', async () => {
    const root = project({'a.md': broken, 'b.md': clean, 'c.txt': 'The crew will utilize the slipway. It was closed by the council.\n', 'd.html': '<p>Read <a href="/x">here</a>.</p>'})
    const one = await faircopy(root, ['--jobs', '1', '--reporter', 'json', '*'])
    const two = await faircopy(root, ['--jobs', '2', '--reporter', 'json', '*'])
    expect(one.code).toBe(1)
    expect(two.stdout).toBe(one.stdout)
    expect(json(two.stdout).files.map((report) => report.source.path)).toEqual(['a.md', 'b.md', 'c.txt', 'd.html'])
  })
})

describe('baselines', () => {
  const article = ['# Harbour', '', 'The crane was broken by the storm.', '', '<img src="crane.png">', ''].join('\n')

  it('record today’s findings, which then do not fail the gate, even after lines move', async () => {
    const root = project({'posts/a.md': article})
    const update = await faircopy(root, ['--baseline', '.faircopy/baseline.json', '--update-baseline', 'posts/a.md'])
    expect(update.code).toBe(0)
    const baseline = JSON.parse(readFileSync(join(root, '.faircopy/baseline.json'), 'utf8')) as {files: Record<string, string[]>}
    expect(Object.keys(baseline.files)).toEqual(['posts/a.md'])
    expect(baseline.files['posts/a.md']).toHaveLength(2)

    writeFileSync(join(root, 'posts/a.md'), article.replace('# Harbour\n', '# Harbour\n\nA new first paragraph.\n\nAnd a second one.\n'))
    const shifted = await faircopy(root, ['--baseline', '.faircopy/baseline.json', 'posts/a.md'])
    expect(shifted.code).toBe(0)
    expect(shifted.stdout).toMatch(/ 9:1 +error +Images must have alternative text\.  image-alt \(baseline\)\n/)

    writeFileSync(join(root, 'posts/a.md'), `${article}\n<img src="second.png">\n`)
    const fresh = await faircopy(root, ['--baseline', '.faircopy/baseline.json', '--reporter', 'json', 'posts/a.md'])
    expect(fresh.code).toBe(1)
    expect(json(fresh.stdout).summary.known).toBe(2)
  })

  it('hold files named like properties of an object (__proto__, constructor, toString) as any other file', async () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty']
    const root = project(Object.fromEntries(names.map((name) => [name, broken])))
    const update = await faircopy(root, ['--input-format', 'markdown', '--baseline', 'baseline.json', '--update-baseline', ...names])
    expect([update.code, update.stderr]).toEqual([0, ''])
    const recorded = JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')) as {files: Record<string, string[]>}
    expect(Object.keys(recorded.files)).toEqual([...names].sort())
    for (const name of names) expect(Object.getOwnPropertyDescriptor(recorded.files, name)?.value, name).toHaveLength(1)
    const again = await faircopy(root, ['--input-format', 'markdown', '--baseline', 'baseline.json', '--reporter', 'json', ...names])
    expect([again.code, json(again.stdout).summary.known]).toEqual([0, 4])
  })

  it('that are not baselines are refused with exit 2', async () => {
    const root = project({'a.md': clean, 'baseline.json': '{"files": []}'})
    const result = await faircopy(root, ['--baseline', 'baseline.json', 'a.md'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^faircopy: baseline\.json: not a faircopy baseline/)
  })
})

describe('suppression comments', () => {
  it('switch rules off in Markdown and HTML, and the suppressed findings are counted, not lost', async () => {
    const markdown = [
      '# Harbour',
      '',
      '<!-- faircopy-disable-next-line image-alt -->',
      '<img src="one.png">',
      '',
      '<img src="two.png">',
      '',
      '<!-- faircopy-disable passive-voice -->',
      'The crane was broken by the storm.',
      '<!-- faircopy-enable passive-voice -->',
      '',
      'The pier was closed by the council.',
      ''
    ].join('\n')
    const html = '<main><h1>Harbour</h1>\n<!-- faircopy-disable image-alt -->\n<img src="one.png">\n<!-- faircopy-enable -->\n<img src="two.png">\n</main>\n'
    const root = project({'a.md': markdown, 'b.html': html})
    const run = json((await faircopy(root, ['--reporter', 'json', 'a.md', 'b.html'])).stdout)
    const places = (report: AuditReport | undefined, list: 'findings' | 'suppressed') =>
      (report?.[list] ?? []).filter((finding) => finding.ruleId === 'image-alt' || finding.ruleId === 'passive-voice').map((finding) => `${finding.ruleId}@${finding.location.start.line}`)
    expect(places(run.files[0], 'findings')).toEqual(['image-alt@6', 'passive-voice@12'])
    expect(places(run.files[0], 'suppressed')).toEqual(['image-alt@4', 'passive-voice@9'])
    expect(places(run.files[1], 'findings')).toEqual(['image-alt@5'])
    expect(places(run.files[1], 'suppressed')).toEqual(['image-alt@3'])
    expect(run.summary.suppressed).toBe(3)
  })
})

describe('output', () => {
  it('goes to --output, creating folders, and the text reporter has no colour off a terminal', async () => {
    const root = project({'a.md': broken})
    const result = await faircopy(root, ['--output', 'reports/run/faircopy.txt', 'a.md'])
    expect(result).toMatchObject({code: 1, stdout: ''})
    const text = readFileSync(join(root, 'reports/run/faircopy.txt'), 'utf8')
    expect(text).toContain('a.md\n  5:1  error    Images must have alternative text.  image-alt\n')
    expect(text).not.toContain('\u001B[')
    expect(existsSync(join(root, 'reports/run'))).toBe(true)
  })

  it('comes in every reporter’s format, with the same exit code', async () => {
    const root = project({'a.md': broken, 'z.md': clean})
    const run = async (reporter: string) => {
      const result = await faircopy(root, ['--reporter', reporter, '--jobs', '1', 'a.md', 'z.md'])
      expect(result.code, reporter).toBe(1)
      expect(result.stderr, reporter).toBe('')
      return result.stdout
    }
    const text = (await run('text'))
    expect(text).toContain('a.md\n  5:1  error    Images must have alternative text.  image-alt\n')
    // The run's last line names the engine that judged accessibility.
    expect(text).toMatch(/\n2 files: 1 error, \d+ warnings?, \d+ infos? · accessibility by axe-core \d+\.\d+\.\d+ in jsdom · failed\n$/)
    expect(json((await run('json'))).files.map((report) => report.source.path)).toEqual(['a.md', 'z.md'])
    const sarif = JSON.parse((await run('sarif'))) as {version: string; runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>}>}>}
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results.map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine])).toEqual([['image-alt', 'a.md', 5]])
    const junit = (await run('junit'))
    expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="faircopy" tests="2" failures="1" errors="0">/)
    expect(junit).toContain('<testcase classname="a.md" name="image-alt">')
    expect((await run('github'))).toMatch(/^::error file=a\.md,line=5,col=1,endLine=5,endColumn=\d+,title=image-alt::Images must have alternative text\.\n$/)
    const markdown = (await run('markdown'))
    expect(markdown.startsWith('### faircopy: ❌ failed\n')).toBe(true)
    expect(markdown).toContain('- **5:1** Images must have alternative text. `image-alt`')
    const html = (await run('html'))
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<nav class="toc" aria-labelledby="toc-title">')
    expect(html).toMatch(/<small>judged by axe-core \d+\.\d+\.\d+ in jsdom<\/small>/)
    expect(html).toMatch(/<span class="ph flagged">\[image without alt text\]<span class="a11y-note sev-error" id="a0-f\d+" data-rule="image-alt"/)
  })
})

describe('shards and merge', () => {
  it('split the file list into parts that merge back into the whole run, in its order', async () => {
    const root = project({'a.md': broken, 'b.md': clean, 'c.md': clean, 'd.md': broken, 'e.md': clean})
    const whole = await faircopy(root, ['--reporter', 'json', '--jobs', '1', '*.md', 'nothing/*.md'])
    const first = await faircopy(root, ['--reporter', 'json', '--jobs', '1', '--shard', '1/2', '--output', 'shard-1.json', '*.md', 'nothing/*.md'])
    const second = await faircopy(root, ['--reporter', 'json', '--jobs', '1', '--shard', '2/2', '--output', 'shard-2.json', '*.md', 'nothing/*.md'])
    expect([whole.code, first.code, second.code]).toEqual([2, 1, 2])
    const part = (name: string) => (JSON.parse(readFileSync(join(root, name), 'utf8')) as {results: Array<{path: string}>}).results.map((result) => result.path)
    expect([part('shard-1.json'), part('shard-2.json')]).toEqual([['a.md', 'b.md', 'c.md'], ['d.md', 'e.md', 'nothing/*.md']])
    // The shell may list the shards in any order; they merge in shard order.
    const merged = await faircopy(root, ['merge', '--reporter', 'json', 'shard-2.json', 'shard-1.json'])
    expect(merged.code).toBe(2)
    const strip = (stdout: string) => {
      const run = json(stdout)
      return {summary: run.summary, paths: run.files.map((report) => report.source.path), errors: run.errors, findings: run.files.map((report) => report.findings)}
    }
    expect(strip(merged.stdout)).toEqual(strip(whole.stdout))
    const sarif = await faircopy(root, ['merge', '--reporter', 'sarif', 'shard-*.json'])
    expect((JSON.parse(sarif.stdout) as {runs: Array<{results: unknown[]}>}).runs[0]?.results).toHaveLength(2)

    // Only the whole set merges: a shard missing, a shard twice, a shard of another file list are exit 2.
    const missing = await faircopy(root, ['merge', 'shard-1.json'])
    expect([missing.code, missing.stdout, missing.stderr]).toEqual([2, '', 'faircopy: merge: shard 2/2 is missing; a run merged without it would leave files out.\n'])
    writeFileSync(join(root, 'again-1.json'), readFileSync(join(root, 'shard-1.json')))
    const twice = await faircopy(root, ['merge', 'shard-1.json', 'again-1.json', 'shard-2.json'])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toBe('faircopy: merge: shard 1/2 is given twice (shard-1.json and again-1.json).\n')
    await faircopy(root, ['--reporter', 'json', '--jobs', '1', '--shard', '2/2', '--output', 'other-2.json', 'a.md', 'b.md', 'c.md'])
    const other = await faircopy(root, ['merge', 'shard-1.json', 'other-2.json'])
    expect(other.code).toBe(2)
    expect(other.stderr).toMatch(/^faircopy: merge: shard-1\.json \(shard 1\/2\) and other-2\.json \(shard 2\/2\) are shards of different runs/)
  })

  it('refuse shards judged by different accessibility engines', async () => {
    const root = project({'a.md': clean, 'b.md': clean})
    await faircopy(root, ['--reporter', 'json', '--jobs', '1', '--shard', '1/2', '--output', 'shard-1.json', '*.md'])
    await faircopy(root, ['--reporter', 'json', '--jobs', '1', '--shard', '2/2', '--output', 'shard-2.json', '*.md'])
    // The second shard as the chromium engine would have written it.
    const second = JSON.parse(readFileSync(join(root, 'shard-2.json'), 'utf8')) as {files: Array<{accessibility: {engine: string; axeVersion: string}}>}
    for (const report of second.files) report.accessibility.engine = 'chromium'
    writeFileSync(join(root, 'shard-2.json'), JSON.stringify(second))
    const merged = await faircopy(root, ['merge', 'shard-1.json', 'shard-2.json'])
    expect(merged.code).toBe(2)
    const version = second.files[0]?.accessibility.axeVersion
    expect(merged.stderr).toBe(`faircopy: merge: the reports were made with different accessibility engines or axe-core versions (jsdom ${version} in shard-1.json, chromium ${version} in shard-2.json); audit every shard with the same --engine and faircopy.\n`)
  })

  it('draw an article into a merged HTML report only from inside the working folder and only with the hash its report names', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'faircopy-secret-'))
    const secret = 'CANARY-4471 private words nobody may see\n'
    writeFileSync(join(outside, 'secret.md'), secret)
    const root = project({'a.md': '# Tides\n\nThe tide turns twice a day, said the keeper.\n'})
    symlinkSync(join(outside, 'secret.md'), join(root, 'link.md'))
    await faircopy(root, ['--reporter', 'json', '--jobs', '1', '--output', 'shard.json', 'a.md'])
    const shard = readFileSync(join(root, 'shard.json'), 'utf8')
    const honest = await faircopy(root, ['merge', '--reporter', 'html', 'shard.json'])
    expect(honest.code).toBe(0)
    expect(honest.stdout).toContain('said the keeper')
    const digest = createHash('sha256').update(secret).digest('hex')
    // A crafted shard: the path points out of the folder (absolute, by `..`, by a link), the hash is the secret's own,
    // and the encoding is one whose text the HTML report cannot hash again.
    for (const path of [join(outside, 'secret.md'), `../${basename(outside)}/secret.md`, 'link.md']) {
      const crafted = JSON.parse(shard) as {files: Array<{source: {path: string; sha256: string; encoding?: string}}>; results: Array<{path: string}>}
      for (const report of crafted.files) Object.assign(report.source, {path, sha256: digest, encoding: 'windows-1252'})
      for (const result of crafted.results) result.path = path
      writeFileSync(join(root, 'crafted.json'), JSON.stringify(crafted))
      const merged = await faircopy(root, ['merge', '--reporter', 'html', 'crafted.json'])
      expect(merged.code, path).toBe(0)
      expect(merged.stdout, path).not.toContain('CANARY-4471')
    }
    // Inside the folder, a file whose bytes are not the ones audited is not drawn either.
    writeFileSync(join(root, 'a.md'), '# Tides\n\nThe tide turns twice a day, said the new keeper.\n')
    expect((await faircopy(root, ['merge', '--reporter', 'html', 'shard.json'])).stdout).not.toContain('said the new keeper')
  })

  it('refuse a bad --shard and a file that is not a JSON report, with one clear message and exit code 2', async () => {
    const root = project({'a.md': clean, 'notes.json': '{"hello": 1}'})
    for (const args of [['--shard', '3/2', 'a.md'], ['--shard', 'half', 'a.md'], ['merge', 'notes.json'], ['merge', 'missing.json']]) {
      const result = await faircopy(root, args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(/^faircopy: (--shard takes INDEX\/COUNT|merge: (notes|missing)\.json (is not|does not))/)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  })
})

describe('the text reporter, with hostile file names and article text', () => {
  it('writes control characters, escape sequences and bidi overrides visibly, and no line starts with ::', async () => {
    const name = 'tide\u001b[2J\u0007\u202egnp.md\n::error file=forged.js,line=7::owned.md'
    const article = '# Tides\n\nThe tide turns twice a day.\n\n<img src="tide.png" alt="\u001b]0;owned\u0007 a wave">\n'
    const root = project({[name]: article, 'plain.md': broken})
    const run = await faircopy(root, ['--jobs', '1', '.'])
    expect(run.code).toBe(1)
    // Nothing below 0x20 but tab and line feed, no DEL or C1 control, no bidi override reaches the terminal.
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([])
    expect(run.stdout).toContain('tide\\x1b[2J\\x07\\u202egnp.md\\n::error file=forged.js,line=7::owned.md\n')
    // A missing file whose name starts with :: is shown as ./:: on its own line.
    const missing = await faircopy(root, ['::warning::x.md'])
    expect(missing.stdout.split('\n')[0]).toBe('./::warning::x.md')
  })
})

describe('a 1 MiB article with tens of thousands of findings', () => {
  it('is reported in full by the text reporter, its findings and its total', async () => {
    const sentences = 'We utilize the form. '.repeat(50_000)
    const paragraphs: string[] = []
    for (let at = 0; at < sentences.length; at += 2_000) paragraphs.push(sentences.slice(at, at + 2_000))
    const root = project({'forms.md': `# Forms\n\n${paragraphs.join('\n\n')}\n`})
    const run = await faircopy(root, ['--jobs', '1', '--timeout', '300', 'forms.md'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines.filter((line) => line.includes('Use “use” instead of “utilize”.')).length).toBeGreaterThanOrEqual(49_000)
    expect(run.stdout).toMatch(/\n1 file: 0 errors, 0 warnings, \d{5} infos · accessibility by axe-core [\d.]+ in jsdom · passed\n$/)
  })
})

describe('writes that cannot destroy', () => {
  it('refuse an --output or --baseline that is one of the articles, and leave the article as it was', async () => {
    const root = project({'post.md': broken})
    for (const args of [['--output', 'post.md', 'post.md'], ['--output', './post.md', '*.md'], ['--baseline', 'post.md', '--update-baseline', 'post.md']]) {
      const run = await faircopy(root, args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(/^faircopy: --(output|baseline) \.?\/?post\.md is one of the articles audited; write it elsewhere\.\n$/)
      expect(readFileSync(join(root, 'post.md'), 'utf8')).toBe(broken)
    }
  })

  it('refuse to write through a symbolic link, to a file outside or to a dangling target', async () => {
    const baseline = '{"faircopyBaseline": 1, "files": {}}\n'
    const outside = project({'keep.txt': 'precious\n', 'base.json': baseline})
    const root = project({'post.md': clean})
    symlinkSync(join(outside, 'keep.txt'), join(root, 'report.txt'))
    symlinkSync(join(outside, 'created-by-faircopy.txt'), join(root, 'dangling.txt'))
    symlinkSync(join(outside, 'base.json'), join(root, 'base.json'))
    for (const [flag, target] of [['--output', 'report.txt'], ['--output', 'dangling.txt'], ['--baseline', 'base.json']] as const) {
      const run = await faircopy(root, [flag, target, ...(flag === '--baseline' ? ['--update-baseline'] : []), 'post.md'])
      expect(run.code, `${flag} ${target}`).toBe(2)
      expect(run.stderr).toContain(`is a symbolic link; faircopy does not write through one.`)
    }
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('precious\n')
    expect(readFileSync(join(outside, 'base.json'), 'utf8')).toBe(baseline)
    expect(existsSync(join(outside, 'created-by-faircopy.txt'))).toBe(false)
  })

  it('refuse a target that is not a regular file', async () => {
    const root = project({'post.md': clean, 'out/keep.txt': 'kept\n'})
    const run = await faircopy(root, ['--output', 'out', 'post.md'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`faircopy: --output ${join(root, 'out')} is not a regular file (a folder, a device or a pipe); give the path of a file.\n`)
    expect(readdirSync(join(root, 'out'))).toEqual(['keep.txt'])
  })

  it('replace an existing report whole, by a rename, and leave no temporary file behind', async () => {
    const root = project({'post.md': clean, 'out/report.json': 'old report\n'})
    const run = await faircopy(root, ['--reporter', 'json', '--output', 'out/report.json', 'post.md'])
    expect(run.code).toBe(0)
    expect(json(readFileSync(join(root, 'out', 'report.json'), 'utf8')).files).toHaveLength(1)
    expect(readdirSync(join(root, 'out'))).toEqual(['report.json'])
  })
})

describe('reporters other than github', () => {
  it('print no line that starts with ::, whatever the article and its file name hold', async () => {
    const article = '# Tides\n\n::error file=forged.js,line=7::owned\n\n<pre>\n::warning::also owned\n</pre>\n\n<img src="tide.png" alt="a wave\n::notice::alt text">\n'
    const root = project({'::error::name.md': article, 'b.md': broken})
    for (const reporter of ['text', 'json', 'sarif', 'junit', 'markdown', 'html']) {
      const run = await faircopy(root, ['--reporter', reporter, '--jobs', '1', '.'])
      expect(run.code, reporter).toBe(1)
      expect(run.stdout.split('\n').filter((line) => line.startsWith('::')), reporter).toEqual([])
    }
  })
})

describe('config discovery', () => {
  it('stops at the repository root: a config above the folder with .git does not apply', async () => {
    const outer = project({'faircopy.config.json': JSON.stringify({rules: {'image-alt': 'off'}}), 'repo/post.md': broken, 'plain/post.md': broken})
    mkdirSync(join(outer, 'repo', '.git'))
    const inRepo = await faircopy(join(outer, 'repo'), ['--reporter', 'json', 'post.md'])
    expect(json(inRepo.stdout).files[0]?.findings.map((finding) => finding.ruleId)).toContain('image-alt')
    // Outside a repository the search goes on upward, as before.
    const outside = await faircopy(join(outer, 'plain'), ['--reporter', 'json', 'post.md'])
    expect(json(outside.stdout).files[0]?.findings.map((finding) => finding.ruleId)).not.toContain('image-alt')
  })
})
