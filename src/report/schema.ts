import {z} from 'zod'

/** Bumped on every breaking change to the report's shape. */
export const SCHEMA_VERSION = 1

export const severitySchema = z
  .enum(['error', 'warning', 'info'])
  .describe('How much the finding matters: errors fail the default gate.')

export const categorySchema = z
  .enum(['readability', 'passive-voice', 'jargon', 'accessibility', 'style', 'input'])
  .describe('The family of checks a finding belongs to.')

export const impactSchema = z.enum(['minor', 'moderate', 'serious', 'critical'])

export const formatSchema = z.enum(['text', 'markdown', 'mdx', 'html'])

export const pointSchema = z
  .object({
    line: z.number().int().min(1).describe('1-based line in the source file.'),
    column: z.number().int().min(1).describe('1-based column, in UTF-16 code units.'),
    offset: z
      .number()
      .int()
      .min(0)
      .describe('0-based offset in UTF-16 code units into the decoded source (a UTF-8 BOM is not counted).')
  })
  .describe('A place in the source file.')

export const locationSchema = z.object({start: pointSchema, end: pointSchema})

export const findingSchema = z
  .object({
    ruleId: z.string().describe('Stable rule id: a faircopy rule or the axe-core rule id.'),
    messageId: z.string().optional().describe('Which of its rule’s messages this is (faircopy’s rules): stable, for filters and quick fixes.'),
    category: categorySchema,
    severity: severitySchema,
    message: z.string().describe('One sentence a writer understands.'),
    excerpt: z.string().describe('The words or element concerned, as written in the source.'),
    location: locationSchema,
    suggestions: z.array(z.string()).describe('Plainer alternatives, where there are any.'),
    source: z.string().describe('What produced the finding, e.g. retext-passive, axe-core, faircopy.'),
    wcag: z.array(z.string()).describe('WCAG success criteria the finding bears on, e.g. 3.1.5.'),
    impact: impactSchema.optional().describe('axe-core impact, for accessibility findings.'),
    selector: z.string().optional().describe('CSS selector of the element in the rendered page (accessibility findings).'),
    colorScheme: z
      .enum(['light', 'dark'])
      .optional()
      .describe('The colour scheme the page was shown in when this was found, when it was judged in several and the finding is not in all of them.'),
    helpUrl: z.string().describe('Where to read more.'),
    scope: z
      .literal('document')
      .optional()
      .describe('A finding of the whole article (its reading grade, its encoding, a page-level accessibility rule), placed at the first line of its body.'),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .describe('Stable id for baselines: rule, normalised excerpt and occurrence index, never line numbers.')
  })
  .describe('One thing worth a writer’s attention, at its place in the source file.')

const scoresSchema = z.object({
  fleschReadingEase: z.number(),
  fleschKincaidGrade: z.number(),
  gunningFog: z.number(),
  smog: z.number(),
  colemanLiau: z.number(),
  automatedReadability: z.number(),
  daleChall: z.number().describe('Dale–Chall raw score (not a grade).'),
  spache: z.number().describe('Spache grade (meant for texts up to grade 4).')
})

export const readabilitySchema = z.object({
  words: z.number().int().min(0),
  sentences: z.number().int().min(0),
  syllables: z.number().int().min(0),
  paragraphs: z.number().int().min(0),
  averageWordsPerSentence: z.number(),
  longestSentenceWords: z.number().int().min(0),
  readingTimeMinutes: z.number().describe('At 238 words a minute, rounded to a tenth.'),
  scores: scoresSchema,
  gradeLevel: z
    .number()
    .describe('Consensus US grade: the median of Flesch–Kincaid, Gunning fog, SMOG, Coleman–Liau, ARI and Dale–Chall grades.'),
  targetGrade: z.number(),
  gradeGates: z
    .boolean()
    .describe('Whether a grade above the target fails the gate: only when maxGrade (--max-grade) set it. Otherwise the target is reported, not enforced.'),
  hardestSentences: z
    .array(z.object({location: locationSchema, grade: z.number(), words: z.number().int().min(0), longWords: z.number().int().min(0)}))
    .describe('The hardest sentences, hardest first (at most five).'),
  paragraphGrades: z
    .array(z.object({location: locationSchema, grade: z.number(), words: z.number().int().min(0)}))
    .describe('The consensus grade of each prose paragraph, in order.')
})

export const passiveVoiceSchema = z.object({
  sentences: z.number().int().min(0),
  passiveSentences: z.number().int().min(0),
  percent: z.number().min(0).max(100)
})

export const jargonSchema = z.object({
  byKind: z.record(z.string(), z.number().int().min(0)).describe('Finding counts by jargon kind, e.g. plain-language.'),
  uncommonWords: z.number().int().min(0),
  uncommonWordPercent: z.number().min(0).max(100)
})

const axeRuleSummarySchema = z.object({
  ruleId: z.string(),
  impact: impactSchema.optional(),
  help: z.string(),
  helpUrl: z.string(),
  wcag: z.array(z.string()),
  nodes: z.number().int().min(0)
})

export const accessibilitySchema = z.object({
  engine: z.enum(['jsdom', 'chromium']).describe('What rendered the page for axe-core: jsdom (no layout) or a real headless Chromium.'),
  axeVersion: z.string(),
  tags: z.array(z.string()),
  violations: z.array(axeRuleSummarySchema),
  incomplete: z
    .array(axeRuleSummarySchema.extend({reason: z.string().describe('Why axe-core could not decide.')}))
    .describe('Rules axe-core could not decide here: neither passed nor failed.'),
  passes: z.array(z.string()).describe('Rule ids that applied and passed: no node failed and none was left for review.'),
  notCheckable: z
    .array(z.string())
    .describe('Rules that need a real layout engine, so jsdom cannot check them; never counted as passed.'),
  disabled: z.array(z.string()).describe('Rules turned off for this input, e.g. rules about headings for plain text.'),
  colorSchemes: z
    .array(z.enum(['light', 'dark']))
    .optional()
    .describe('The colour schemes the chromium engine showed the page in, when more than light (accessibility.colorSchemes).')
})

export const wcagRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['A', 'AA', 'AAA']),
  status: z.enum(['failed', 'cannot-tell', 'passed']),
  findings: z.array(z.string()).describe('Fingerprints of the findings bearing on this criterion.')
})

export const summarySchema = z.object({
  passed: z.boolean().describe('Whether the article passes the gate: severity, grade, passive and accessibility thresholds.'),
  failures: z.array(z.string()).describe('Why the gate failed, one short sentence each.'),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  infos: z.number().int().min(0),
  suppressed: z.number().int().min(0).describe('Findings switched off by comments in the article.'),
  byCategory: z.record(z.string(), z.number().int().min(0))
})

export const sourceSchema = z.object({
  path: z.string().optional(),
  format: formatSchema,
  encoding: z
    .enum(['utf-16le', 'utf-16be', 'windows-1252'])
    .optional()
    .describe('How the file was decoded, when it was not UTF-8 (the sha256 is of the bytes).'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().optional(),
  frontMatter: z.enum(['yaml', 'toml', 'json']).optional().describe('The front matter the article starts with: read as data (its title is the title), never as prose.'),
  templates: z.array(z.enum(['hugo', 'liquid'])).optional().describe('Template languages whose syntax was taken out of the prose, with every position kept.')
})

export const auditReportSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    tool: z.object({name: z.literal('faircopy'), version: z.string()}),
    source: sourceSchema,
    summary: summarySchema,
    readability: readabilitySchema,
    passiveVoice: passiveVoiceSchema,
    jargon: jargonSchema,
    accessibility: accessibilitySchema,
    wcag: z.array(wcagRowSchema),
    findings: z.array(findingSchema),
    suppressed: z.array(findingSchema).describe('Findings switched off by faircopy-disable comments in the article: counted, not lost.'),
    notes: z.array(z.string()).optional().describe('What to know of how the article was read, e.g. a page with nothing to audit.')
  })
  .describe('faircopy audit report for one article.')

export type Severity = z.infer<typeof severitySchema>
export type Category = z.infer<typeof categorySchema>
export type Impact = z.infer<typeof impactSchema>
export type Format = z.infer<typeof formatSchema>
export type Point = z.infer<typeof pointSchema>
export type Location = z.infer<typeof locationSchema>
export type Finding = z.infer<typeof findingSchema>
export type Readability = z.infer<typeof readabilitySchema>
export type PassiveVoice = z.infer<typeof passiveVoiceSchema>
export type Jargon = z.infer<typeof jargonSchema>
export type AccessibilitySummary = z.infer<typeof accessibilitySchema>
export type WcagRow = z.infer<typeof wcagRowSchema>
export type Summary = z.infer<typeof summarySchema>
export type AuditReport = z.infer<typeof auditReportSchema>

/** The report's JSON Schema (draft 2020-12), generated from the zod schema above. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    title: 'faircopy AuditReport',
    ...z.toJSONSchema(auditReportSchema, {target: 'draft-2020-12'})
  }
}
