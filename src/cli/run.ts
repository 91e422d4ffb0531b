import {writeFile} from 'node:fs/promises'
import {parseArgs} from 'node:util'
import {auditFile} from '../audit.ts'
import {FaircopyError} from '../errors.ts'
import {toJson} from '../reporters/json.ts'
import {toText} from '../reporters/text.ts'
import type {RunEntry} from '../reporters/types.ts'
import {normalizeOptions, presetNames, type AuditOptions} from '../settings.ts'
import {VERSION} from '../version.ts'

export const USAGE = `Usage: faircopy [options] <file ...>

Audits articles (text, Markdown, HTML) for readability, passive voice, jargon and accessibility.

Options:
  --reporter text|json     output format (default text)
  --output FILE            write the report to FILE instead of stdout
  --format text|markdown|html   read every file as this format
  --preset NAME            ${presetNames.join(', ')} (default general)
  --max-grade N            target grade level
  --fail-on error|warning|info|never   lowest severity that fails (default error)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 passed, 1 the gate failed, 2 the run could not be done as asked.`

const reporters = {text: toText, json: toJson} as const

export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/** Runs the CLI and returns its exit code; it never throws for a user's mistake. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        reporter: {type: 'string', default: 'text'},
        output: {type: 'string'},
        format: {type: 'string'},
        preset: {type: 'string'},
        'max-grade': {type: 'string'},
        'fail-on': {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    io.stderr(`faircopy: ${(error as Error).message}\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(`${USAGE}\n`)
    return 0
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  const reporter = reporters[values.reporter as keyof typeof reporters]
  if (!reporter) return usageError(io, `unknown reporter "${values.reporter}" (use text or json)`)
  if (positionals.length === 0) return usageError(io, 'no files given')

  const options = {
    ...(values.format === undefined ? {} : {format: values.format}),
    ...(values.preset === undefined ? {} : {preset: values.preset}),
    ...(values['max-grade'] === undefined ? {} : {maxGrade: Number(values['max-grade'])}),
    ...(values['fail-on'] === undefined ? {} : {failOn: values['fail-on']})
  } as AuditOptions
  try {
    normalizeOptions(options)
  } catch (error) {
    return usageError(io, (error as Error).message)
  }

  const entries: RunEntry[] = []
  for (const path of positionals) {
    try {
      entries.push({path, report: await auditFile(path, options)})
    } catch (error) {
      if (!(error instanceof FaircopyError)) throw error
      entries.push({path, error: {code: error.code, message: error.message}})
    }
  }
  const output = reporter({entries})
  if (values.output === undefined) io.stdout(output)
  else await writeFile(values.output, output)

  if (entries.some((entry) => 'error' in entry)) return 2
  return entries.every((entry) => 'report' in entry && entry.report.summary.passed) ? 0 : 1
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`faircopy: ${message}\nRun faircopy --help for usage.\n`)
  return 2
}
