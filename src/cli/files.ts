import {closeSync, existsSync, openSync, readFileSync, readSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import picomatch from 'picomatch'
import {glob, isDynamicPattern} from 'tinyglobby'
import {ancestors, relativePath} from '../paths.ts'

/** Extensions a folder or glob yields by default: the formats faircopy reads. */
export const ARTICLE_EXTENSIONS = ['md', 'markdown', 'mdx', 'html', 'htm', 'txt']

/** What one command-line argument stands for: files, or a message when a pattern matched none. */
export type Expanded = {readonly files: readonly string[]} | {readonly path: string; readonly unmatched: string} | {readonly stdin: true}

/**
 * Expands arguments into files, in the order given, each glob's matches sorted, duplicates dropped.
 * Globs and folders skip node_modules, what .gitignore files (from `cwd` up to the repository root)
 * exclude, what `excluded` says, and the HTML reports faircopy wrote; a file named outright is always audited.
 * An argument that starts with `!` (and is not a file of that name) is a negative pattern, as in
 * markdownlint-cli2 and .gitignore: the files and folders it matches are left out of every other argument's.
 */
export async function expandArguments(args: readonly string[], cwd: string, excluded: (file: string) => boolean = () => false): Promise<Expanded[]> {
  const git = gitIgnored(cwd)
  const negativeArgs = new Set(args.filter((arg) => arg.startsWith('!') && arg.length > 1 && !existsSync(resolve(cwd, arg))))
  const negated = negativeArgs.size === 0 ? () => false : negation([...negativeArgs].map((arg) => arg.slice(1)), cwd)
  const ignored = (file: string) => git(file) || excluded(file) || negated(file) || isFaircopyReport(file)
  const seen = new Set<string>()
  const result: Expanded[] = []
  for (const arg of args) {
    if (negativeArgs.has(arg)) continue
    // `-` is the article on stdin, as in ESLint and markdownlint-cli2.
    if (arg === '-') {
      result.push({stdin: true})
      continue
    }
    const absolute = resolve(cwd, arg)
    let matches: string[]
    // A name that exists is that file, even when it looks like a pattern (`x$(y).md`, `notes[1].md`): a changed-files
    // list from git names files, and must not be read as globs.
    const literalFile = existsSync(absolute) && statSync(absolute).isFile()
    if (literalFile) {
      matches = negated(absolute) ? [] : [absolute]
    } else if (!isDynamicPattern(arg) && existsSync(absolute) && statSync(absolute).isDirectory()) {
      matches = await find([`${relativePath(cwd, absolute) || '.'}/**/*.{${ARTICLE_EXTENSIONS.join(',')}}`], cwd, ignored)
      if (matches.length === 0) {
        result.push({path: arg, unmatched: `No articles (${ARTICLE_EXTENSIONS.map((extension) => `.${extension}`).join(', ')}) in the folder "${arg}".`})
        continue
      }
    } else if (isDynamicPattern(arg)) {
      matches = await find([arg], cwd, ignored)
      if (matches.length === 0) {
        result.push({path: arg, unmatched: `No files match "${arg}".`})
        continue
      }
    } else {
      matches = [absolute]
    }
    const fresh = matches.filter((file) => !seen.has(file))
    for (const file of fresh) seen.add(file)
    result.push({files: fresh})
  }
  return result
}

/** A test for files the negative patterns leave out: a pattern matches a file, or a folder and all inside it. */
function negation(patterns: readonly string[], cwd: string): (file: string) => boolean {
  const cleaned = patterns.map((pattern) => pattern.replace(/^\.\//, '').replace(/\/+$/, ''))
  const matcher = picomatch([...cleaned, ...cleaned.map((pattern) => `${pattern}/**`)], {dot: true})
  return (file) => matcher(relativePath(cwd, file))
}

/** What faircopy's HTML reporter writes into every report's head; a report found in a folder is not an article. */
const REPORT_MARK = /<meta name="?generator"? content="?faircopy[\s">]/i

/** Whether an HTML file is a report faircopy wrote: its first few kilobytes hold the generator mark. */
function isFaircopyReport(file: string): boolean {
  if (!/\.html?$/i.test(file)) return false
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const head = Buffer.alloc(4096)
    const read = readSync(fd, head, 0, head.length, 0)
    return REPORT_MARK.test(head.toString('utf8', 0, read))
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

async function find(patterns: string[], cwd: string, ignored: (file: string) => boolean): Promise<string[]> {
  const files = await glob(patterns, {cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**']})
  return files.filter((file) => !ignored(file)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** A test for files excluded by the .gitignore files from `cwd` up to the repository root. */
function gitIgnored(cwd: string): (file: string) => boolean {
  const rules: Array<{folder: string; matcher: Ignore}> = []
  for (const folder of ancestors(cwd)) {
    const file = join(folder, '.gitignore')
    if (existsSync(file)) rules.push({folder, matcher: ignore().add(readFileSync(file, 'utf8'))})
    if (existsSync(join(folder, '.git'))) break
  }
  return (file) =>
    rules.some(({folder, matcher}) => {
      const path = relativePath(folder, file)
      return path !== '' && !path.startsWith('..') && matcher.ignores(path)
    })
}
