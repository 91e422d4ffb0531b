import {describe, expect, it} from 'vitest'
import {jsonReport, toJson} from '../../src/reporters/json.ts'
import {jsonChunks} from '../../src/reporters/stream.ts'
import type {RunResult} from '../../src/reporters/types.ts'
import {cwd, entry, missing} from './entries.ts'
import {audit, auditFile, fixture} from '../helpers.ts'

describe('the json reporter', () => {
  it('writes in pieces exactly what JSON.stringify writes, with two spaces', async () => {
    const reports = await Promise.all(['positions.md', 'positions.html', 'prose.md'].map(async (name) => auditFile(fixture(name))))
    const run: RunResult = {cwd, passed: false, shard: {index: 1, count: 2}, entries: [...reports.map((report) => entry(report)), missing]}
    const pieces = [...jsonReport(run)]
    expect(pieces.length).toBeGreaterThan(100)
    const whole = pieces.join('')
    const parsed = JSON.parse(whole) as {files: unknown[]}
    expect(parsed.files).toHaveLength(3)
    expect(whole).toBe(`${JSON.stringify(parsed, null, 2)}\n`)
    expect(toJson(run)).toBe(whole)
  })

  it('never holds a whole report of many findings in one string', async () => {
    // 4,000 findings of one word: each is its own piece, none longer than one finding.
    const report = await audit(`# Words\n\n${'We utilize it. '.repeat(4000)}\n`, {path: 'words.md'})
    expect(report.findings.length).toBeGreaterThanOrEqual(4000)
    const pieces = [...jsonReport({cwd, passed: false, entries: [entry(report)]})]
    let max = 0
    for (const piece of pieces) max = piece.length > max ? piece.length : max
    expect(max).toBeLessThan(5000)
    expect(pieces.join('').length).toBeGreaterThan(4000 * 300)
  })

  it('matches JSON.stringify on the corner cases: empty objects and arrays, left-out values, lone surrogates', () => {
    const value = {a: [], b: {}, c: undefined, d: () => 1, e: [undefined, () => 1, 1], f: {g: {h: {i: {j: [1, {k: 'x\ud800'}]}}}}, s: 'line\nbreak \udfff'}
    const streamed = [...jsonChunks(value)].join('')
    expect(streamed).toBe(JSON.stringify({...value, f: {g: {h: {i: {j: [1, {k: 'x\ufffd'}]}}}}, s: 'line\nbreak \ufffd'}, null, 2))
  })
})
