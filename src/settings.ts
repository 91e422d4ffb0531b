import type {Root as NlcstRoot} from 'nlcst'
import type {Plugin} from 'unified'
import {z} from 'zod'
import {loadStylesheets} from './accessibility/stylesheets.ts'
import {FaircopyError} from './errors.ts'
import presetData from './presets.json' with {type: 'json'}
import {builtInRules, registry, registryFor} from './registry.ts'
import {categorySchema, formatSchema, impactSchema, severitySchema, type Format, type Impact, type Severity} from './report/schema.ts'
import {templateSyntaxes, type TemplateSyntax} from './input/templates.ts'
import {highlightStyles, type Level, type Rule} from './rules.ts'
import {describeIssue} from './validation.ts'

export const presetNames = ['general', 'news', 'plain-language', 'technical', 'strict'] as const
export type PresetName = (typeof presetNames)[number]

export const jargonDomains = ['business', 'government', 'military', 'legal', 'tech', 'medical'] as const
export type JargonDomain = (typeof jargonDomains)[number]

/** A retext plugin over nlcst, with any options. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RetextPluginFunction = Plugin<any[], NlcstRoot>
/** A retext plugin, or a plugin with its options, as unified's `use` takes them. */
export type RetextPlugin = RetextPluginFunction | [RetextPluginFunction, ...unknown[]]

/** 5 MiB: more than three times the largest article the bench audits (1.5 MB, 11 s). */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
/** axe-core in jsdom takes about 25 s over 20,000 elements; a 1.5 MB article of prose has about 6,000. */
export const DEFAULT_MAX_ELEMENTS = 20_000

/** Seconds one audit may take, in the library and per file in the CLI. */
export const DEFAULT_TIMEOUT = 60
export const DEFAULT_AXE_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])

/** A rule's level; `level` names it in the config's JSON Schema, which every rule's entry refers to. */
const levelSchema = z.enum([...severitySchema.options, 'off'])
/** A level as a config or the options give it: `warn` too, as ESLint spells `warning`. */
const entryLevelSchema = z.enum([...severitySchema.options, 'warn', 'off']).meta({id: 'level', description: 'off, info, warning (or warn, as in ESLint) or error'})
const anyOptions = z.record(z.string(), z.unknown())
/** A rule without options takes none: `[level, {}]` at most. */
const noOptions = z.object({}).strict()
/** A rule's setting: a level, or a level and the rule's options. */
const entrySchema = (options: z.ZodType = anyOptions) => z.union([entryLevelSchema, z.tuple([entryLevelSchema, options])])
export type RuleEntry = Level | 'warn' | readonly [Level | 'warn', Record<string, unknown>]

/** `rules`: faircopy's own ids with their options (so that editors complete them), and any other id, checked against the registry. */
const rulesSchema = z
  .object(Object.fromEntries(builtInRules.map((rule) => [rule.meta.id, entrySchema(rule.meta.options ?? noOptions).optional().describe(rule.meta.description)])))
  .catchall(entrySchema())
  .describe('A level per rule id (faircopy’s, axe-core’s or your own): off, info, warning, error, or [level, options] for rules with options.')

/** The settings the library's options and a config file share, under the same names. */
export const settingsShape = {
  preset: z.enum(presetNames).optional().describe('Named target grade, jargon domains and rule levels (default general).'),
  format: formatSchema.optional().describe('Input format; by default from the file extension, else guessed.'),
  lang: z.string().min(1).optional().describe('Language of the page rendered from text or Markdown (default en).'),
  maxGrade: z.number().positive().max(30).optional().describe('Target grade (overrides the preset’s); the gate fails above it.'),
  failOn: z.enum(['error', 'warning', 'info', 'never']).optional().describe('Lowest severity that fails the gate (default error).'),
  maxPassivePercent: z.number().min(0).max(100).optional().describe('The gate fails when more of the sentences are passive.'),
  maxFileBytes: z.number().int().positive().optional().describe('Largest article read, in bytes (default 5 MiB); a larger one is refused with E_INPUT_TOO_LARGE.'),
  maxElements: z.number().int().positive().optional().describe('Most elements an article may have (default 20000); more is refused with E_INPUT_TOO_COMPLEX.'),
  engine: z
    .enum(['jsdom', 'chromium'])
    .optional()
    .describe('What renders the page for axe-core: jsdom (default; no layout, so contrast and layout rules are not checkable) or chromium (a real headless Chromium, installed on the machine, never downloaded).'),
  chromiumPath: z.string().min(1).optional().describe('The Chromium executable for engine chromium; default: FAIRCOPY_CHROMIUM, else /usr/bin/chromium and the usual paths.'),
  accessibility: z
    .object({
      tags: z.array(z.string().min(1)).min(1).optional().describe('axe-core tags to run.'),
      failOn: impactSchema.optional().describe('The gate fails on any axe-core violation of this impact or worse.'),
      colorSchemes: z
        .array(z.enum(['light', 'dark']))
        .min(1)
        .optional()
        .describe('The colour schemes to judge the page in (prefers-color-scheme), once each; default light. Needs engine chromium for more than light.'),
      stylesheets: z
        .array(z.string().min(1))
        .optional()
        .describe('The site’s style sheets, applied to every page axe-core judges (paths relative to the config file, or to the working folder for the library; read from disk, local @import followed, remote ones not fetched).')
    })
    .strict()
    .optional(),
  rules: rulesSchema.optional(),
  templates: z
    .array(z.enum(templateSyntaxes))
    .optional()
    .describe('Template languages whose syntax is not prose: hugo (shortcodes, {{ }}), liquid (Jekyll, Eleventy, Nunjucks: {% %}, {{ }}); by default the ones each file uses; [] for none.'),
  jargon: z
    .object({
      domains: z.array(z.enum(jargonDomains)).optional().describe('Jargon domains to check; the preset’s by default.'),
      terms: z
        .record(z.string().min(1), z.union([z.string(), z.array(z.string())]))
        .optional()
        .describe('Your own terms: term → plainer alternative(s); an empty list means "explain this term".'),
      allow: z.array(z.string().min(1)).optional().describe('Words and phrases never reported as jargon, plainer-word or uncommon.')
    })
    .strict()
    .optional()
}

const isFunction = (value: unknown) => typeof value === 'function'

/** What a rule of the user's must be: faircopy's own shape. */
const ruleShape = z.object({
  meta: z.object({
    id: z.string().regex(/^[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*$/, 'must be kebab-case, like "house-style/no-harbour"'),
    category: categorySchema,
    defaultSeverity: levelSchema,
    wcag: z.array(z.string()),
    description: z.string().min(1),
    helpUrl: z.string(),
    messages: z.record(z.string(), z.string()),
    highlight: z.object({style: z.enum(highlightStyles), label: z.string().min(1)}).optional(),
    options: z.custom<z.ZodType>((value) => typeof (value as z.ZodType | undefined)?.safeParse === 'function', 'must be a zod schema').optional()
  }),
  check: z.custom<Rule['check']>(isFunction, 'must be a function')
})

/** The settings that hold functions: a JavaScript config's or a library caller's, never a JSON config's. */
export const functionShape = {
  plugins: z
    .array(z.union([z.custom<RetextPluginFunction>(isFunction), z.tuple([z.custom<RetextPluginFunction>(isFunction)]).rest(z.unknown())]))
    .optional()
    .describe('Your own retext plugins; their messages become findings.'),
  customRules: z
    .array(z.custom<Rule>((value) => typeof value === 'object' && value !== null, 'must be a rule: {meta, check(context)}'))
    .superRefine((rules, context) => {
      rules.forEach((rule, index) => {
        const issue = ruleShape.safeParse(rule).error?.issues[0]
        if (issue) context.addIssue({code: 'custom', path: [index, ...issue.path], message: describeIssue(issue).what})
      })
    })
    .optional()
    .describe('Your own rules, the shape of faircopy’s: {meta, check(context)}.')
}

/** What a caller may pass to `audit` and `auditFile`: the shared settings, the article's path, and functions. */
export const auditOptionsSchema = z
  .object({
    path: z.string().optional().describe('The article’s path, for the report and format detection.'),
    timeout: z
      .number()
      .positive()
      .optional()
      .describe('Seconds one audit may take (default 60): past it, the audit stops at its next step with E_TIMEOUT.'),
    ...settingsShape,
    ...functionShape
  })
  .strict()
  .superRefine((value, context) => checkRules(value.rules, (value.customRules ?? []) as readonly Rule[], context, ['rules']))

export type AuditOptions = Omit<z.input<typeof auditOptionsSchema>, 'customRules'> & {customRules?: readonly Rule[] | undefined}

/**
 * Checks `rules` against the registry (faircopy's rules, axe-core's, the user's): an unknown id, with the nearest
 * known one; options for a rule that takes none; a user rule's options against its own schema. And the user's rules
 * against faircopy's: each id once.
 */
export function checkRules(rules: Record<string, unknown> | undefined, custom: readonly Rule[], context: z.RefinementCtx, path: PropertyKey[]): void {
  const unique = new Map<string, Rule>()
  custom.forEach((rule, index) => {
    if (registry.get(rule.meta.id) !== undefined || unique.has(rule.meta.id)) {
      context.addIssue({code: 'custom', path: ['customRules', index, 'meta', 'id'], message: `another rule already has the id "${rule.meta.id}"`})
    } else unique.set(rule.meta.id, rule)
  })
  const known = registry.with([...unique.values()])
  for (const [id, entry] of Object.entries(rules ?? {})) {
    const rule = known.get(id)
    if (rule === undefined && !known.isKnown(id)) {
      const near = known.suggest(id)
      context.addIssue({code: 'custom', path: [...path, id], message: `unknown rule${near === undefined ? '' : ` (did you mean "${near}"?)`}`})
    } else if (Array.isArray(entry) && rule?.meta.options === undefined) {
      context.addIssue({code: 'custom', path: [...path, id], message: 'this rule takes no options'})
    } else if (Array.isArray(entry) && rule !== undefined && registry.get(id) === undefined) {
      const parsed = (rule.meta.options as z.ZodType).safeParse(entry[1])
      for (const issue of parsed.error?.issues.slice(0, 1) ?? []) context.addIssue({code: 'custom', path: [...path, id, 1, ...issue.path], message: issue.message})
    }
  }
}

/** A rule's level and its options, with their defaults, for one audit. */
export interface RuleSetting {
  readonly severity: Level
  readonly options: unknown
}

/** Options normalised once per file, at the edge; everything downstream reads these. They cross to worker threads as data. */
export interface Settings {
  readonly format: Format | undefined
  readonly path: string | undefined
  readonly lang: string
  readonly preset: PresetName
  readonly targetGrade: number
  readonly failOn: Severity | 'never'
  /** The gate's grade limit: set only when the caller gives `maxGrade`. */
  readonly maxGrade: number | undefined
  readonly maxPassivePercent: number | undefined
  /** `styles`: the CSS text of the site's style sheets (`accessibility.stylesheets`), read once here. */
  readonly accessibility: {readonly tags: readonly string[]; readonly failOn: Impact | undefined; readonly styles: readonly string[]; readonly colorSchemes: readonly ColorScheme[]}
  readonly engine: 'jsdom' | 'chromium'
  readonly chromiumPath: string | undefined
  readonly maxFileBytes: number
  readonly maxElements: number
  /** Seconds one audit may take. */
  readonly timeout: number
  /** The template languages to take out of the prose; undefined: the ones each article uses. */
  readonly templates: readonly TemplateSyntax[] | undefined
  /** Every rule of the registry, and each axe-core rule the options name. */
  readonly rules: Readonly<Record<string, RuleSetting>>
  readonly jargon: {readonly domains: readonly JargonDomain[]; readonly terms: Readonly<Record<string, readonly string[]>>; readonly allow: ReadonlySet<string>}
  readonly plugins: readonly RetextPlugin[]
  readonly customRules: readonly Rule[]
}

export type ColorScheme = 'light' | 'dark'

/** Validates options and merges them onto the preset and the rules' defaults; a wrong option is one FaircopyError. */
export function normalizeOptions(options: AuditOptions = {}): Settings {
  const parsed = auditOptionsSchema.safeParse(options, {reportInput: true})
  if (!parsed.success) {
    const {where, what} = describeIssue(parsed.error.issues[0], [], auditOptionsSchema)
    throw new FaircopyError('E_OPTIONS_INVALID', `Invalid options${where === '' ? '' : ` at ${where}`}: ${what}.`)
  }
  const value = parsed.data
  const schemes = value.accessibility?.colorSchemes
  if (schemes && (value.engine ?? 'jsdom') === 'jsdom' && schemes.some((scheme) => scheme !== 'light')) {
    throw new FaircopyError('E_OPTIONS_INVALID', 'Invalid options at accessibility.colorSchemes: only the chromium engine shows a page in a dark colour scheme; add engine: "chromium".')
  }
  const preset = value.preset ?? 'general'
  const presetSettings = presetData.presets[preset]
  const customRules = Object.freeze([...((value.customRules ?? []) as Rule[])])
  const rules: Record<string, RuleSetting> = {}
  for (const rule of registryFor({customRules}).rules) {
    const [level, options] = levelAndOptions(value.rules?.[rule.meta.id])
    rules[rule.meta.id] = Object.freeze({
      severity: level ?? rule.meta.presets?.[preset] ?? rule.meta.defaultSeverity,
      options: rule.meta.options === undefined ? {} : rule.meta.options.parse(options ?? {})
    })
  }
  for (const [id, entry] of Object.entries(value.rules ?? {})) {
    const [level] = levelAndOptions(entry)
    if (!(id in rules) && level !== undefined) rules[id] = Object.freeze({severity: level, options: {}})
  }
  const terms = Object.entries(value.jargon?.terms ?? {}).map(([term, replace]) => [term, typeof replace === 'string' ? [replace] : replace] as const)
  return Object.freeze({
    format: value.format,
    path: value.path,
    lang: value.lang ?? 'en',
    preset,
    targetGrade: value.maxGrade ?? presetSettings.targetGrade,
    failOn: value.failOn ?? 'error',
    maxGrade: value.maxGrade,
    maxPassivePercent: value.maxPassivePercent,
    accessibility: Object.freeze({
      tags: Object.freeze([...(value.accessibility?.tags ?? DEFAULT_AXE_TAGS)]),
      failOn: value.accessibility?.failOn,
      styles: Object.freeze(loadStylesheets(value.accessibility?.stylesheets ?? [])),
      colorSchemes: Object.freeze([...new Set<ColorScheme>(value.accessibility?.colorSchemes ?? ['light'])])
    }),
    engine: value.engine ?? 'jsdom',
    chromiumPath: value.chromiumPath,
    maxFileBytes: value.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxElements: value.maxElements ?? DEFAULT_MAX_ELEMENTS,
    timeout: value.timeout ?? DEFAULT_TIMEOUT,
    templates: value.templates === undefined ? undefined : Object.freeze([...value.templates]),
    rules: Object.freeze(rules),
    jargon: Object.freeze({
      domains: Object.freeze([...(value.jargon?.domains ?? (presetSettings.domains as JargonDomain[]))]),
      terms: Object.freeze(Object.fromEntries(terms)),
      allow: new Set((value.jargon?.allow ?? []).map((term) => term.toLowerCase()))
    }),
    plugins: Object.freeze([...((value.plugins ?? []) as RetextPlugin[])]),
    customRules
  })
}

function levelAndOptions(entry: unknown): [Level | undefined, unknown] {
  const [level, options] = Array.isArray(entry) ? [entry[0] as Level | 'warn', entry[1]] : [entry as Level | 'warn' | undefined, undefined]
  return [level === 'warn' ? 'warning' : level, options]
}

/** The severity a rule runs at in these settings, or `fallback` when they say nothing of it (axe-core's rules: their impact). */
export function severityOf(settings: Settings, ruleId: string, fallback: Level): Level {
  return settings.rules[ruleId]?.severity ?? fallback
}
