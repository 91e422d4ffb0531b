import {fileURLToPath} from 'node:url'
import type {runCli as RunCli} from '../../src/cli/run.ts'

// The built CLI run in this process: what the bin runs, minus the process. Its worker threads are the built ones
// and stay warm from one case to the next, so a case costs its audit, not a Node start and an engine load. The
// tests of what only the bin does (exit status, stack traces, stdin) start the bin itself.
const built = new URL('../../dist/cli/run.js', import.meta.url).href
let loaded: Promise<typeof RunCli> | undefined

export interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `faircopy ARGS` in `cwd` in this process, with the environment the bin would have, and stdin `input`. */
export async function faircopyHere(cwd: string, args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<Ran> {
  loaded ??= (import(built) as Promise<{runCli: typeof RunCli}>).then((module) => module.runCli)
  const runCli = await loaded
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    cwd,
    env: {...process.env, NO_COLOR: '', ...env},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: false,
    progress: {isTTY: false, write: () => true},
    ...(input === undefined ? {} : {readStdin: () => Buffer.from(input)})
  })
  return {code, stdout, stderr}
}

export const binPath = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url))
