import {readFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
import {expect} from 'vitest'
import * as faircopy from '../src/index.ts'
import {parseArticle} from '../src/input/parse.ts'
import {userPluginFindings} from '../src/prose/retext.ts'
import {proseSections} from '../src/prose/summary.ts'
import {registryFor} from '../src/registry.ts'
import {finalizeFindings} from '../src/report/finding.ts'
import {normalizeOptions} from '../src/settings.ts'
import type {AuditReport, Finding} from '../src/index.ts'

const schema = JSON.parse(readFileSync(new URL('../schema/audit-report.schema.json', import.meta.url), 'utf8')) as object
const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema)

/** Every report a test produces goes through here: it must match the shipped JSON Schema. */
export function expectValidReport(report: AuditReport): AuditReport {
  const valid = validate(JSON.parse(JSON.stringify(report)))
  expect(validate.errors ?? [], 'report matches schema/audit-report.schema.json').toEqual([])
  expect(valid).toBe(true)
  return report
}

export function fixture(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname
}

/** Line and column of a finding's start, as an editor shows them. */
export function at(finding: Finding): string {
  return `${finding.location.start.line}:${finding.location.start.column}`
}

/** Findings of one rule, as `line:column` strings. */
export function placesOf(report: AuditReport, ruleId: string): string[] {
  return report.findings.filter((finding) => finding.ruleId === ruleId).map(at)
}

/** The source text a location covers. */
export function sliceOf(source: string, finding: Finding): string {
  return source.slice(finding.location.start.offset, finding.location.end.offset)
}

/** faircopy's `audit`, with its report checked against the shipped schema: tests audit through this. */
export async function audit(...args: Parameters<typeof faircopy.audit>): Promise<AuditReport> {
  return expectValidReport(await faircopy.audit(...args))
}

/** faircopy's `auditFile`, with its report checked against the shipped schema. */
export async function auditFile(...args: Parameters<typeof faircopy.auditFile>): Promise<AuditReport> {
  return expectValidReport(await faircopy.auditFile(...args))
}

/** Rows of a labelled TSV fixture: `#` lines are comments, the first other line is the header. */
export function labelledRows(name: string): string[][] {
  const lines = readFileSync(fixture(name), 'utf8').split('\n')
  return lines
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(1)
    .map((line) => line.split('\t'))
}

/** Precision and recall of predicted items against expected ones, counted over all rows. */
export function score(rows: ReadonlyArray<{expected: readonly string[]; predicted: readonly string[]}>): {precision: number; recall: number; misses: string[]; extras: string[]} {
  let truePositives = 0
  let predictedCount = 0
  let expectedCount = 0
  const misses: string[] = []
  const extras: string[] = []
  for (const row of rows) {
    const left = [...row.expected]
    predictedCount += row.predicted.length
    expectedCount += row.expected.length
    for (const item of row.predicted) {
      const at = left.indexOf(item)
      if (at === -1) extras.push(item)
      else {
        truePositives++
        left.splice(at, 1)
      }
    }
    misses.push(...left)
  }
  return {precision: predictedCount === 0 ? 1 : truePositives / predictedCount, recall: expectedCount === 0 ? 1 : truePositives / expectedCount, misses, extras}
}

/** faircopy's rules alone (no page, no axe-core) over text, as the audit runs them: their findings and the prose sections. */
export async function proseOf(text: string, options: faircopy.AuditOptions = {}) {
  const settings = normalizeOptions({format: 'text', ...options})
  const article = parseArticle(text, settings.format ?? 'text', undefined)
  const rules = await registryFor(settings).run({article, source: text, encoding: 'utf-8', settings})
  return {findings: finalizeFindings([...rules.findings, ...(await userPluginFindings(rules.audit))]), ...(await proseSections(rules))}
}
