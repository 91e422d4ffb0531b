import {toJson} from './json.ts'
import {toText, type TextContext} from './text.ts'
import type {RunResult} from './types.ts'

const reporters = {
  text: toText,
  json: toJson
} as const

export type ReporterName = keyof typeof reporters | 'github-summary'
export const reporterNames = Object.keys(reporters) as ReadonlyArray<keyof typeof reporters>

/** Formats a run with the named reporter; every reporter is a pure function of the run. */
export function runReporter(name: ReporterName, run: RunResult, context: TextContext): string {
  if (name === 'github-summary') return ''
  return reporters[name](run, context)
}
