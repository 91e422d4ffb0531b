import type {TextContext} from './text.ts'
import type {RunResult} from './types.ts'

type Reporter = (run: RunResult, context: TextContext) => string

/**
 * Every reporter the CLI offers by name; each is a pure function from a run to a string. They load when asked
 * for, so that the CLI does not load the HTML report's parsers and sanitiser to print text.
 */
const reporters = {
  text: async () => (await import('./text.ts')).toText,
  json: async () => (await import('./json.ts')).toJson,
  sarif: async () => (await import('./sarif.ts')).toSarif,
  junit: async () => (await import('./junit.ts')).toJunit,
  github: async () => (await import('./github.ts')).toGithub,
  markdown: async () => (await import('./markdown.ts')).toMarkdown,
  html: async () => (await import('./html/index.ts')).htmlReport
} satisfies Record<string, () => Promise<Reporter>>

export type ReporterName = keyof typeof reporters
export const reporterNames = Object.keys(reporters) as readonly ReporterName[]

/** Formats a run with the named reporter. Only `text` reads the context (whether to colour). */
export async function runReporter(name: ReporterName, run: RunResult, context: TextContext): Promise<string> {
  const reporter: Reporter = await reporters[name]()
  return reporter(run, context)
}

/** The GitHub job summary, for `$GITHUB_STEP_SUMMARY`. */
export async function githubSummary(run: RunResult): Promise<string> {
  return (await import('./github.ts')).toGithubSummary(run)
}
