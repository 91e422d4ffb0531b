// The audit step of the faircopy GitHub Action (action.yml). It is run as `node "$GITHUB_ACTION_PATH/action/run.mjs"`
// and gets everything through the environment: the action's inputs as INPUT_* variables, the event as the runner
// writes it (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH). No shell is involved anywhere below: git and faircopy are started
// with argument arrays, file names travel NUL-separated from `git diff -z` and reach faircopy one argument each, after
// `--`. A file named `$(touch pwned).md` or `-rf.md` is a file name and nothing else.
//
// What it does: works out the articles to audit (the `files` input, else the articles the push or pull request
// changed), runs faircopy with the github or sarif reporter, writes the job summary, sets the outputs exit-code,
// files and sarif-file, and exits with faircopy's exit code (0 passed, 1 the gate failed, 2 the run could not be done).

import {spawnSync} from 'node:child_process'
import {randomUUID} from 'node:crypto'
import {appendFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/** The formats faircopy reads that a changed-files run audits (text files are left to an explicit `files`). */
const ARTICLE = /\.(?:md|markdown|mdx|html?)$/i
/** A commit id as GitHub's events give them (SHA-1, or SHA-256 repositories). */
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
/** Above this many bytes of names the list goes to faircopy as a NUL-separated file (`-0 --files-from`). */
const ARGUMENT_BYTES = 96 * 1024

const env = process.env

function input(name) {
  return (env[`INPUT_${name}`] ?? '').trim()
}

/** A workflow command's data, escaped as the runner reads it: one line, `%` kept. */
function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function log(message) {
  process.stdout.write(`${message}\n`)
}

/** An error annotation of the action's own; its message is escaped like any other data. */
function annotateError(message) {
  process.stdout.write(`::error title=faircopy action::${escapeData(message)}\n`)
}

/** Why the action could not do its work: it becomes an annotation and exit code 2. */
class ActionError extends Error {}

function fail(message) {
  throw new ActionError(message)
}

/** An output in the runner's multi-line form, with a delimiter the value cannot contain. */
function setOutput(name, value) {
  const file = env.GITHUB_OUTPUT
  if (!file) return
  const delimiter = `faircopy_${randomUUID()}`
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
}

function appendSummary(markdown) {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown)
}

const NOTHING_CHANGED = '## faircopy: ✅ passed\n\nNo changed articles to audit.\n'

function git(args, allowFailure = false) {
  const result = spawnSync('git', args, {encoding: 'buffer', maxBuffer: 1 << 30})
  if (result.status !== 0 && !allowFailure) fail(`git ${args[0]} failed: ${result.error?.message ?? result.stderr.toString('utf8').trim()}`)
  return result
}

function hasCommit(sha) {
  return git(['cat-file', '-e', `${sha}^{commit}`], true).status === 0
}

/** Makes sure the base commit is here; a shallow checkout (fetch-depth 1) gets it with one more fetch. */
function fetched(sha) {
  if (hasCommit(sha)) return true
  git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', sha], true)
  return hasCommit(sha)
}

/** NUL-separated names, as `git … -z` writes them, in order, without the empty end. */
function splitNul(buffer) {
  return buffer.toString('utf8').split('\0').filter((name) => name !== '')
}

function readEvent() {
  const path = env.GITHUB_EVENT_PATH
  if (!path || !existsSync(path)) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    fail('the event file GITHUB_EVENT_PATH names is not JSON')
  }
}

/** The commit the run's changes are measured from, and how it was chosen; undefined when there is none. */
function baseCommit(eventName, event) {
  const candidates = []
  if (eventName === 'pull_request' || eventName === 'pull_request_target') candidates.push(['the pull request base', event.pull_request?.base?.sha])
  else if (eventName === 'merge_group') candidates.push(['the merge group base', event.merge_group?.base_sha])
  else if (eventName === 'push') {
    candidates.push(['the commit before the push', event.before])
    // A new branch has no `before`: measure from where it left the default branch.
    const branch = event.repository?.default_branch
    if (typeof branch === 'string' && branch !== '') {
      const tip = git(['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}^{commit}`], true)
      if (tip.status === 0) candidates.push([`the default branch (origin/${branch})`, tip.stdout.toString('utf8').trim()])
    }
  }
  for (const [label, sha] of candidates) {
    if (typeof sha !== 'string' || !SHA.test(sha) || /^0+$/.test(sha)) continue
    if (!fetched(sha)) continue
    // From the merge base when there is one, so that what the base branch did since is not counted as a change.
    const mergeBase = git(['merge-base', sha, 'HEAD'], true)
    const from = mergeBase.status === 0 ? mergeBase.stdout.toString('utf8').trim() : sha
    return {label, sha: from}
  }
  return undefined
}

/** Articles the push or pull request added, copied, changed or renamed; symbolic links are not followed. */
function changedArticles() {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const base = baseCommit(eventName, readEvent())
  let names
  if (base === undefined) {
    log(`faircopy: no base commit to compare with for a ${eventName || 'local'} run: auditing every tracked article.`)
    names = splitNul(git(['ls-files', '-z']).stdout)
  } else {
    log(`faircopy: articles changed since ${base.label}, ${base.sha}.`)
    names = splitNul(git(['diff', '--name-only', '-z', '--no-ext-diff', '--diff-filter=ACMR', '--relative', base.sha, 'HEAD']).stdout)
  }
  const articles = names.filter((name) => ARTICLE.test(name))
  const files = articles.filter((name) => {
    try {
      return lstatSync(name).isFile()
    } catch {
      return false
    }
  })
  const skipped = articles.length - files.length
  if (skipped > 0) log(`faircopy: ${skipped} changed article name(s) are symbolic links or not in the checkout, and are not audited.`)
  return files
}

/** The `files` input: one path or glob per line (faircopy expands the globs). */
function listedFiles(text) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** Runs faircopy's built bin with `args`, the file list last; its stdout and stderr go to the log. */
function faircopy(bin, args, files, temporary) {
  const bytes = files.reduce((sum, name) => sum + Buffer.byteLength(name) + 1, 0)
  let list = ['--', ...files]
  if (files.length === 0 || bytes > ARGUMENT_BYTES) {
    // No names (a run of no files, which passes), or more than fit one command line: a NUL-separated list file.
    const listFile = join(temporary, 'files.nul')
    writeFileSync(listFile, files.map((name) => `${name}\0`).join(''))
    list = ['-0', '--files-from', listFile]
  }
  const result = spawnSync(process.execPath, [bin, ...args, ...list], {stdio: ['ignore', 'inherit', 'inherit']})
  if (result.error) fail(`faircopy could not be started: ${result.error.message}`)
  return result.status ?? 2
}

/** The whole step; returns the exit code and the outputs. */
function audit(temporary) {
  const workspace = env.GITHUB_WORKSPACE
  if (workspace) process.chdir(workspace)
  const bin = env.FAIRCOPY_BIN || join(env.GITHUB_ACTION_PATH ?? '', 'dist', 'cli', 'bin.js')
  if (!existsSync(bin)) fail(`faircopy is not installed: ${bin} does not exist`)

  for (const name of ['CONFIG', 'BASELINE', 'ENGINE', 'REPORTER', 'SARIF_FILE']) {
    if (/[\r\n]/.test(input(name))) fail(`the ${name.toLowerCase().replace('_', '-')} input must be one line`)
  }
  const reporter = input('REPORTER') || 'github'
  if (reporter !== 'github' && reporter !== 'sarif') fail('the reporter input must be github or sarif')
  const sarifFile = input('SARIF_FILE') || 'faircopy.sarif'
  const options = []
  if (input('CONFIG')) options.push('--config', input('CONFIG'))
  if (input('BASELINE')) options.push('--baseline', input('BASELINE'))
  if (input('ENGINE')) options.push('--engine', input('ENGINE'))

  const listed = input('FILES')
  const files = listed ? listedFiles(listed) : changedArticles()
  log(`faircopy: ${files.length} ${listed ? 'path(s) or glob(s) from the files input' : 'changed article(s)'} to audit.`)
  if (files.length > 0) {
    log('::group::faircopy: the list')
    // Escaped and indented: a name cannot start a workflow command of its own.
    for (const name of files) log(`  ${escapeData(name)}`)
    log('::endgroup::')
  }

  if (reporter === 'github') {
    if (files.length === 0) {
      appendSummary(NOTHING_CHANGED)
      return {code: 0, count: 0}
    }
    // With this reporter the CLI appends the job summary to $GITHUB_STEP_SUMMARY itself.
    return {code: faircopy(bin, ['--format', 'github', ...options], files, temporary), count: files.length}
  }

  // SARIF for code scanning and a Markdown summary for the run's page, from one audit: the run as JSON, then both
  // written from it by `faircopy merge`, which keeps each file's verdict and the baseline's marks.
  const json = join(temporary, 'run.json')
  const code = faircopy(bin, ['--format', 'json', '--output', json, ...options], files, temporary)
  if (!existsSync(json)) return {code: Math.max(code, 2), count: files.length}
  // The old file goes first, so that a file there afterwards is this run's. (merge exits as the run does: 1 or 2 too.)
  try {
    rmSync(sarifFile, {force: true})
  } catch (error) {
    fail(`the sarif-file ${sarifFile} cannot be written: ${error.message}`)
  }
  spawnSync(process.execPath, [bin, 'merge', '--format', 'sarif', '--output', sarifFile, json], {stdio: ['ignore', 'inherit', 'inherit']})
  if (files.length === 0) appendSummary(NOTHING_CHANGED)
  else {
    const markdown = spawnSync(process.execPath, [bin, 'merge', '--format', 'markdown', json], {encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit']})
    if (markdown.stdout) appendSummary(markdown.stdout)
  }
  if (!existsSync(sarifFile)) {
    annotateError(`the SARIF file ${sarifFile} was not written`)
    return {code: Math.max(code, 2), count: files.length}
  }
  return {code, count: files.length, sarifFile}
}

const temporary = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'faircopy-'))
let result
try {
  result = audit(temporary)
} catch (error) {
  if (!(error instanceof ActionError)) throw error
  annotateError(error.message)
  result = {code: 2, count: 0}
} finally {
  rmSync(temporary, {recursive: true, force: true})
}
setOutput('exit-code', String(result.code))
setOutput('files', String(result.count))
setOutput('sarif-file', result.sarifFile ?? '')
process.exitCode = result.code
