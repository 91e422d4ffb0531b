import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

/** Builds dist/ once before any test: the CLI and package tests run the built bin, as users do. */
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], {cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit'})
}
