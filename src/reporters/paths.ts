import {isAbsolute, relative, sep} from 'node:path'

/** The path as the run names it: relative to the run's working directory, with `/` separators. */
export function relativePath(cwd: string, path: string): string {
  const local = isAbsolute(path) ? relative(cwd, path) : path
  return local.split(sep).join('/')
}
