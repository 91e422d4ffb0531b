import {z} from 'zod'
import {FaircopyError} from './errors.ts'
import presetData from './presets.json' with {type: 'json'}
import {formatSchema, severitySchema, type Format, type Severity} from './report/schema.ts'

export const presetNames = ['general', 'news', 'plain-language', 'technical', 'strict'] as const
export type PresetName = (typeof presetNames)[number]

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
    axeTags: z.array(z.string().min(1)).min(1).optional().describe('axe-core tags to run.'),
    rules: z
      .record(z.string(), z.union([severitySchema, z.literal('off')]))
      .optional()
      .describe('Severity per rule id, or off.')
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
  readonly axeTags: readonly string[]
  readonly rules: Readonly<Record<string, Severity | 'off'>>
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
  return Object.freeze({
    format: value.format,
    path: value.path,
    lang: value.lang ?? 'en',
    preset,
    targetGrade: value.maxGrade ?? presetData.presets[preset].targetGrade,
    failOn: value.failOn ?? 'error',
    axeTags: Object.freeze([...(value.axeTags ?? DEFAULT_AXE_TAGS)]),
    rules: Object.freeze({...value.rules})
  })
}

/** The severity a rule runs at, or `off`. */
export function ruleSeverity(settings: Settings, ruleId: string, fallback: Severity): Severity | 'off' {
  return settings.rules[ruleId] ?? fallback
}
