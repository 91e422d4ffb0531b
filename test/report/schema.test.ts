import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {auditReportSchema} from '../../src/index.ts'
import {schemas} from '../../src/schemas.ts'
import {audit, expectValidReport} from '../helpers.ts'

describe('the shipped JSON Schema', () => {
  it.each(Object.keys(schemas()))('%s is the one generated from its zod schema (run `npm run schema` after changing it)', (name) => {
    const shipped = JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8')) as unknown
    expect(shipped).toEqual(schemas()[name])
  })

  it('accepts a real report and the zod schema agrees', async () => {
    const report = expectValidReport(await audit('# Tides\n\nThe tide turns twice a day.\n', {format: 'markdown'}))
    expect(auditReportSchema.parse(report)).toEqual(report)
  })

  it('rejects a report with a finding out of shape', async () => {
    const report = await audit('The crew will utilize the slipway.', {format: 'text'})
    const broken = {...report, findings: report.findings.map((finding) => ({...finding, location: {start: {line: 0, column: 1, offset: 0}, end: finding.location.end}}))}
    expect(() => expectValidReport(broken)).toThrow()
    expect(auditReportSchema.safeParse(broken).success).toBe(false)
  })
})
