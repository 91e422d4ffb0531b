#!/usr/bin/env node
import {createInterface} from 'node:readline/promises'
import {runCli} from './run.ts'

/** One question to the person at the terminal. */
async function ask(question: string): Promise<string> {
  const reader = createInterface({input: process.stdin, output: process.stdout})
  try {
    return await reader.question(question)
  } finally {
    reader.close()
  }
}

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  progress: process.stderr,
  ask: process.stdin.isTTY === true ? ask : undefined
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`faircopy: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  }
)
