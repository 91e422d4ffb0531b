import {readFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
import {expect} from 'vitest'
import * as faircopy from '../src/index.ts'
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
