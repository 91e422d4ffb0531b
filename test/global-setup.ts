import {execFileSync} from 'node:child_process'
import {existsSync, renameSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Builds dist/ once before any test: the CLI and package tests run the built bin, as users do. The build goes to a
 * folder of its own and then takes dist/'s place, so that another test run building at the same time never leaves
 * the bin missing under a test that is running it.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const fresh = join(root, `.dist-${process.pid}`)
  const old = join(root, `.dist-old-${process.pid}`)
  rmSync(fresh, {recursive: true, force: true})
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', fresh], {cwd: root, stdio: 'inherit'})
    if (existsSync(join(root, 'dist'))) renameSync(join(root, 'dist'), old)
    renameSync(fresh, join(root, 'dist'))
  } finally {
    rmSync(fresh, {recursive: true, force: true})
    rmSync(old, {recursive: true, force: true})
  }
}
