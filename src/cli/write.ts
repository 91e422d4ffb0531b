import {closeSync, fsyncSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {FaircopyError} from '../errors.ts'

/**
 * Writes a file the CLI owns (`--output`, `--baseline`) so that no write can destroy one: the text goes to a new
 * temporary file in the same folder, is flushed, and replaces the target by a rename, so that a full disk or a
 * signal leaves the old file whole. A symbolic link at the target is refused (a link committed to a repository
 * must not aim faircopy's write elsewhere), and so is a target that is not a regular file (a folder, `/dev/sda`).
 */
export function writeSafely(target: string, text: string | Iterable<string>, flag: string): void {
  const existing = lstatOrUndefined(target)
  if (existing?.isSymbolicLink()) throw new FaircopyError('E_USAGE', `${flag} ${target} is a symbolic link; faircopy does not write through one. Give the path of a regular file.`)
  if (existing && !existing.isFile()) throw new FaircopyError('E_USAGE', `${flag} ${target} is not a regular file (a folder, a device or a pipe); give the path of a file.`)
  mkdirSync(dirname(target), {recursive: true})
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`)
  let descriptor: number | undefined
  try {
    // "wx": created here and now, never an existing file or a link someone placed at that name.
    descriptor = openSync(temporary, 'wx', existing ? existing.mode & 0o777 : 0o644)
    for (const piece of typeof text === 'string' ? [text] : text) {
      const bytes = Buffer.from(piece, 'utf8')
      for (let written = 0; written < bytes.length; ) written += writeSync(descriptor, bytes, written, bytes.length - written)
    }
    fsyncSync(descriptor)
    closeSync(descriptor)
    descriptor = undefined
    renameSync(temporary, target)
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor)
    rmSync(temporary, {force: true})
    if (error instanceof FaircopyError) throw error
    const reason = (error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'the disk is full' : (error as Error).message
    throw new FaircopyError('E_USAGE', `${flag} ${target} could not be written (${reason}); the file there before is unchanged.`, {cause: error})
  }
}

/** Whether `target` is one of these files, by their real paths (a link or `./` does not hide it). */
export function isOneOf(target: string, files: readonly string[]): boolean {
  const real = realOrSelf(target)
  return files.some((file) => realOrSelf(file) === real)
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}
