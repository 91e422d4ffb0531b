#!/usr/bin/env node
import {runCli} from './run.ts'

runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  progress: process.stderr
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`faircopy: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  }
)
