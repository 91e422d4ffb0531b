import {readFileSync} from 'node:fs'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import fc from 'fast-check'
import {SaxesParser} from 'saxes'
import {describe, expect, it} from 'vitest'
import {audit, FaircopyError, type AuditReport} from '../../src/index.ts'
import {loadReporter, reporterNames} from '../../src/reporters/index.ts'
import {toMarkdown} from '../../src/reporters/markdown.ts'
import {joined} from '../../src/reporters/stream.ts'
import type {RunEntry, RunResult} from '../../src/reporters/types.ts'
import {entry} from './entries.ts'

// Every reporter over hostile file names and hostile article text, as a pull request could bring them: control
// characters, escape sequences (ANSI, OSC), bidirectional overrides, lone surrogates, line breaks followed by a
// GitHub Actions workflow command, mentions and markup. Fixed seed and a bounded number of runs.
const SEED = 20261204
const RUNS = 25

const hostile = fc.constantFrom(
  '\n::error file=forged.js,line=7::forged',
  '\r\n::warning::forged',
  '\u001b[2J\u001b]0;owned\u0007',
  '\u001b]8;;https://example.com\u001b\\link\u001b]8;;\u001b\\',
  '\u202eevil\u202c',
  '\u0000\u0001\u0008\u000b\u000c\u007f\u0085',
  '\ud800',
  '\udfff',
  '@octo-org/team',
  '<script>alert(1)</script>',
  '"]]></x>&amp;'
)
const piece = fc.oneof({weight: 3, arbitrary: hostile}, {weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 8})}, {weight: 2, arbitrary: fc.constantFrom('tide', 'was', 'utilized', 'by', 'NATO', 'crews', ' ')})
const hostileText = fc.array(piece, {minLength: 1, maxLength: 6}).map((parts) => parts.join(''))

/** An article that carries the hostile text where reports quote it: a word, an alt text, a heading, a link. */
const article = fc.tuple(hostileText, hostileText, hostileText).map(([a, b, c]) => `# Notes ${a}\n\nThe pier was utilized by crews ${b}.\n\n<img src="x.png" alt="${c.replace(/"/g, '')}">\n\n[click here](#notes) ${c}\n`)
const fileName = hostileText.map((name) => `content/${name}.md`)

const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object
const ajv = new ajvDraft04.default({allErrors: true, unicodeRegExp: false, strict: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(sarifSchema)

function parseXml(xml: string): void {
  const parser = new SaxesParser()
  parser.on('error', (error) => {
    throw error
  })
  parser.write(xml).close()
}

const reporters = await Promise.all(reporterNames.map(async (name) => loadReporter(name, process.cwd())))

describe('every reporter, over hostile file names and article text', () => {
  it('writes output valid for its format, with no workflow command outside the github reporter and no control character in text', async () => {
    await fc.assert(
      fc.asyncProperty(article, fileName, fileName, async (text, name, missingName) => {
        let first: RunEntry
        try {
          const report: AuditReport = await audit(text, {path: name})
          first = {...entry(report), path: name, text}
        } catch (error) {
          // NUL bytes make it binary: refused, with a message that names the file.
          expect(error).toBeInstanceOf(FaircopyError)
          first = {path: name, error: {code: (error as FaircopyError).code, message: (error as FaircopyError).message}}
        }
        const run: RunResult = {
          cwd: '/repo',
          passed: false,
          entries: [first, {path: missingName, error: {code: 'E_INPUT_MISSING', message: `${missingName} does not exist.`}}]
        }
        for (const reporter of reporters) {
          const output = joined(await reporter.report(run, {color: false}))
          const lines = output.split(/\r\n|\r|\n/)
          if (reporter.name !== 'github') expect(lines.filter((line) => line.startsWith('::')), reporter.name).toEqual([])
          // Lone surrogates never reach the output as such: JSON escapes them, XML drops them.
          expect(output, reporter.name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
          switch (reporter.name) {
            case 'text':
              expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/)
              break
            case 'json':
              expect((JSON.parse(output) as {results: unknown[]}).results).toHaveLength(2)
              break
            case 'sarif':
              expect(validateSarif(JSON.parse(output)), JSON.stringify(validateSarif.errors?.slice(0, 2))).toBe(true)
              break
            case 'junit':
              parseXml(output)
              break
            case 'markdown':
              expect(output).not.toMatch(/<(?:script|img)|@octo-org/)
              break
            case 'github':
              // Each workflow command is whole on its line: its data cannot carry a line break that starts another.
              for (const line of lines.filter((candidate) => candidate.startsWith('::'))) expect(line).toMatch(/^::(?:error|warning|notice) [^\r\n]*::[^\r\n]*$/)
              expect(lines.filter((line) => line.startsWith('::')).every((line) => !line.includes('forged.js,line=7::forged') || line.includes('%0A'))).toBe(true)
              break
            case 'html':
              // The report's own script, and no other.
              expect(output.match(/<script/gi) ?? []).toHaveLength(1)
              break
          }
        }
      }),
      {seed: SEED, numRuns: RUNS}
    )
  })

  it('neutralises mentions in the markdown reporter', async () => {
    const report = await audit('# Tides\n\nThe tide was watched by @octo-org/team and @someone.\n', {path: '@ops/notes.md'})
    const output = toMarkdown({cwd: '/repo', passed: false, entries: [entry(report, {passed: false})]})
    expect(output).toContain('@\u200Bops/notes.md')
    expect(output).not.toMatch(/@(?!\u200B)[\p{L}\p{N}_-]/u)
  })
})
