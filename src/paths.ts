import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'

/** A path with `/` separators, as globs, baselines, SARIF and GitHub want them on every system. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/** `path` relative to `from`, with `/` separators; a relative path is taken as relative to `from` already. */
export function relativePath(from: string, path: string): string {
  return toPosix(isAbsolute(path) ? relative(from, path) : path)
}

/** Whether `file` lies inside the folder `root` (both absolute, real paths): not the folder itself, not out of it by `..`. */
export function isInside(root: string, file: string): boolean {
  const path = relative(root, file)
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path)
}

/** Paths are shown as the user would type them: relative to the working folder when inside it, else absolute. */
export function displayPath(cwd: string, file: string): string {
  const path = relative(cwd, file)
  return path.startsWith('..') ? file : toPosix(path)
}

/** The folder and each folder above it, up to the file system's root: where config and .gitignore files are looked for. */
export function* ancestors(folder: string): Generator<string> {
  for (let current = resolve(folder); ; current = dirname(current)) {
    yield current
    if (dirname(current) === current) return
  }
}
