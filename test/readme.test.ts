import {execFileSync, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

// Every shell block of the README marked `<!-- runnable: … -->` is run, line by line and word for word, in a
// temporary place: `repository` is a copy of this repository (its tracked and new files, node_modules linked
// file by file), `project` a content project with faircopy installed as npm links a package and a few articles in
// `content/` (one of which fails the gate). `chromium` blocks need Debian's Chromium. Each line must exit 0, or
// the code its mark names.
const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(join(root, 'README.md'), 'utf8')

interface Block {
  readonly line: number
  readonly where: 'repository' | 'project'
  readonly chromium: boolean
  /** The exit code each line must give: 0, or the one the mark names (`exit 1`: the articles fail the gate). */
  readonly exit: number
  readonly commands: readonly string[]
}

function runnableBlocks(text: string): Block[] {
  const blocks: Block[] = []
  const lines = text.split('\n')
  lines.forEach((line, index) => {
    const mark = /^<!-- runnable: (repository|project)(, chromium)?(?:, exit (\d))? -->$/.exec(line)
    if (!mark) return
    if (!/^```(?:sh|bash|shell)$/.test(lines[index + 1] ?? '')) throw new Error(`README line ${index + 1}: a runnable mark must stand right above a sh block`)
    const end = lines.findIndex((candidate, at) => at > index + 1 && candidate === '```')
    const commands = lines.slice(index + 2, end).filter((command) => command.trim() !== '' && !command.trim().startsWith('#'))
    blocks.push({line: index + 1, where: mark[1] as Block['where'], chromium: mark[2] !== undefined, exit: Number(mark[3] ?? 0), commands})
  })
  return blocks
}

/** A copy of the repository as a fresh clone has it, with node_modules as hard links (no copying 160 MB). */
function repositoryCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'faircopy-readme-repo-'))
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: root, encoding: 'utf8'}).split('\0').filter(Boolean)
  for (const file of files) {
    if (!existsSync(join(root, file))) continue
    mkdirSync(dirname(join(copy, file)), {recursive: true})
    cpSync(join(root, file), join(copy, file))
  }
  execFileSync('cp', ['-al', join(root, 'node_modules'), join(copy, 'node_modules')])
  return copy
}

/** A content project with faircopy in node_modules (a link to the built package, as `npm link` makes) and articles. */
function contentProject(): string {
  const project = mkdtempSync(join(tmpdir(), 'faircopy-readme-project-'))
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'site', private: true}))
  mkdirSync(join(project, 'node_modules', '.bin'), {recursive: true})
  symlinkSync(root, join(project, 'node_modules', 'faircopy'))
  // npm makes the bin executable when it installs; the build leaves it as tsc wrote it, so the link is a shim.
  writeFileSync(join(project, 'node_modules', '.bin', 'faircopy'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'dist', 'cli', 'bin.js')}" "$@"\n`, {mode: 0o755})
  mkdirSync(join(project, 'content', 'news'), {recursive: true})
  writeFileSync(join(project, 'content', 'tides.md'), '# Tides\n\nThe tide turns twice a day, and the harbour opens at six.\n')
  writeFileSync(join(project, 'content', 'news', 'pier.md'), '# Pier\n\nThe pier was mended by the council in May.\n\n<img src="pier.png">\n')
  return project
}

const blocks = runnableBlocks(readme)

describe('the README’s runnable shell blocks', () => {
  it('are there: the quick start, the baseline and the chromium engine', () => {
    expect(blocks.map((block) => block.commands[0])).toEqual([
      expect.stringMatching(/^npm install && npm run example/),
      expect.stringMatching(/^npx faircopy --baseline /),
      'npx faircopy --engine chromium content/'
    ])
  })

  it.each(blocks.map((block) => [block.line, block] as const))('run word for word (the block at README line %i)', (_line, block) => {
    if (block.chromium && !existsSync('/usr/bin/chromium')) {
      if (process.env['CI']) throw new Error('Chromium is missing at /usr/bin/chromium: .ci/run installs it.')
      console.warn(`README line ${block.line}: skipped here, Chromium is not installed`)
      return
    }
    const cwd = block.where === 'repository' ? repositoryCopy() : contentProject()
    for (const command of block.commands) {
      // `npm test` is the command that runs this test: .ci/run runs it word for word.
      if (/^npm test(\s|$)/.test(command)) continue
      const run = spawnSync('bash', ['-c', command], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', npm_config_prefer_offline: 'true'}, timeout: 240_000})
      expect(run.status, `${command}\n${run.stdout}\n${run.stderr}`).toBe(block.exit)
    }
  })
})
