import {spawn} from 'node:child_process'
import {existsSync, renameSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')

/** Runs tsc with these arguments; resolves when it ends, rejects when it fails (its errors are on the terminal). */
function typescript(args: readonly string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, ...args], {cwd: root, stdio: 'inherit'})
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (tsc exited with ${code}): see its errors above.`))))
  })
}

/**
 * Before any test: typechecks everything (src, tests, scripts) and builds dist/, at the same time, one core each.
 * The CLI and package tests run the built bin, as users do. The build goes to a folder of its own and then takes
 * dist/'s place, so that another test run building at the same time never leaves the bin missing under a test
 * that is running it.
 */
export default async function setup(): Promise<void> {
  const fresh = join(root, `.dist-${process.pid}`)
  const old = join(root, `.dist-old-${process.pid}`)
  rmSync(fresh, {recursive: true, force: true})
  try {
    await Promise.all([typescript(['--noEmit', '-p', '.'], 'The typecheck'), typescript(['-p', 'tsconfig.build.json', '--outDir', fresh], 'The build')])
    if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), old)
    renameSync(fresh, join(root, 'dist'))
  } finally {
    rmSync(fresh, {recursive: true, force: true})
    rmSync(old, {recursive: true, force: true})
  }
}
