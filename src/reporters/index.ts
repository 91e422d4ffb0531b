import {toGithub, toGithubSummary} from './github.ts'
import {htmlReport} from './html/index.ts'
import {toJson} from './json.ts'
import {toJunit} from './junit.ts'
import {toMarkdown} from './markdown.ts'
import {toSarif} from './sarif.ts'
import {toText, type TextContext} from './text.ts'
import type {RunResult} from './types.ts'

/** Every reporter the CLI offers by name; each is a pure function from a run to a string. */
const reporters = {
  text: toText,
  json: toJson,
  sarif: toSarif,
  junit: toJunit,
  github: toGithub,
  markdown: toMarkdown,
  html: htmlReport
} satisfies Record<string, (run: RunResult, context: TextContext) => string>

export type ReporterName = keyof typeof reporters
export const reporterNames = Object.keys(reporters) as readonly ReporterName[]

/** Formats a run with the named reporter. Only `text` reads the context (whether to colour). */
export function runReporter(name: ReporterName, run: RunResult, context: TextContext): string {
  return reporters[name](run, context)
}

export {toGithub, toGithubSummary, toJson, toJunit, toMarkdown, toSarif, toText}
export type {TextContext}
