import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {glob} from 'tinyglobby'
import {describe, expect, it} from 'vitest'
import type {AuditReport} from '../src/index.ts'
import {expectValidReport} from './helpers.ts'

// The real content of ../shared/corpus/real (public-domain pages of three content repositories, see its SOURCES.md),
// audited through the built bin as a content team's CI would. The folder is not the project's: without it, say so.
const root = fileURLToPath(new URL('..', import.meta.url))
const corpus = join(root, '..', 'shared', 'corpus', 'real')
const bin = join(root, 'dist', 'cli', 'bin.js')

// Template syntax and front matter found here by patterns of the test's own, not by faircopy's.
const templateTag = /\{\{[<%][\s\S]*?[>%]\}\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g
const frontMatter = /^(?:[ \t]*\r?\n)*(?:---\r?\n[\s\S]*?\r?\n---|\+\+\+\r?\n[\s\S]*?\r?\n\+\+\+)[ \t]*(?:\r?\n|$)/

if (existsSync(corpus)) {
  describe('the real corpus in ../shared/corpus/real', () => {
    it('is audited whole, every finding at its exact place, none inside front matter or template syntax', async () => {
      const files = await glob(['**/*.{md,mdx}'], {cwd: corpus})
      const run = spawnSync(process.execPath, [bin, '--reporter', 'json', '--fail-on', 'never', '--jobs', '2', corpus], {cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024})
      expect(run.stderr).toBe('')
      const result = JSON.parse(run.stdout) as {files: AuditReport[]; errors: unknown[]}
      expect(result.errors).toEqual([])
      expect(result.files.length).toBe(files.length)
      const problems: string[] = []
      for (const report of result.files) {
        expectValidReport(report)
        const source = readFileSync(report.source.path ?? '', 'utf8').replace(/^\uFEFF/, '')
        const matter = frontMatter.exec(source)?.[0].length ?? 0
        const tags = [...source.matchAll(templateTag)].map((match) => [match.index, match.index + match[0].length] as const)
        const where = (offset: number) => `${report.source.path?.slice(corpus.length + 1)}:${offset}`
        for (const finding of [...report.findings, ...report.suppressed]) {
          const {start, end} = finding.location
          const covered = source.slice(start.offset, end.offset)
          const exact = finding.excerpt.endsWith('…') && finding.excerpt.length < covered.length ? covered.startsWith(finding.excerpt.slice(0, -1)) : finding.excerpt === covered
          if (!exact) problems.push(`${where(start.offset)} ${finding.ruleId}: the excerpt is not the source text there`)
          if (covered.trim() === '') problems.push(`${where(start.offset)} ${finding.ruleId}: the excerpt is empty`)
          if (start.offset < matter && finding.ruleId !== 'front-matter') problems.push(`${where(start.offset)} ${finding.ruleId}: inside the front matter`)
          if (tags.some(([from, to]) => start.offset >= from && start.offset < to)) problems.push(`${where(start.offset)} ${finding.ruleId}: inside template syntax`)
        }
        const titled = /^title:\s*\S/m.test(source.slice(0, matter))
        if (titled && report.findings.some((finding) => finding.ruleId === 'page-has-heading-one')) problems.push(`${where(0)}: page-has-heading-one on a page whose front matter has a title`)
      }
      expect(problems).toEqual([])
    })
  })

} else {
  describe('the real corpus', () => {
    it.skip(`is not here: ${corpus} does not exist (it sits beside the project in CI)`, () => {})
  })
}
