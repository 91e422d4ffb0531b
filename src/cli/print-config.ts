import {registryFor} from '../registry.ts'
import {normalizeOptions, type AuditOptions, type Settings} from '../settings.ts'
import {merge, type Layer} from './config.ts'

/** What `--print-config FILE` prints: the settings one file is audited with, and where each came from. */
export interface PrintedConfig {
  readonly file: string
  /** The config file found or named, relative to the working folder; null when there is none. */
  readonly config: string | null
  readonly settings: Record<string, unknown>
  /** For each setting (`preset`, `rules.hedge`, `jargon.domains`): `default`, `preset NAME`, the config or one of its `overrides[i]`, or `command line`. */
  readonly from: Record<string, string>
}

/** The effective settings for one file, as data: what the audit of `file` would run with, and the source of each value. */
export function printConfig(file: string, config: string | undefined, layers: readonly Layer[], commandLine: AuditOptions): PrintedConfig {
  const all = [...layers, {label: 'command line', options: commandLine}]
  const merged = all.map((layer) => layer.options).reduce<AuditOptions>(merge, {})
  const settings = normalizeOptions({...merged, path: file})
  const from: Record<string, string> = {}
  const setBy = (read: (options: AuditOptions) => unknown): string | undefined => all.findLast((layer) => read(layer.options) !== undefined)?.label
  const preset = `preset ${settings.preset}`

  for (const key of ['preset', 'format', 'lang', 'maxGrade', 'failOn', 'maxPassivePercent', 'maxFileBytes', 'maxElements', 'engine', 'chromiumPath', 'templates'] as const) {
    from[key] = setBy((options) => options[key]) ?? 'default'
  }
  from['targetGrade'] = setBy((options) => options.maxGrade) ?? preset
  for (const key of ['tags', 'failOn', 'colorSchemes', 'stylesheets'] as const) from[`accessibility.${key}`] = setBy((options) => options.accessibility?.[key]) ?? 'default'
  from['jargon.domains'] = setBy((options) => options.jargon?.domains) ?? preset
  for (const key of ['terms', 'allow'] as const) from[`jargon.${key}`] = setBy((options) => options.jargon?.[key]) ?? 'default'
  const known = registryFor(settings)
  for (const id of Object.keys(settings.rules)) {
    const named = setBy((options) => (options.rules as Record<string, unknown> | undefined)?.[id])
    from[`rules.${id}`] = named ?? (known.get(id)?.meta.presets?.[settings.preset] === undefined ? 'default' : preset)
  }
  const printed = plain(settings)
  printed['accessibility'] = {...(printed['accessibility'] as object), stylesheets: merged.accessibility?.stylesheets ?? []}
  return {file, config: config ?? null, settings: printed, from}
}

/** The settings as JSON can hold them: the site's style sheets by their paths, the allow list as a list. */
function plain(settings: Settings): Record<string, unknown> {
  const {accessibility, jargon, plugins, customRules, path: _path, rules, ...rest} = settings
  const {styles: _styles, ...page} = accessibility
  return {
    ...rest,
    accessibility: page,
    rules: Object.fromEntries(Object.entries(rules).map(([id, rule]) => [id, isEmpty(rule.options) ? rule.severity : [rule.severity, rule.options]])),
    jargon: {...jargon, allow: [...jargon.allow]},
    plugins: plugins.length,
    customRules: customRules.map((rule) => rule.meta.id)
  }
}

function isEmpty(options: unknown): boolean {
  return typeof options === 'object' && options !== null && Object.keys(options).length === 0
}
