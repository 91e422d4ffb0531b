import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import {isAbsolute, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {FaircopyError} from '../errors.ts'
import type {ReporterOutput} from './stream.ts'
import type {RunResult} from './types.ts'

/** What the terminal decided, passed in so that reporters stay pure. */
export interface ReporterContext {
  readonly color: boolean
}

/** A reporter: a pure function from a run to the text it writes. A package or file of your own may be one too. */
export type Reporter = (run: RunResult, context: ReporterContext) => ReporterOutput | Promise<ReporterOutput>

/** What a reporter needs of the run besides the reports. */
export interface ReporterNeeds {
  /** The article's decoded text (to draw it). */
  readonly text?: boolean
}

export interface LoadedReporter {
  readonly name: string
  readonly report: Reporter
  readonly needs: ReporterNeeds
}

interface Entry {
  readonly load: () => Promise<Reporter>
  readonly needs?: ReporterNeeds
}

/**
 * faircopy's reporters by name. They load when asked for, so that the CLI does not load the HTML report's parsers
 * and sanitiser to print text.
 */
const builtIn = {
  text: {load: async () => (await import('./text.ts')).toText},
  json: {load: async () => (await import('./json.ts')).jsonReport},
  sarif: {load: async () => (await import('./sarif.ts')).toSarif},
  junit: {load: async () => (await import('./junit.ts')).toJunit},
  github: {load: async () => (await import('./github.ts')).toGithub},
  markdown: {load: async () => (await import('./markdown.ts')).toMarkdown},
  html: {load: async () => (await import('./html/index.ts')).htmlReport, needs: {text: true}}
} satisfies Record<string, Entry>

export type ReporterName = keyof typeof builtIn
export const reporterNames = Object.keys(builtIn) as readonly ReporterName[]

/**
 * A reporter by name, as ESLint finds formatters: one of faircopy's; else a path (`./reporters/mine.js`), resolved
 * from the working folder; else the package `faircopy-reporter-NAME`, then the package `NAME`, from the working
 * folder's node_modules. A module's default export is the reporter; `export const needs = {text: true}` asks for the
 * article's text. Code runs only when the command line names it.
 */
export async function loadReporter(name: string, cwd: string): Promise<LoadedReporter> {
  const own = (builtIn as Record<string, Entry>)[name]
  if (own) return {name, report: await own.load(), needs: own.needs ?? {}}
  const url = locate(name, cwd)
  if (url === undefined) throw new FaircopyError('E_USAGE', `unknown reporter "${name}": not one of ${reporterNames.join(', ')}, a file, or an installed package faircopy-reporter-${name} or ${name}`)
  let module: {default?: unknown; needs?: ReporterNeeds}
  try {
    module = (await import(url)) as typeof module
  } catch (error) {
    throw new FaircopyError('E_USAGE', `the reporter "${name}" failed to load (${(error as Error).message})`)
  }
  if (typeof module.default !== 'function') throw new FaircopyError('E_USAGE', `the reporter "${name}" has no default export that is a function`)
  return {name, report: module.default as Reporter, needs: module.needs ?? {}}
}

function locate(name: string, cwd: string): string | undefined {
  if (name.startsWith('.') || isAbsolute(name) || (/[\\/]/.test(name) && !name.startsWith('@'))) {
    const file = resolve(cwd, name)
    return existsSync(file) ? pathToFileURL(file).href : undefined
  }
  const require = createRequire(join(cwd, 'package.json'))
  for (const candidate of name.startsWith('faircopy-reporter-') ? [name] : [`faircopy-reporter-${name}`, name]) {
    try {
      return pathToFileURL(require.resolve(candidate)).href
    } catch {
      // Not installed under this name: try the next.
    }
  }
  return undefined
}

/** The GitHub job summary, for `$GITHUB_STEP_SUMMARY`. */
export async function githubSummary(run: RunResult): Promise<string> {
  return (await import('./github.ts')).toGithubSummary(run)
}
