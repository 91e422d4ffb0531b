export {audit, auditFile} from './audit.ts'
export {auditEach, auditFiles, closeWorkers, type BatchOptions, type FileResult} from './batch.ts'
export {FaircopyError, type FaircopyErrorCode} from './errors.ts'
export {auditReportSchema, reportJsonSchema, SCHEMA_VERSION} from './report/schema.ts'
export type {
  AccessibilitySummary,
  AuditReport,
  Category,
  Finding,
  Format,
  Impact,
  Jargon,
  Location,
  PassiveVoice,
  Point,
  Readability,
  Severity,
  Summary,
  WcagRow
} from './report/schema.ts'
export {toHtml, type HtmlArticle} from './reporters/html/index.ts'
export {presetNames, type AuditOptions, type PresetName} from './settings.ts'
export type {AuditContext, Highlight, HighlightStyle, Level, ReportInput, Rule, RuleContext, RuleMeta, Shared} from './rules.ts'
export type {SentenceInfo, Token} from './prose/tokens.ts'
export type {Reporter, ReporterContext, ReporterNeeds} from './reporters/index.ts'
export type {AuditedEntry, FailedEntry, RunEntry, RunResult} from './reporters/types.ts'
