import type {Root as HastRoot} from 'hast'
import type {Position} from 'unist'
import type {z} from 'zod'
import type {Encoding} from './input/read.ts'
import type {ParsedArticle} from './input/parse.ts'
import type {SentenceInfo} from './prose/tokens.ts'
import type {Category, Severity} from './report/schema.ts'
import type {PresetName, Settings} from './settings.ts'

/** A rule's level: a severity, or `off`. */
export type Level = Severity | 'off'

/**
 * The styles the HTML report paints findings over their words with: each has its own colour and line style. A
 * rule that names one is drawn with it and listed in the report's legend under its `label`.
 */
export const highlightStyles = ['hard', 'very-hard', 'passive', 'plain', 'jargon', 'acronym', 'uncommon', 'style', 'a11y'] as const
export type HighlightStyle = (typeof highlightStyles)[number]

export interface Highlight {
  readonly style: HighlightStyle
  /** What the legend calls it: "Passive voice". */
  readonly label: string
}

/** What a rule declares about itself, like an ESLint rule's `meta`: everything but its check reads this. */
export interface RuleMeta<Options = unknown> {
  /** Stable id, in kebab case: the finding's `ruleId`, the key in `rules`, the suppression comments' name. */
  readonly id: string
  readonly category: Category
  /** `off` for rules a preset or the user must turn on. */
  readonly defaultSeverity: Level
  /** The presets that set another level than the default. */
  readonly presets?: Readonly<Partial<Record<PresetName, Level>>>
  /** The WCAG success criteria its findings bear on; a criterion a rule that ran decides passes when nothing bears on it. */
  readonly wcag: readonly string[]
  /** One sentence: what it finds (the README's table, SARIF, the HTML report's tips). */
  readonly description: string
  readonly helpUrl: string
  /** How the HTML report draws its findings over the words; none for rules of elements or of the whole document. */
  readonly highlight?: Highlight | undefined
  /** Message templates by message id; `{{name}}` is replaced by the report's `data.name`. */
  readonly messages: Readonly<Record<string, string>>
  /** Its options, with their defaults: `parse({})` gives the options a rule runs with when none are set. */
  readonly options?: z.ZodType<Options, unknown> | undefined
  /** The finding's `source` when the rule does not say (default `faircopy`). */
  readonly source?: string | undefined
}

/** One faircopy rule: its metadata and its check. The registry runs `check` once per audit when the rule is on. */
export interface Rule<Options = unknown> {
  readonly meta: RuleMeta<Options>
  check(context: RuleContext<Options>): void | Promise<void>
}

/** A result worked out once per audit and shared by every rule that asks for it (sentence scores, term matches). */
export interface Shared<T> {
  readonly name: string
  readonly compute: (audit: AuditContext) => T
}

/** Declares a shared result: `audit.get(result)` computes it on first use in an audit and remembers it. */
export function shared<T>(name: string, compute: (audit: AuditContext) => T): Shared<T> {
  return {name, compute}
}

/** What every rule and shared result of one audit reads: the article, parsed once, and the settings. */
export interface AuditContext {
  /** The parsed article: its format, its hast tree (every node positioned in the source), its title. */
  readonly article: ParsedArticle
  /** The hast tree of the article's content (the whole document for an HTML document). */
  readonly tree: HastRoot
  /** The decoded source text every position points into. */
  readonly source: string
  readonly encoding: Encoding
  readonly settings: Settings
  /** Every sentence with at least one word, headings included and marked, each token at its source position. */
  readonly sentences: readonly SentenceInfo[]
  get<T>(result: Shared<T>): T
}

/** What one finding says; the context adds the rule's id, category, severity, WCAG criteria and help link. */
export interface ReportInput {
  readonly position: Position
  /** A key of the rule's `messages`. */
  readonly messageId: string
  /** Values for the template's `{{name}}` placeholders. */
  readonly data?: Readonly<Record<string, string | number>>
  /** The message as another tool wrote it (a retext plugin's reason), instead of the template. */
  readonly message?: string
  readonly suggestions?: readonly string[]
  readonly source?: string
  /** What the fingerprint is made of instead of the excerpt, where the excerpt is not stable. */
  readonly fingerprintBasis?: string
  /** A finding of the whole article, at `context.article.firstLine`. */
  readonly scope?: 'document'
}

/** The context a rule's check gets: the audit's, its own severity and options, and `report`. */
export interface RuleContext<Options = unknown> extends AuditContext {
  readonly rule: RuleMeta<Options>
  readonly severity: Severity
  readonly options: Options
  report(finding: ReportInput): void
}

/** Fills a message template: `{{phrase}} is passive voice` with `{phrase: '“was closed”'}`. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole))
}
