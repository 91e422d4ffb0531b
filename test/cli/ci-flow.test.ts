import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
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
