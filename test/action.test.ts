import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {parse as parseYaml, parseDocument} from 'yaml'
import {beforeAll, describe, expect, it} from 'vitest'

// The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml), run for real: the action's audit
// script in temporary git repositories with the environment a runner gives a step, against the built dist/.

const root = fileURLToPath(new URL('..', import.meta.url))
const runScript = join(root, 'action', 'run.mjs')
const installScript = join(root, 'action', 'install.sh')
const gitIdentity = {GIT_AUTHOR_NAME: 'faircopy', GIT_AUTHOR_EMAIL: 'ci@faircopy.test', GIT_COMMITTER_NAME: 'faircopy', GIT_COMMITTER_EMAIL: 'ci@faircopy.test'}

/** The environment of a step on a runner, without anything this test process inherited from a real one. */
function baseEnv(): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([key]) => !/^(GITHUB_|INPUT_|RUNNER_|FAIRCOPY_)/.test(key) && key !== 'CI')
  return {...Object.fromEntries(kept), ...gitIdentity, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1'}
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'core.quotePath=true', ...args], {cwd, env: baseEnv(), encoding: 'utf8'})
}

function write(folder: string, name: string, content: string): void {
  mkdirSync(dirname(join(folder, name)), {recursive: true})
  writeFileSync(join(folder, name), content)
}

function commit(folder: string, message: string): string {
  git(folder, 'add', '-A')
  git(folder, 'commit', '-q', '-m', message)
  return git(folder, 'rev-parse', 'HEAD').trim()
}

const clean = '# Tides\n\nThe tide comes in twice a day. We walk on the sand when it goes out.\n'
const imageWithoutAlt = '# Old\n\nThe tide comes in twice a day.\n\n<img src="new.png">\n'
const skippedHeading = '# New\n\n### A skipped level\n\nThe tide comes in twice a day.\n'

/** Names a shell would run or split: a space and a command substitution, a quote, a line break, a leading dash. */
const hostile = 'content/new post $(touch pwned) "q".md'
const twoLines = 'content/two\nlines.md'
const dashed = '-x.md'

interface ActionRun {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** RUNNER_TEMP after the run: the script cleans up after itself. */
  leftInTemp: string[]
}

/** Runs the action's audit step as the composite action does, with the event and the inputs given. */
function runAction(workspace: string, event: {name: string; payload: object}, inputs: Record<string, string> = {}): ActionRun {
  const runner = mkdtempSync(join(tmpdir(), 'faircopy-runner-'))
  const eventPath = join(runner, 'event.json')
  writeFileSync(eventPath, JSON.stringify(event.payload))
  const output = join(runner, 'output')
  const summary = join(runner, 'summary.md')
  writeFileSync(output, '')
  writeFileSync(summary, '')
  const temp = join(runner, 'temp')
  mkdirSync(temp)
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name}`, value]))
  const result = spawnSync(process.execPath, [runScript], {
    // The step's working folder is not the workspace here: the script must find it from GITHUB_WORKSPACE.
    cwd: runner,
    encoding: 'utf8',
    env: {
      ...baseEnv(),
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: root,
      RUNNER_TEMP: temp,
      ...inputEnv
    }
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8'), leftInTemp: readdirSync(temp)}
}

/** $GITHUB_OUTPUT in the runner's `name<<DELIMITER` form; anything else in it fails the test. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  let rest = text
  while (rest !== '') {
    const match = /^([A-Za-z0-9_-]+)<<(\S+)\n/.exec(rest)
    if (!match?.[1] || !match[2]) throw new Error(`not an output in GITHUB_OUTPUT: ${JSON.stringify(rest.slice(0, 80))}`)
    const end = rest.indexOf(`\n${match[2]}\n`, match[0].length - 1)
    if (end === -1) throw new Error(`output ${match[1]} has no closing delimiter`)
    outputs[match[1]] = rest.slice(match[0].length, end)
    rest = rest.slice(end + match[2].length + 2)
  }
  return outputs
}

/** The runner's reading of an escaped annotation property. */
function unescapeProperty(text: string): string {
  return text.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)))
}

/** Files the annotations on stdout are about. */
function annotatedFiles(stdout: string): Set<string> {
  return new Set([...stdout.matchAll(/^::(?:error|warning|notice) file=([^,:\n]*)/gm)].map((match) => unescapeProperty(match[1] ?? '')))
}

/** Files in the job summary's table (its rows, in order); a line break in a name is shown as a space. */
function summaryRows(summary: string): string[] {
  return [...summary.matchAll(/^\| (.+?) \| (?:[\d.]+ \/ [\d.]+|–) \|/gm)].map((match) => match[1] ?? '')
}

function noPwned(...folders: string[]): void {
  for (const folder of [...folders, root, process.cwd()]) expect(existsSync(join(folder, 'pwned')), `${folder}/pwned`).toBe(false)
}

const schema = JSON.parse(readFileSync(join(root, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object
const ajv = new ajvDraft04.default({allErrors: true, unicodeRegExp: false, strict: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)

// A push of one commit: an article edited, four added (one under each hostile name, one HTML page), one renamed,
// one deleted, a text file and a symbolic link added; an article with problems of its own is left untouched.
let pushed: string
let pushEvent: {name: string; payload: object}
const changedByPush = ['content/old.md', hostile, twoLines, dashed, 'content/page.html', 'content/renamed.md']

beforeAll(() => {
  pushed = mkdtempSync(join(tmpdir(), 'faircopy-action-'))
  git(pushed, 'init', '-q')
  write(pushed, 'content/old.md', clean)
  write(pushed, 'content/untouched.md', imageWithoutAlt)
  write(pushed, 'content/moving.md', clean)
  write(pushed, 'content/gone.md', '# Gone\n\nThis article is removed in the next commit, and nothing else reads like it.\n')
  write(pushed, 'secret.txt', 'Not an article.\n')
  const before = commit(pushed, 'The articles')

  write(pushed, 'content/old.md', imageWithoutAlt)
  write(pushed, hostile, skippedHeading)
  write(pushed, twoLines, '# Two lines\n\nThe boats come back to the harbour at dusk.\n')
  write(pushed, dashed, '# Dash\n\nWe buy fish at the market on the quay.\n')
  write(pushed, 'content/page.html', '<!doctype html>\n<html lang="en"><head><title>Page</title></head><body><main><h1>Page</h1><p>The tide comes in twice a day.</p></main></body></html>\n')
  git(pushed, 'mv', 'content/moving.md', 'content/renamed.md')
  rmSync(join(pushed, 'content/gone.md'))
  write(pushed, 'notes.txt', 'The pier was broken by the storm.\n')
  symlinkSync('../secret.txt', join(pushed, 'content/link.md'))
  const after = commit(pushed, 'Edit, add, rename and remove articles')
  pushEvent = {name: 'push', payload: {before, after, ref: 'refs/heads/main', repository: {default_branch: 'main'}}}

  // The names went into git as they are.
  const added = git(pushed, 'diff', '--name-only', '-z', '--diff-filter=A', before, after).split('\0')
  expect(added).toEqual(expect.arrayContaining([hostile, twoLines, dashed, 'content/link.md']))
})

describe('the action, on a push', () => {
  it('audits the changed articles only, annotates them, writes the job summary and fails with faircopy’s exit code', () => {
    const run = runAction(pushed, pushEvent)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(1)
    expect(run.outputs).toEqual({'exit-code': '1', files: String(changedByPush.length), 'sarif-file': ''})

    // Every changed article has its row in the summary; the untouched one, the text file, the deleted file and the
    // symbolic link have none.
    expect(run.summary.startsWith('## faircopy: ❌ failed\n\n| file | grade / target |')).toBe(true)
    expect(summaryRows(run.summary).sort()).toEqual(changedByPush.map((name) => name.replace('\n', ' ')).sort())
    expect(run.summary).toContain('- **5:1** Images must have alternative text. `image-alt`')

    // Annotations: the new image in the edited article, the skipped heading level under the hostile name.
    expect(run.stdout).toMatch(/^::error file=content\/old\.md,line=5,col=1,endLine=5,endColumn=\d+,title=image-alt::Images must have alternative text\.$/m)
    expect(run.stdout).toMatch(/^::warning file=content\/new post \$\(touch pwned\) "q"\.md,line=3,col=1,endLine=3,endColumn=\d+,title=heading-order::Heading levels should only increase by one\.$/m)
    const annotated = annotatedFiles(run.stdout)
    expect(annotated.has('content/old.md')).toBe(true)
    expect(annotated.has(hostile)).toBe(true)
    for (const file of annotated) expect(changedByPush).toContain(file)

    // The list in the log is escaped, so the line break in a name cannot start a line, let alone a command.
    expect(run.stdout).toContain('\n  content/two%0Alines.md\n')
    for (const line of run.stdout.split('\n')) expect(line).not.toMatch(/^\s*lines\.md/)
    noPwned(pushed, join(pushed, 'content'))
    expect(run.leftInTemp).toEqual([])
  })

  it('with reporter sarif, writes a valid SARIF file of the changed articles and the Markdown summary, and no annotations', () => {
    const run = runAction(pushed, pushEvent, {REPORTER: 'sarif', SARIF_FILE: 'reports/faircopy.sarif'})
    expect(run.status).toBe(1)
    expect(run.outputs).toEqual({'exit-code': '1', files: String(changedByPush.length), 'sarif-file': 'reports/faircopy.sarif'})
    expect(run.stdout).not.toMatch(/^::(?:error|warning|notice) file=/m)

    const sarif = JSON.parse(readFileSync(join(pushed, 'reports/faircopy.sarif'), 'utf8')) as {runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>}>}>}
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true)
    const results = sarif.runs[0]?.results ?? []
    const uris = new Set(results.map((result) => decodeURIComponent(result.locations[0]?.physicalLocation.artifactLocation.uri ?? '')))
    expect(uris.has('content/old.md')).toBe(true)
    expect(uris.has(hostile)).toBe(true)
    for (const uri of uris) expect(changedByPush).toContain(uri)
    expect(results.map((result) => result.ruleId)).toContain('image-alt')

    expect(run.summary.startsWith('### faircopy: ❌ failed\n\n| file | grade / target |')).toBe(true)
    expect(summaryRows(run.summary).sort()).toEqual(changedByPush.map((name) => name.replace('\n', ' ')).sort())
    noPwned(pushed, join(pushed, 'content'), join(pushed, 'reports'))
    expect(run.leftInTemp).toEqual([])
  })

  it('passes the baseline on: known findings are notices, and the gate passes', () => {
    const baseline = join(mkdtempSync(join(tmpdir(), 'faircopy-baseline-')), 'baseline.json')
    const update = spawnSync(process.execPath, [join(root, 'dist/cli/bin.js'), '--baseline', baseline, '--update-baseline', '--', ...changedByPush], {cwd: pushed, encoding: 'utf8', env: baseEnv()})
    expect(update.status).toBe(0)
    const run = runAction(pushed, pushEvent, {BASELINE: baseline})
    expect(run.status).toBe(0)
    expect(run.outputs['exit-code']).toBe('0')
    expect(run.stdout).toMatch(/^::notice file=content\/old\.md,line=5,.*,title=image-alt \(baseline\)::/m)
    expect(run.stdout).not.toMatch(/^::(?:error|warning) file=/m)
    expect(run.summary.startsWith('## faircopy: ✅ passed\n')).toBe(true)
  })

  it('passes when the push changed no article, and says so in the summary', () => {
    const head = git(pushed, 'rev-parse', 'HEAD').trim()
    const run = runAction(pushed, {name: 'push', payload: {before: head, after: head}})
    expect(run.status).toBe(0)
    expect(run.outputs).toEqual({'exit-code': '0', files: '0', 'sarif-file': ''})
    expect(run.summary).toBe('## faircopy: ✅ passed\n\nNo changed articles to audit.\n')
    const sarif = runAction(pushed, {name: 'push', payload: {before: head, after: head}}, {REPORTER: 'sarif', SARIF_FILE: 'empty.sarif'})
    expect(sarif.status).toBe(0)
    const empty = JSON.parse(readFileSync(join(pushed, 'empty.sarif'), 'utf8')) as {runs: Array<{results: unknown[]}>}
    expect(validateSarif(empty)).toBe(true)
    expect(empty.runs[0]?.results).toEqual([])
  })
})

describe('the action, on other events and inputs', () => {
  it('on a pull request, audits what the branch changed since it left the base, not what the base did since', () => {
    const repo = mkdtempSync(join(tmpdir(), 'faircopy-action-pr-'))
    git(repo, 'init', '-q')
    write(repo, 'content/old.md', clean)
    write(repo, 'content/other.md', clean)
    commit(repo, 'The articles')
    git(repo, 'checkout', '-q', '-b', 'edit')
    write(repo, 'content/old.md', imageWithoutAlt)
    const head = commit(repo, 'Edit an article')
    git(repo, 'checkout', '-q', 'main')
    write(repo, 'content/other.md', imageWithoutAlt)
    const base = commit(repo, 'Meanwhile on main')
    git(repo, 'checkout', '-q', 'edit')

    const run = runAction(repo, {name: 'pull_request', payload: {pull_request: {base: {sha: base, ref: 'main'}, head: {sha: head, ref: 'edit'}}}})
    expect(run.status).toBe(1)
    expect(summaryRows(run.summary)).toEqual(['content/old.md'])
    expect(run.outputs['files']).toBe('1')
    expect([...annotatedFiles(run.stdout)]).toEqual(['content/old.md'])
  })

  it('on the push of a new branch, audits what it changed since the default branch', () => {
    const repo = mkdtempSync(join(tmpdir(), 'faircopy-action-branch-'))
    git(repo, 'init', '-q')
    write(repo, 'content/old.md', clean)
    write(repo, 'content/other.md', imageWithoutAlt)
    const main = commit(repo, 'The articles')
    git(repo, 'update-ref', 'refs/remotes/origin/main', main)
    git(repo, 'checkout', '-q', '-b', 'new')
    write(repo, 'content/added.md', clean)
    const after = commit(repo, 'A new article')
    const run = runAction(repo, {name: 'push', payload: {before: '0'.repeat(40), after, created: true, repository: {default_branch: 'main'}}})
    expect(run.status).toBe(0)
    expect(summaryRows(run.summary)).toEqual(['content/added.md'])
  })

  it('in a shallow checkout (fetch-depth 1), fetches the commit before the push and audits what changed since', () => {
    const origin = mkdtempSync(join(tmpdir(), 'faircopy-action-origin-'))
    git(origin, 'init', '-q')
    write(origin, 'content/old.md', clean)
    write(origin, 'content/other.md', imageWithoutAlt)
    const before = commit(origin, 'The articles')
    write(origin, 'content/old.md', imageWithoutAlt)
    const after = commit(origin, 'Edit an article')
    const checkout = join(mkdtempSync(join(tmpdir(), 'faircopy-action-shallow-')), 'repo')
    git(tmpdir(), 'clone', '-q', '--depth', '1', `file://${origin}`, checkout)
    expect(spawnSync('git', ['cat-file', '-e', `${before}^{commit}`], {cwd: checkout}).status).not.toBe(0)

    const run = runAction(checkout, {name: 'push', payload: {before, after}})
    expect(run.stdout).toContain(`faircopy: articles changed since the commit before the push, ${before}.`)
    expect(summaryRows(run.summary)).toEqual(['content/old.md'])
    expect(run.status).toBe(1)
  })

  it('without a base to compare with (a manual run), audits every tracked article', () => {
    const run = runAction(pushed, {name: 'workflow_dispatch', payload: {}})
    expect(summaryRows(run.summary).sort()).toEqual([...changedByPush, 'content/untouched.md'].map((name) => name.replace('\n', ' ')).sort())
    expect(run.status).toBe(1)
  })

  it('audits the files input instead, one path or glob per line, with the config input', () => {
    const run = runAction(pushed, pushEvent, {FILES: 'content/untouched.md\n\n  content/two*.md  \n'})
    expect(summaryRows(run.summary)).toEqual(['content/untouched.md', 'content/two lines.md'])
    expect(run.status).toBe(1)

    // The article under the hostile name has a warning only: it passes, unless a config fails on warnings.
    const warnings = join(mkdtempSync(join(tmpdir(), 'faircopy-config-')), 'faircopy.config.json')
    writeFileSync(warnings, JSON.stringify({failOn: 'warning'}))
    expect(runAction(pushed, pushEvent, {FILES: hostile}).status).toBe(0)
    const strict = runAction(pushed, pushEvent, {FILES: hostile, CONFIG: warnings})
    expect(strict.status).toBe(1)
    expect(strict.outputs['exit-code']).toBe('1')
    noPwned(pushed, join(pushed, 'content'))
  })

  it('takes hostile input values as values: a config path that looks like shell code is a missing file, exit 2', () => {
    const run = runAction(pushed, pushEvent, {CONFIG: 'x"; touch pwned; echo "$(touch pwned)', ENGINE: 'jsdom'})
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('x"; touch pwned; echo "$(touch pwned): the file does not exist')
    expect(run.outputs['exit-code']).toBe('2')
    noPwned(pushed, join(pushed, 'content'))
  })

  it('refuses a reporter it does not know, or an input of more than one line, with an annotation and exit code 2', () => {
    const run = runAction(pushed, pushEvent, {REPORTER: 'junit'})
    expect(run.status).toBe(2)
    expect(run.stdout).toBe('::error title=faircopy action::the reporter input must be github or sarif\n')
    expect(run.outputs).toEqual({'exit-code': '2', files: '0', 'sarif-file': ''})
    const forged = runAction(pushed, pushEvent, {BASELINE: 'baseline.json\n::warning::forged'})
    expect(forged.status).toBe(2)
    expect(forged.stdout).toBe('::error title=faircopy action::the baseline input must be one line\n')
  })
})

describe('action.yml', () => {
  const text = readFileSync(join(root, 'action.yml'), 'utf8')
  const document = parseDocument(text, {uniqueKeys: true})
  const action = document.toJS() as {
    name: string
    inputs: Record<string, {default?: string}>
    outputs: Record<string, {value: string}>
    runs: {using: string; steps: Array<{id?: string; run?: string; shell?: string; env?: Record<string, string>; uses?: string}>}
  }

  it('is well-formed YAML for a composite action with the documented inputs and outputs', () => {
    expect(document.errors).toEqual([])
    expect(document.warnings).toEqual([])
    expect(action.name).toBe('faircopy')
    expect(action.runs.using).toBe('composite')
    expect(Object.keys(action.inputs).sort()).toEqual(['baseline', 'config', 'engine', 'files', 'reporter', 'sarif-file', 'version'])
    expect(action.inputs['reporter']?.default).toBe('github')
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'files', 'sarif-file'])
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.audit.outputs.${name} }}`)
  })

  it('pastes no expression into a run: script; inputs arrive through env and every one is used', () => {
    const steps = action.runs.steps
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      if (step.run === undefined) continue
      expect(step.run, `step ${step.id ?? '?'}`).not.toContain('${{')
      expect(step.shell).toBe('bash')
    }
    const envValues = steps.flatMap((step) => Object.values(step.env ?? {}))
    for (const name of Object.keys(action.inputs)) expect(envValues).toContain(`\${{ inputs.${name} }}`)
    // Each INPUT_* the audit script reads, the audit step sets.
    const audit = steps.find((step) => step.id === 'audit')
    const read = [...readFileSync(runScript, 'utf8').matchAll(/\binput\('([A-Z_]+)'\)/g)].map((match) => `INPUT_${match[1]}`)
    expect(read.length).toBeGreaterThan(0)
    for (const variable of new Set(read)) expect(Object.keys(audit?.env ?? {})).toContain(variable)
  })

  it('runs the checked-in scripts of the action', () => {
    const runs = action.runs.steps.flatMap((step) => (step.run === undefined ? [] : [step.run]))
    expect(runs).toEqual(['bash "$GITHUB_ACTION_PATH/action/install.sh"', 'node "$GITHUB_ACTION_PATH/action/run.mjs"'])
    expect(existsSync(installScript)).toBe(true)
    expect(existsSync(runScript)).toBe(true)
  })

  it('installs only a version, range or dist-tag from npm: a path, URL or option is refused before npm runs', () => {
    for (const version of ['file:../evil', 'https://example.invalid/x.tgz', '--registry=https://example.invalid', '1.0.0 evil', 'github:evil/faircopy']) {
      const output = join(mkdtempSync(join(tmpdir(), 'faircopy-install-')), 'output')
      const install = spawnSync('bash', [installScript], {encoding: 'utf8', env: {...baseEnv(), FAIRCOPY_VERSION: version, GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: root}})
      expect(install.status, version).toBe(2)
      expect(install.stdout).toBe('::error title=faircopy action::the version input must be a faircopy version, range or dist-tag, such as 0.2.1, ^0.2 or latest\n')
      expect(existsSync(output)).toBe(false)
    }
  })
})

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{id: string; entry: string; language: string; types_or: string[]; pass_filenames: boolean; args?: string[]}>
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}

  it('declares a node hook whose entry is the package’s bin, on Markdown, MDX and HTML files', () => {
    const hook = hooks.find((candidate) => candidate.id === 'faircopy')
    expect(hook).toMatchObject({language: 'node', entry: 'faircopy', pass_filenames: true})
    expect(Object.keys(manifest.bin)).toContain(hook?.entry)
    expect(hook?.types_or).toEqual(expect.arrayContaining(['markdown', 'html', 'mdx']))
  })

  it('runs the built bin with the hook’s args and two file names, as pre-commit would', () => {
    const hook = hooks.find((candidate) => candidate.id === 'faircopy')
    if (!hook) throw new Error('no faircopy hook')
    const bin = join(root, manifest.bin[hook.entry] ?? '')
    const folder = mkdtempSync(join(tmpdir(), 'faircopy-hook-'))
    write(folder, 'a draft.md', clean)
    write(folder, '-b.md', clean)
    const passing = spawnSync(process.execPath, [bin, ...(hook.args ?? []), 'a draft.md', '-b.md'], {cwd: folder, encoding: 'utf8', env: baseEnv()})
    expect(passing.stderr).toBe('')
    expect(passing.status).toBe(0)
    expect(passing.stdout).toContain('a draft.md')
    expect(passing.stdout).toContain('-b.md')
    expect(passing.stdout).toMatch(/^2 files: /m)

    write(folder, '-b.md', imageWithoutAlt)
    const failing = spawnSync(process.execPath, [bin, ...(hook.args ?? []), 'a draft.md', '-b.md'], {cwd: folder, encoding: 'utf8', env: baseEnv()})
    expect(failing.status).toBe(1)
    expect(failing.stdout).toContain('Images must have alternative text.')
  })
})
