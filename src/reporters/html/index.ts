import type {AuditReport} from '../../report/schema.ts'
import type {RunResult} from '../types.ts'
import {htmlReport} from './page.ts'

/** One article for the HTML report: its report and the text it was made from (without it, the article is not drawn). */
export interface HtmlArticle {
  readonly report: AuditReport
  readonly text?: string | undefined
  /** Shown as the article's name; default `report.source.path`. */
  readonly path?: string | undefined
}

/**
 * The self-contained HTML report: a scorecard, the article with its findings painted in, the paragraph grade
 * strip, the WCAG table and the findings list. Give the text the report was made from so that the article can
 * be drawn; it is checked against the report's SHA-256. Several articles make one page with a table of contents.
 */
export function toHtml(report: AuditReport, text?: string): string
export function toHtml(articles: readonly HtmlArticle[]): string
export function toHtml(input: AuditReport | readonly HtmlArticle[], text?: string): string {
  const articles: readonly HtmlArticle[] = Array.isArray(input) ? input : [{report: input as AuditReport, text}]
  const entries = articles.map((article) => ({
    path: article.path ?? article.report.source.path ?? 'article',
    report: article.report,
    passed: article.report.summary.passed,
    failures: article.report.summary.failures,
    known: [],
    text: article.text
  }))
  const run: RunResult = {entries, cwd: '', passed: entries.every((entry) => entry.passed)}
  return htmlReport(run)
}

export {htmlReport}
