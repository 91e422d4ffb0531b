import {pathToFileURL} from 'node:url'
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {createRequire} from 'node:module'
import type axeCore from 'axe-core'
import picomatch from 'picomatch'
import {z} from 'zod'
import {FaircopyError} from '../errors.ts'
import {faircopyRules} from '../registry.ts'
import {formatSchema, impactSchema, severitySchema} from '../report/schema.ts'
import {jargonDomains, presetNames, type AuditOptions} from '../settings.ts'

const level = z.union([severitySchema, z.literal('off')])

/** Rule options, for the rules that take any. */
const ruleOptions = {
  'uncommon-word': z.object({commonWords: z.number().int().positive().optional()}).strict(),
  'undefined-acronym': z.object({allow: z.array(z.string().min(1)).optional()}).strict()
} as const

const settingsShape = {
  preset: z.enum(presetNames).optional().describe('Named thresholds, jargon domains and rule settings.'),
  format: formatSchema.optional().describe('Read every file as this format instead of by its extension.'),
  lang: z.string().min(1).optional().describe('Language of the page rendered from text or Markdown.'),
  maxGrade: z.number().positive().max(30).optional().describe('Target grade; the gate fails above it.'),
  maxPassivePercent: z.number().min(0).max(100).optional().describe('The gate fails when more of the sentences are passive.'),
  maxFileBytes: z.number().int().positive().optional().describe('Largest article read, in bytes (default 5 MiB); larger ones are an error.'),
  maxElements: z.number().int().positive().optional().describe('Most elements an article may have (default 20000); more is an error.'),
  failOn: z.enum(['error', 'warning', 'info', 'never']).optional().describe('Lowest severity that fails the gate.'),
  accessibility: z
    .object({
      tags: z.array(z.string().min(1)).min(1).optional().describe('axe-core tags to run.'),
      failOn: impactSchema.optional().describe('The gate fails on any axe-core violation of this impact or worse.')
    })
    .strict()
    .optional(),
  rules: z
    .record(z.string(), z.union([level, z.tuple([level, z.record(z.string(), z.unknown())])]))
    .optional()
    .describe('Per rule id (faircopy’s or axe-core’s): off, info, warning, error, or [level, options].'),
  jargon: z
    .object({
      domains: z.array(z.enum(jargonDomains)).optional(),
      terms: z.record(z.string().min(1), z.union([z.string(), z.array(z.string())])).optional(),
      allow: z.array(z.string().min(1)).optional(),
      commonWords: z.number().int().positive().optional()
    })
    .strict()
    .optional(),
  acronyms: z.object({allow: z.array(z.string().min(1)).optional()}).strict().optional()
}

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    ...settingsShape,
    ignore: z.array(z.string().min(1)).optional().describe('Globs of files never audited, relative to the config file.'),
    overrides: z
      .array(
        z
          .object({files: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).describe('Globs relative to the config file.'), ...settingsShape})
          .strict()
      )
      .optional()
      .describe('Settings for the files that match, applied in order over the base settings.')
  })
  .strict()
  .describe('faircopy configuration (faircopy.config.json, .faircopyrc.json or "faircopy" in package.json).')

export type Config = z.infer<typeof configSchema>
type Settings = z.infer<z.ZodObject<typeof settingsShape>>

/** A loaded configuration and the folder its globs are relative to. */
export interface LoadedConfig {
  readonly config: Config
  readonly path: string | undefined
  readonly root: string
}

const CONFIG_FILES = ['faircopy.config.json', '.faircopyrc.json'] as const

/** The config named by `--config`, else the first found from `cwd` upward; none is fine. */
export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit)
    if (!existsSync(path)) throw configError(explicit, 'the file does not exist')
    // Code runs only when the user names it: a JavaScript config is never found by searching.
    if (/\.[cm]?js$/.test(path)) return {config: validateConfig(await importConfig(path, explicit), explicit, undefined), path, root: dirname(path)}
    return {config: parseConfig(readFileSync(path, 'utf8'), explicit, undefined), path, root: dirname(path)}
  }
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    for (const name of CONFIG_FILES) {
      const path = join(folder, name)
      if (existsSync(path)) return {config: parseConfig(readFileSync(path, 'utf8'), relative(cwd, path) || name, undefined), path, root: folder}
    }
    const manifest = join(folder, 'package.json')
    if (existsSync(manifest)) {
      const config = parseConfig(readFileSync(manifest, 'utf8'), relative(cwd, manifest) || 'package.json', 'faircopy')
      if (config) return {config, path: manifest, root: folder}
    }
    if (dirname(folder) === folder) return {config: {}, path: undefined, root: resolve(cwd)}
  }
}

function parseConfig(text: string, label: string, key: 'faircopy'): Config | undefined
function parseConfig(text: string, label: string, key: undefined): Config
function parseConfig(text: string, label: string, key: 'faircopy' | undefined): Config | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw configError(label, `not valid JSON (${(error as Error).message})`)
  }
  if (key !== undefined) {
    if (data === null || typeof data !== 'object' || !(key in data)) return undefined
    data = (data as Record<string, unknown>)[key]
  }
  return validateConfig(data, label, key)
}

/** The default export of a JavaScript config named with --config. */
async function importConfig(path: string, label: string): Promise<unknown> {
  try {
    const module = (await import(pathToFileURL(path).href)) as {default?: unknown}
    return module.default
  } catch (error) {
    throw configError(label, `the JavaScript config failed to load (${(error as Error).message})`)
  }
}

function validateConfig(data: unknown, label: string, key: 'faircopy' | undefined): Config {
  const parsed = configSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = [...(key ? [key] : []), ...(issue?.path ?? []).map(String)].join('.')
    throw configError(label, `${where || 'the config'}: ${describeIssue(issue)}`)
  }
  checkRules(parsed.data, label, key)
  return parsed.data
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'is not valid'
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((name) => `"${name}"`).join(', ')}`
  return issue.message.replace(/^Invalid input: /, '')
}

let knownRules: ReadonlySet<string> | undefined

/** Every rule id a config may name: faircopy's own and axe-core's. */
export function ruleIds(): ReadonlySet<string> {
  if (knownRules === undefined) {
    // axe-core loads only when a config names rules: a run without one starts faster.
    const axe = createRequire(import.meta.url)('axe-core') as typeof axeCore
    knownRules = new Set([...faircopyRules.map((rule) => rule.id), ...axe.getRules().map((rule) => rule.ruleId)])
  }
  return knownRules
}

function checkRules(config: Config, label: string, key: string | undefined): void {
  const sections: Array<[string, Settings]> = [['', config], ...(config.overrides ?? []).map((override, index): [string, Settings] => [`overrides.${index}.`, override])]
  for (const [prefix, section] of sections) {
    for (const [id, value] of Object.entries(section.rules ?? {})) {
      const where = `${key ? `${key}.` : ''}${prefix}rules.${id}`
      if (!ruleIds().has(id)) throw configError(label, `${where}: unknown rule${suggest(id)}`)
      if (Array.isArray(value)) {
        const schema = ruleOptions[id as keyof typeof ruleOptions]
        if (!schema) throw configError(label, `${where}: this rule takes no options`)
        const parsed = schema.safeParse(value[1])
        if (!parsed.success) throw configError(label, `${where}[1]: ${describeIssue(parsed.error.issues[0])}`)
      }
    }
  }
}

function suggest(id: string): string {
  let best: string | undefined
  let distance = 3
  for (const candidate of ruleIds()) {
    const d = editDistance(id, candidate)
    if (d < distance) [best, distance] = [candidate, d]
  }
  return best ? ` (did you mean "${best}"?)` : ''
}

function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length] as number
}

function configError(label: string, message: string): FaircopyError {
  return new FaircopyError('E_CONFIG_INVALID', `${label}: ${message}`)
}

/** Whether a file (absolute path) is ignored by the config. */
export function isIgnored(loaded: LoadedConfig, file: string): boolean {
  const patterns = loaded.config.ignore ?? []
  return patterns.length > 0 && picomatch(patterns, {dot: true})(relative(loaded.root, file).split('\\').join('/'))
}

/** The audit options for one file: base settings, then each matching override in order. */
export function optionsFor(loaded: LoadedConfig, file: string): AuditOptions {
  const relativePath = relative(loaded.root, file).split('\\').join('/')
  const sections: Settings[] = [loaded.config, ...(loaded.config.overrides ?? []).filter((override) => picomatch(override.files, {dot: true})(relativePath))]
  return sections.reduce<AuditOptions>((options, section) => merge(options, toOptions(section)), {})
}

function toOptions(section: Settings): AuditOptions {
  const rules: Record<string, 'error' | 'warning' | 'info' | 'off'> = {}
  let jargon = section.jargon
  let acronyms = section.acronyms
  for (const [id, value] of Object.entries(section.rules ?? {})) {
    const [severity, options] = Array.isArray(value) ? value : [value, undefined]
    rules[id] = severity
    if (id === 'uncommon-word' && options && typeof options['commonWords'] === 'number') jargon = {...jargon, commonWords: options['commonWords']}
    if (id === 'undefined-acronym' && options && Array.isArray(options['allow'])) acronyms = {allow: [...(acronyms?.allow ?? []), ...(options['allow'] as string[])]}
  }
  return {
    ...(section.preset === undefined ? {} : {preset: section.preset}),
    ...(section.format === undefined ? {} : {format: section.format}),
    ...(section.lang === undefined ? {} : {lang: section.lang}),
    ...(section.maxGrade === undefined ? {} : {maxGrade: section.maxGrade}),
    ...(section.maxPassivePercent === undefined ? {} : {maxPassivePercent: section.maxPassivePercent}),
    ...(section.failOn === undefined ? {} : {failOn: section.failOn}),
    ...(section.maxFileBytes === undefined ? {} : {maxFileBytes: section.maxFileBytes}),
    ...(section.maxElements === undefined ? {} : {maxElements: section.maxElements}),
    ...(section.accessibility?.tags === undefined ? {} : {axeTags: section.accessibility.tags}),
    ...(section.accessibility?.failOn === undefined ? {} : {accessibilityFailOn: section.accessibility.failOn}),
    ...(Object.keys(rules).length === 0 ? {} : {rules}),
    ...(jargon === undefined ? {} : {jargon}),
    ...(acronyms === undefined ? {} : {acronyms})
  }
}

/** Later options win; rules, jargon and acronym settings merge key by key. */
export function merge(base: AuditOptions, next: AuditOptions): AuditOptions {
  const merged: AuditOptions = {...base, ...next}
  if (base.rules || next.rules) merged.rules = {...base.rules, ...next.rules}
  if (base.jargon || next.jargon) merged.jargon = {...base.jargon, ...next.jargon}
  if (base.acronyms || next.acronyms) merged.acronyms = {allow: [...(base.acronyms?.allow ?? []), ...(next.acronyms?.allow ?? [])]}
  return merged
}
