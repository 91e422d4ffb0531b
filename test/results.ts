// The project's own fixtures, audited the way the tests audit them: the results a restructuring must keep.
// `npm run record-results` writes them to test/fixtures/results/reports.json; test/results.test.ts compares.
import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {audit, auditFile, type AuditOptions, type AuditReport} from '../src/index.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Articles: every fixture file in test/fixtures and test/fixtures/hostile, and the editors' sample article. */
export const articles: readonly string[] = [
  ...readdirSync(new URL('./fixtures', import.meta.url)).filter((name) => /\.(?:md|html|txt)$/.test(name)).map((name) => `test/fixtures/${name}`),
  ...readdirSync(new URL('./fixtures/hostile', import.meta.url)).filter((name) => /\.(?:md|html|txt)$/.test(name)).map((name) => `test/fixtures/hostile/${name}`),
  'examples/sample-article.md'
].sort()

/** Option sets each article is audited with: the defaults, and the preset that turns the optional rules on. */
export const optionSets: Readonly<Record<string, AuditOptions>> = {default: {}, strict: {preset: 'strict'}}

/** The labelled sets, each row audited as the accuracy tests audit it (the text column, as text). */
const labelled: ReadonlyArray<{file: string; column: number; options: AuditOptions}> = [
  {file: 'passive/labelled.tsv', column: 2, options: {}},
  {file: 'passive/holdout.tsv', column: 2, options: {}},
  {file: 'jargon/labelled.tsv', column: 2, options: {preset: 'plain-language'}},
  {file: 'acronyms/labelled.tsv', column: 1, options: {}}
]

/** A finding as the comparison keeps it. */
type Kept = Pick<AuditReport['findings'][number], 'ruleId' | 'severity' | 'message' | 'excerpt' | 'location' | 'suggestions' | 'fingerprint'>

function keep(report: AuditReport): Kept[] {
  return report.findings.map(({ruleId, severity, message, excerpt, location, suggestions, fingerprint}) => ({ruleId, severity, message, excerpt, location, suggestions, fingerprint}))
}

/** Every fixture's whole report, under each option set, and the findings of every labelled row. */
export async function fixtureResults(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {}
  for (const path of articles) {
    for (const [name, options] of Object.entries(optionSets)) {
      results[`${path} ${name}`] = await auditFile(`${root}${path}`, {...options, path})
    }
  }
  for (const {file, column, options} of labelled) {
    const lines = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8').split('\n')
    const rows = lines.filter((line) => line.trim() !== '' && !line.startsWith('#')).slice(1)
    for (const [index, row] of rows.entries()) {
      const text = row.split('\t')[column] ?? ''
      if (text.trim() === '') continue
      results[`${file}#${index + 1}`] = keep(await audit(text, {format: 'text', ...options}))
    }
  }
  return results
}
