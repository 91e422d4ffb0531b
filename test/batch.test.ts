import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {auditEach, auditFiles, closeWorkers, type FileResult} from '../src/index.ts'
import {expectValidReport} from './helpers.ts'

const folder = mkdtempSync(join(tmpdir(), 'faircopy-batch-'))
const articles = Array.from({length: 6}, (_, index) => {
  const path = join(folder, `note-${index}.md`)
  writeFileSync(path, `# Note ${index}\n\nThe gate was opened by the keeper at ${index + 5} o’clock.\n\n${index % 2 === 0 ? '<img src="gate.png">' : 'Nothing else happened.'}\n`)
  return path
})
const missing = join(folder, 'missing.md')

/** Results as plain data, for comparing two runs. */
function plain(results: readonly FileResult[]) {
  return results.map((result) => ('report' in result ? {path: result.path, findings: result.report.findings} : result))
}

describe('auditFiles', () => {
  it('returns every file’s result in the order given, the same with two worker threads as with one', async () => {
    const paths = [articles[0], missing, ...articles.slice(1)] as string[]
    const one = await auditFiles(paths)
    const two = await auditFiles(paths, {jobs: 2})
    expect(one.map((result) => result.path)).toEqual(paths)
    expect(one[1]).toEqual({path: missing, error: {code: 'E_INPUT_MISSING', message: `${missing} does not exist.`}})
    for (const result of one) if ('report' in result) expectValidReport(result.report)
    expect(plain(two)).toEqual(plain(one))
    expect(one.filter((result) => 'report' in result && result.report.summary.errors > 0).map((result) => result.path)).toEqual([articles[0], articles[2], articles[4]])
  })

  it('passes audit options through, in the workers too', async () => {
    const [report] = await auditFiles([articles[0] as string], {jobs: 2, rules: {'image-alt': 'off', 'passive-voice': 'off', 'uncommon-word': 'info'}})
    const rules = report && 'report' in report ? report.report.findings.map((finding) => finding.ruleId) : ['no report']
    expect(rules.filter((rule) => rule === 'image-alt' || rule === 'passive-voice' || rule === 'no report')).toEqual([])
    // Off by default, on here.
    expect(rules).toContain('uncommon-word')
  })
})

describe('auditEach', () => {
  it('yields every file as it finishes', async () => {
    const seen: string[] = []
    for await (const result of auditEach(articles, {jobs: 2})) seen.push(result.path)
    expect(seen.toSorted()).toEqual(articles.toSorted())
  })

  it('reads paths only as threads free up, so an endless list can be consumed a few at a time', async () => {
    for (const jobs of [1, 2]) {
      let pulled = 0
      const endless = function* () {
        for (let index = 0; ; index++) {
          pulled++
          yield articles[index % articles.length] as string
        }
      }
      const pulledAtResult: number[] = []
      for await (const _result of auditEach(endless(), {jobs})) {
        pulledAtResult.push(pulled)
        if (pulledAtResult.length === 5) break
      }
      // At most two files per thread are in flight: one being audited and one waiting.
      expect(Math.max(...pulledAtResult.map((count, index) => count - (index + 1)))).toBeLessThanOrEqual(jobs * 2)
    }
  })
})

describe('the worker threads', () => {
  it('serve the next run of the process with its own settings, and end on closeWorkers', async () => {
    const rulesOf = (results: readonly FileResult[]) => results.flatMap((result) => ('report' in result ? result.report.findings.map((finding) => finding.ruleId) : []))
    const quiet = await auditFiles([articles[0] as string], {jobs: 2, rules: {'image-alt': 'off'}})
    expect(rulesOf(quiet)).not.toContain('image-alt')
    // The same warm workers (this file's earlier runs left them), another run's settings: nothing carries over.
    const loud = await auditFiles([articles[0] as string], {jobs: 2})
    expect(rulesOf(loud)).toContain('image-alt')
    await closeWorkers()
    const again = await auditFiles([articles[0] as string, articles[1] as string], {jobs: 2})
    expect(plain(again.slice(0, 1))).toEqual(plain(loud))
    await closeWorkers()
  })
})
