import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import type {Finding} from '../../src/index.ts'
import {auditFile, expectValidReport, sliceOf} from '../helpers.ts'

// The seed article lives beside the project in CI (../shared/corpus), never inside it.
const seed = fileURLToPath(new URL('../../../shared/corpus/seed-article.txt', import.meta.url))
const present = existsSync(seed)
if (!present) console.info(`acceptance: ${seed} is not here, so the seed-article test is skipped (CI has it).`)

/** Line and column where `needle` first stands in the file, counted from the raw lines. */
function placeOf(source: string, needle: string): string {
  const lines = source.split('\n')
  const index = lines.findIndex((line) => line.includes(needle))
  return `${index + 1}:${(lines[index] ?? '').indexOf(needle) + 1}`
}

const start = (finding: Finding) => `${finding.location.start.line}:${finding.location.start.column}`

describe.runIf(present)('the seed article (../shared/corpus/seed-article.txt)', () => {
  it('audits as text and every finding points at its words in the file', async () => {
    const source = readFileSync(seed, 'utf8')
    const report = expectValidReport(await auditFile(seed))
    expect(report.source.format).toBe('text')
    expect(report.readability.words).toBeGreaterThan(400)
    expect(report.readability.gradeLevel).toBeGreaterThan(report.readability.targetGrade)
    expect(report.accessibility.violations).toEqual([])
    const lines = source.split('\n')
    for (const finding of report.findings) {
      expect(finding.excerpt).toBe(sliceOf(source, finding))
      const line = lines[finding.location.start.line - 1] ?? ''
      expect(line.slice(finding.location.start.column - 1).startsWith(finding.excerpt.split('\n')[0] ?? '')).toBe(true)
    }
  })

  it('finds the wordy phrases and hard sentences where they are', async () => {
    const source = readFileSync(seed, 'utf8')
    const report = await auditFile(seed)
    const wordy = report.findings.filter((finding) => finding.ruleId === 'plain-language')
    expect(wordy.find((finding) => finding.excerpt === 'prior to')).toMatchObject({suggestions: ['before']})
    expect(start(wordy.find((finding) => finding.excerpt === 'prior to') as Finding)).toBe(placeOf(source, 'prior to the airstrike'))
    const hard = report.findings.filter((finding) => finding.ruleId === 'hard-sentence' || finding.ruleId === 'very-hard-sentence')
    expect(hard.length).toBeGreaterThan(5)
    expect(hard.map(start)).toContain(placeOf(source, 'The precision strikes'))
    expect(report.findings.filter((finding) => finding.ruleId === 'reading-level')).toHaveLength(1)
  })
})
