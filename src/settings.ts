import type {Root as NlcstRoot} from 'nlcst'
import type {Plugin} from 'unified'
import {z} from 'zod'
import {FaircopyError} from './errors.ts'
import presetData from './presets.json' with {type: 'json'}
import {formatSchema, impactSchema, severitySchema, type Format, type Impact, type Severity} from './report/schema.ts'

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
export const DEFAULT_AXE_TAGS = Object.freeze(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])

/** What a caller may pass to `audit` and `auditFile`. */
export const auditOptionsSchema = z
  .object({
    format: formatSchema.optional().describe('Input format; by default from the file extension, else guessed.'),
    path: z.string().optional().describe('The article’s path, for the report and format detection.'),
    lang: z.string().min(1).optional().describe('Language of rendered text and Markdown (default en).'),
    preset: z.enum(presetNames).optional().describe('Named thresholds (default general).'),
    maxGrade: z.number().positive().max(30).optional().describe('Target grade; overrides the preset’s.'),
    failOn: z.enum(['error', 'warning', 'info', 'never']).optional().describe('Lowest severity that fails the gate (default error).'),
    maxPassivePercent: z.number().min(0).max(100).optional().describe('Fail the gate when more of the sentences are passive.'),
    accessibilityFailOn: impactSchema.optional().describe('Fail the gate on any axe-core violation of this impact or worse.'),
    axeTags: z.array(z.string().min(1)).min(1).optional().describe('axe-core tags to run.'),
    maxFileBytes: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Largest article faircopy reads, in bytes (default 5 MiB); a larger one is refused with E_INPUT_TOO_LARGE.'),
    maxElements: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Most elements an article may have (default 20000); more is refused with E_INPUT_TOO_COMPLEX.'),
    rules: z
      .record(z.string(), z.union([severitySchema, z.literal('off')]))
      .optional()
      .describe('Severity per rule id, or off.'),
    jargon: z
      .object({
        domains: z.array(z.enum(jargonDomains)).optional().describe('Jargon domains to check; the preset’s by default.'),
        terms: z
          .record(z.string().min(1), z.union([z.string(), z.array(z.string())]))
          .optional()
          .describe('Your own terms: term → plainer alternative(s); an empty list means "explain this term".'),
        allow: z.array(z.string().min(1)).optional().describe('Words and phrases never reported as jargon or uncommon.'),
        commonWords: z.number().int().positive().optional().describe('How many of the most frequent English words count as common (default 20000).')
      })
      .strict()
      .optional(),
    acronyms: z
      .object({allow: z.array(z.string().min(1)).optional().describe('Acronyms that need no definition, added to the universal ones.')})
      .strict()
      .optional(),
    plugins: z
      .array(
        z.union([
          z.custom<RetextPluginFunction>((value) => typeof value === 'function'),
          z.tuple([z.custom<RetextPluginFunction>((value) => typeof value === 'function')]).rest(z.unknown())
        ])
      )
      .optional()
      .describe('Your own retext plugins; their messages become findings.')
  })
  .strict()

export type AuditOptions = z.input<typeof auditOptionsSchema>

/** Options normalised once at the edge; everything downstream reads these. */
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
  readonly accessibilityFailOn: Impact | undefined
  readonly axeTags: readonly string[]
  readonly maxFileBytes: number
  readonly maxElements: number
  readonly rules: Readonly<Record<string, Severity | 'off'>>
  readonly jargonDomains: readonly JargonDomain[]
  readonly jargonTerms: Readonly<Record<string, readonly string[]>>
  readonly jargonAllow: ReadonlySet<string>
  readonly commonWords: number
  readonly acronymAllow: readonly string[]
  readonly plugins: readonly RetextPlugin[]
}

export function normalizeOptions(options: AuditOptions = {}): Settings {
  const parsed = auditOptionsSchema.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
    throw new FaircopyError('E_OPTIONS_INVALID', `Invalid options${where}: ${issue?.message ?? 'not an object'}.`)
  }
  const value = parsed.data
  const preset = value.preset ?? 'general'
  const presetSettings = presetData.presets[preset]
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
    accessibilityFailOn: value.accessibilityFailOn,
    axeTags: Object.freeze([...(value.axeTags ?? DEFAULT_AXE_TAGS)]),
    maxFileBytes: value.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxElements: value.maxElements ?? DEFAULT_MAX_ELEMENTS,
    rules: Object.freeze({...(presetSettings.rules as Record<string, Severity | 'off'>), ...value.rules}),
    jargonDomains: Object.freeze([...(value.jargon?.domains ?? (presetSettings.domains as JargonDomain[]))]),
    jargonTerms: Object.freeze(Object.fromEntries(terms)),
    jargonAllow: new Set((value.jargon?.allow ?? []).map((term) => term.toLowerCase())),
    commonWords: value.jargon?.commonWords ?? 20_000,
    acronymAllow: Object.freeze([...(value.acronyms?.allow ?? [])]),
    plugins: Object.freeze([...((value.plugins ?? []) as RetextPlugin[])])
  })
}

/** The severity a rule runs at, or `off`. */
export function ruleSeverity(settings: Settings, ruleId: string, fallback: Severity | 'off'): Severity | 'off' {
  return settings.rules[ruleId] ?? fallback
}
