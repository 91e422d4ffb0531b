import {existsSync, readFileSync} from 'node:fs'
import {basename, join, relative, resolve, dirname} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parse as parseJsoncText, printParseErrorCode, type ParseError, type ParseErrorCode} from 'jsonc-parser'
import picomatch from 'picomatch'
import {parse as parseYaml} from 'yaml'
import {z} from 'zod'
import {FaircopyError} from '../errors.ts'
import {ancestors, relativePath} from '../paths.ts'
import type {Rule} from '../rules.ts'
import {checkRules, functionShape, settingsShape, type AuditOptions, type RuleEntry} from '../settings.ts'
import {describeIssue} from '../validation.ts'

const globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])

/** A config file: the library's settings, under the same names, and the keys only a run over files has. */
const configObject = z
  .object({
    $schema: z.string().optional(),
    ...settingsShape,
    ignore: z.array(z.string().min(1)).optional().describe('Globs of files never audited, relative to the config file.'),
    overrides: z
      .array(z.object({files: globs.describe('Globs relative to the config file.'), ...settingsShape}).strict())
      .optional()
      .describe('Settings for the files that match, applied in order over the base settings.')
  })
  .strict()

type ConfigValue = z.infer<typeof configObject> & {customRules?: readonly Rule[] | undefined}

function checkConfigRules(value: z.infer<typeof configObject> & {customRules?: unknown}, context: z.RefinementCtx): void {
  const custom = (value.customRules ?? []) as readonly Rule[]
  checkRules(value.rules, custom, context, ['rules'])
  value.overrides?.forEach((override, index) => checkRules(override.rules, custom, context, ['overrides', index, 'rules']))
}

export const configSchema = configObject
  .superRefine(checkConfigRules)
  .describe('faircopy configuration (faircopy.config.json or .jsonc, .faircopyrc.json, .jsonc or .yaml, or "faircopy" in package.json).')

/** A JavaScript config may also hold functions: retext plugins and rules of your own. */
const javascriptConfigSchema = configObject.extend(functionShape).superRefine(checkConfigRules)

export type Config = ConfigValue & Pick<AuditOptions, 'plugins'>

/** A loaded configuration and the folder its globs are relative to. */
export interface LoadedConfig {
  readonly config: Config
  readonly path: string | undefined
  readonly root: string
}

/** The config files searched for in each folder, in this order; then `package.json`'s `"faircopy"`. */
export const CONFIG_FILES = ['faircopy.config.json', 'faircopy.config.jsonc', '.faircopyrc.json', '.faircopyrc.jsonc', '.faircopyrc.yaml', '.faircopyrc.yml'] as const

/** The config named by `--config`, else the first found from `cwd` upward, up to the repository's root (the folder with `.git`); none is fine. */
export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit)
    if (!existsSync(path)) throw configError(explicit, 'the file does not exist')
    // Code runs only when the user names it: a JavaScript config is never found by searching.
    if (/\.[cm]?js$/.test(path)) return {config: validate(await importConfig(path, explicit), explicit, undefined, javascriptConfigSchema), path, root: dirname(path)}
    if (basename(path) === 'package.json') {
      const config = parseConfig(readFileSync(path, 'utf8'), explicit, 'faircopy')
      if (config === undefined) throw configError(explicit, 'it has no "faircopy" key')
      return {config, path, root: dirname(path)}
    }
    return {config: parseConfig(readFileSync(path, 'utf8'), explicit, undefined), path, root: dirname(path)}
  }
  for (const folder of ancestors(cwd)) {
    for (const name of CONFIG_FILES) {
      const path = join(folder, name)
      if (existsSync(path)) return {config: parseConfig(readFileSync(path, 'utf8'), relative(cwd, path) || name, undefined), path, root: folder}
    }
    const manifest = join(folder, 'package.json')
    if (existsSync(manifest)) {
      const config = parseConfig(readFileSync(manifest, 'utf8'), relative(cwd, manifest) || 'package.json', 'faircopy')
      if (config) return {config, path: manifest, root: folder}
    }
    // The repository's root is as far as the search goes: a config above it belongs to someone else (a shared
    // checkout folder, a home directory), and must not change how this repository's articles are judged.
    if (existsSync(join(folder, '.git'))) break
  }
  return {config: {}, path: undefined, root: resolve(cwd)}
}

/**
 * A config file's data: YAML for `.yaml`/`.yml`, else JSON with comments and trailing commas (JSONC, as VS Code's
 * settings are), except `package.json`, which npm reads as strict JSON.
 */
function parseConfig(text: string, label: string, key: 'faircopy'): Config | undefined
function parseConfig(text: string, label: string, key: undefined): Config
function parseConfig(text: string, label: string, key: 'faircopy' | undefined): Config | undefined {
  let data = /\.ya?ml$/i.test(label) ? parseYamlConfig(text, label) : key === undefined ? parseJsonc(text, label) : parseJson(text, label)
  if (key !== undefined) {
    if (data === null || typeof data !== 'object' || !Object.hasOwn(data, key)) return undefined
    data = (data as Record<string, unknown>)[key]
  }
  return validate(data, label, key, configSchema)
}

function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw configError(label, `not valid JSON (${(error as Error).message})`)
  }
}

function parseJsonc(text: string, label: string): unknown {
  const errors: ParseError[] = []
  const body = text.replace(/^\uFEFF/, '')
  const data: unknown = parseJsoncText(body, errors, {allowTrailingComma: true, disallowComments: false})
  const first = errors[0]
  if (first !== undefined) {
    const {line, column} = placeOf(body, first.offset)
    throw configError(label, `not valid JSON at line ${line}, column ${column} (${describeJsoncError(first.error)})`)
  }
  return data
}

function parseYamlConfig(text: string, label: string): unknown {
  try {
    // One document; keys once each; aliases bounded, so a small file cannot expand into a huge one.
    return parseYaml(text, {uniqueKeys: true, maxAliasCount: 50, prettyErrors: true})
  } catch (error) {
    const where = (error as {linePos?: Array<{line: number; col: number}>}).linePos?.[0]
    const reason = (error as Error).message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')
    throw configError(label, `not valid YAML${where ? ` at line ${where.line}, column ${where.col}` : ''} (${reason})`)
  }
}

/** What a JSONC parse error code means, in words. */
function describeJsoncError(code: ParseErrorCode): string {
  return printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}

function placeOf(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return {line, column: offset - before.lastIndexOf('\n')}
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

function validate(data: unknown, label: string, key: 'faircopy' | undefined, schema: z.ZodType): Config {
  const parsed = schema.safeParse(data, {reportInput: true})
  if (!parsed.success) {
    const {where, what} = describeIssue(parsed.error.issues[0], key ? [key] : [], schema)
    throw configError(label, `${where || 'the config'}: ${what}`)
  }
  return parsed.data as Config
}

function configError(label: string, message: string): FaircopyError {
  return new FaircopyError('E_CONFIG_INVALID', `${label}: ${message}`)
}

/** Whether a file (absolute path) is ignored by the config. */
export function isIgnored(loaded: LoadedConfig, file: string): boolean {
  const patterns = loaded.config.ignore ?? []
  return patterns.length > 0 && picomatch(patterns, {dot: true})(relativePath(loaded.root, file))
}

/** The audit options for one file: the config's base settings, then each matching override in order. */
export function optionsFor(loaded: LoadedConfig, file: string): AuditOptions {
  return layersFor(loaded, file, 'config').map((layer) => layer.options).reduce<AuditOptions>(merge, {})
}

/** One source of a file's settings: the config's base, or one of its overrides that matches the file. */
export interface Layer {
  readonly label: string
  readonly options: AuditOptions
}

/** The config's sections that apply to a file, in the order they are merged. */
export function layersFor(loaded: LoadedConfig, file: string, label: string): Layer[] {
  const path = relativePath(loaded.root, file)
  const {$schema: _schema, ignore: _ignore, overrides = [], ...base} = loaded.config
  const layers: Layer[] = [{label, options: fromRoot(loaded, base as AuditOptions)}]
  overrides.forEach(({files, ...settings}, index) => {
    if (picomatch(files, {dot: true})(path)) layers.push({label: `${label} overrides[${index}]`, options: fromRoot(loaded, settings as AuditOptions)})
  })
  return layers
}

/** A config section's style sheets are where the config is, wherever faircopy runs from. */
function fromRoot(loaded: LoadedConfig, options: AuditOptions): AuditOptions {
  const stylesheets = options.accessibility?.stylesheets
  return stylesheets === undefined ? options : {...options, accessibility: {...options.accessibility, stylesheets: stylesheets.map((sheet) => resolve(loaded.root, sheet))}}
}

/**
 * Later options win; `rules`, `jargon` and `accessibility` merge key by key. A rule given a level alone keeps the
 * options an earlier section gave it, as in ESLint.
 */
export function merge(base: AuditOptions, next: AuditOptions): AuditOptions {
  const merged: AuditOptions = {...base, ...next}
  if (base.rules || next.rules) {
    const rules: Record<string, RuleEntry> = {...(base.rules as Record<string, RuleEntry> | undefined)}
    for (const [id, entry] of Object.entries((next.rules ?? {}) as Record<string, RuleEntry>)) {
      const earlier = rules[id]
      rules[id] = typeof entry === 'string' && Array.isArray(earlier) ? [entry, earlier[1]] : entry
    }
    merged.rules = rules as AuditOptions['rules']
  }
  if (base.jargon || next.jargon) merged.jargon = {...base.jargon, ...next.jargon}
  if (base.accessibility || next.accessibility) merged.accessibility = {...base.accessibility, ...next.accessibility}
  return merged
}
