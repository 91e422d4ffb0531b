import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {expect, it} from 'vitest'

const bin = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))
const gitEnv = {...process.env, GIT_AUTHOR_NAME: 'faircopy', GIT_AUTHOR_EMAIL: 'ci@faircopy.test', GIT_COMMITTER_NAME: 'faircopy', GIT_COMMITTER_EMAIL: 'ci@faircopy.test'}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], {cwd, env: gitEnv, encoding: 'utf8'})
}

function write(root: string, name: string, content: string): void {
  mkdirSync(dirname(join(root, name)), {recursive: true})
  writeFileSync(join(root, name), content)
}

interface Sarif {
  runs: Array<{results: Array<{ruleId: string; baselineState: string; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>}>}>
}

// The README's CI recipe, step by step, in a real git repository: a baseline on main, a pull request that
// changes one article, faircopy run on the changed files only, with SARIF output and the baseline.
it('gates a pull request on the articles it changes, with a baseline and SARIF output', () => {
  const root = mkdtempSync(join(tmpdir(), 'faircopy-ci-'))
  git(root, 'init', '-q')
  write(root, 'content/old.md', '# Old\n\nThe pier was closed by the council.\n\n<img src="old.png">\n')
  write(root, 'content/other.md', '# Other\n\n<img src="other.png">\n')
  const update = spawnSync(process.execPath, [bin, '--baseline', '.faircopy/baseline.json', '--update-baseline', 'content/**/*.md'], {cwd: root, encoding: 'utf8'})
  expect(update.status).toBe(0)
  git(root, 'add', '.')
  git(root, 'commit', '-q', '-m', 'Content and its faircopy baseline')

  git(root, 'checkout', '-q', '-b', 'edit')
  write(root, 'content/old.md', '# Old\n\nA new opening paragraph.\n\nThe pier was closed by the council.\n\n<img src="old.png">\n\n<img src="new.png">\n')
  git(root, 'commit', '-q', '-am', 'Edit an article')

  const changed = git(root, 'diff', '--name-only', '--diff-filter=ACMR', 'main...HEAD', '--', 'content/').trim().split('\n')
  expect(changed).toEqual(['content/old.md'])
  const audit = spawnSync(process.execPath, [bin, '--baseline', '.faircopy/baseline.json', '--reporter', 'sarif', '--output', 'faircopy.sarif', ...changed], {cwd: root, encoding: 'utf8'})
  expect(audit.status).toBe(1)
  const sarif = JSON.parse(readFileSync(join(root, 'faircopy.sarif'), 'utf8')) as Sarif
  const images = (sarif.runs[0]?.results ?? []).filter((result) => result.ruleId === 'image-alt')
  expect(images.map((result) => [result.locations[0]?.physicalLocation.artifactLocation.uri, result.locations[0]?.physicalLocation.region.startLine, result.baselineState])).toEqual([
    ['content/old.md', 7, 'unchanged'],
    ['content/old.md', 9, 'new']
  ])

  // Fixing the new problem passes the gate, though the old one is still there.
  write(root, 'content/old.md', '# Old\n\nA new opening paragraph.\n\nThe pier was closed by the council.\n\n<img src="old.png">\n\n<img src="new.png" alt="The rebuilt pier at low tide">\n')
  const fixed = spawnSync(process.execPath, [bin, '--baseline', '.faircopy/baseline.json', 'content/old.md'], {cwd: root, encoding: 'utf8'})
  expect(fixed.status).toBe(0)
})

/** The script of the README's faircopy step, as the README writes it: the `run: |` block, dedented. */
function readmeStepScript(): string {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const step = readme.slice(readme.indexOf('      - name: faircopy on the articles this pull request changes'))
  const lines = step.split('\n')
  const start = lines.findIndex((line) => line.trim() === 'run: |') + 1
  const body: string[] = []
  for (const line of lines.slice(start)) {
    if (!line.startsWith('          ')) break
    body.push(line.slice(10))
  }
  return `${body.join('\n')}\n`
}

// The README's workflow step, run by bash as GitHub Actions runs it (bash -e), on a pull request whose file names
// are hostile: command substitution, a leading dash, an article directly in content/.
it('runs the README’s workflow step safely on hostile file names, and audits every changed article', () => {
  const script = readmeStepScript()
  expect(script).toContain('mapfile -d')
  const root = mkdtempSync(join(tmpdir(), 'faircopy-ci-'))
  git(root, 'init', '-q')
  write(root, 'content/posts/first.md', '# First\n\nThe tide turns twice a day.\n')
  git(root, 'add', '.')
  git(root, 'commit', '-q', '-m', 'Content')
  git(root, 'update-ref', 'refs/remotes/origin/main', 'main')
  git(root, 'checkout', '-q', '-b', 'edit')
  const hostile = ['content/posts/x$(touch${IFS}PWNED).md', 'content/posts/-dash.md', 'content/top.md', 'content/posts/two words `id`.md']
  for (const name of hostile) write(root, name, '# Tides\n\nThe tide turns twice a day.\n\n<img src="tide.png">\n')
  git(root, 'add', '.')
  git(root, 'commit', '-q', '-m', 'Hostile names')
  // `npx faircopy` as a project that installed faircopy would run it.
  const shims = mkdtempSync(join(tmpdir(), 'faircopy-shim-'))
  writeFileSync(join(shims, 'npx'), `#!/bin/sh\n[ "$1" = faircopy ] && shift\nexec "${process.execPath}" "${bin}" "$@"\n`, {mode: 0o755})
  mkdirSync(join(root, '.faircopy'), {recursive: true})
  writeFileSync(join(root, '.faircopy', 'baseline.json'), '{"faircopyBaseline": 1, "files": {}}\n')
  const output = join(root, 'github-output')
  const run = spawnSync('bash', ['-e', '-c', script], {cwd: root, encoding: 'utf8', env: {...gitEnv, PATH: `${shims}:${process.env['PATH'] ?? ''}`, BASE_REF: 'main', GITHUB_OUTPUT: output}})
  // The articles have an image without alt text: the gate fails, as it should.
  expect(run.status, run.stderr).toBe(1)
  expect(existsSync(join(root, 'PWNED'))).toBe(false)
  expect(readFileSync(output, 'utf8')).toBe('count=4\n')
  const sarif = JSON.parse(readFileSync(join(root, 'faircopy.sarif'), 'utf8')) as Sarif
  const audited = new Set((sarif.runs[0]?.results ?? []).map((result) => decodeURIComponent(result.locations[0]?.physicalLocation.artifactLocation.uri ?? '')))
  expect([...audited].sort()).toEqual([...hostile].sort())
})
