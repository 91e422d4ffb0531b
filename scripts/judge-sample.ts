/**
 * Draws a seeded random sample of one rule's findings over `../shared/corpus/real/`, as a content team's default
 * run makes them, for a person to judge by hand: is each finding right? (see the README's Accuracy section)
 *
 *   tsx scripts/judge-sample.ts RULE[,RULE…] [count] [seed]
 *
 * Writes test/fixtures/real-judged/RULE.tsv (seed 13, the first sample) or RULE.seed-N.tsv (a later sample) with the rows to judge (file, start, end, fingerprint, then `?` for the
 * verdict and a note), and a judging sheet in the system's temporary folder (faircopy-judge/RULE.txt): each
 * finding's excerpt, message and context. Only offsets and fingerprints go into the project; the text stays in
 * ../shared.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {reportOf} from '../test/labelled/evaluate.ts'
import {fingerprint, readReal, realFiles, seeded} from '../test/labelled/real.ts'

const [rulesText, countText = '40', seedText = '13'] = process.argv.slice(2)
if (!rulesText) {
  console.error('usage: tsx scripts/judge-sample.ts RULE[,RULE…] [count] [seed]')
  process.exit(2)
}
interface Drawn {
  readonly file: string
  readonly start: number
  readonly end: number
  readonly excerpt: string
  readonly message: string
  readonly suggestions: readonly string[]
}
const folder = fileURLToPath(new URL('../test/fixtures/real-judged/', import.meta.url))
const sheets = join(tmpdir(), 'faircopy-judge')
mkdirSync(folder, {recursive: true})
mkdirSync(sheets, {recursive: true})
for (const rule of rulesText.split(',')) {
  const all: Drawn[] = []
  const random = seeded(Number(seedText))
  for (const file of realFiles()) {
    const report = await reportOf(file)
    for (const finding of report.findings) {
      if (finding.ruleId !== rule) continue
      all.push({file, start: finding.location.start.offset, end: finding.location.end.offset, excerpt: finding.excerpt, message: finding.message, suggestions: finding.suggestions ?? []})
    }
  }
  for (let index = all.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[all[index], all[other]] = [all[other] as Drawn, all[index] as Drawn]
  }
  const picked = all.slice(0, Number(countText)).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start)
  const header = [
    `# ${rule}: a seeded random sample (seed ${seedText}) of ${picked.length} of its ${all.length} findings over ../shared/corpus/real/ (default preset), judged by hand by the faircopy project (its own judgements, CC0/MIT). The text stays in ../shared; a row points at it.`,
    '# file\tstart\tend\tfingerprint\tverdict (right|wrong)\twhy, for a wrong one'
  ]
  const rows = picked.map((found) => [found.file, found.start, found.end, fingerprint(readReal(found.file).slice(found.start, found.end)), '?', '-'].join('\t'))
  const sample = seedText === '13' ? rule : `${rule}.seed-${seedText}`
  writeFileSync(join(folder, `${sample}.tsv`), `${[...header, ...rows].join('\n')}\n`)
  const sheet: string[] = []
  for (const [index, found] of picked.entries()) {
    const source = readReal(found.file)
    const context = source.slice(Math.max(0, found.start - 160), Math.min(source.length, found.end + 160)).replace(/\s+/g, ' ')
    sheet.push(`${index + 1}. ${found.file}:${found.start}-${found.end}\n   finding: «${found.excerpt.replace(/\s+/g, ' ')}»\n   message: ${found.message}\n   suggestions: ${found.suggestions.length > 0 ? found.suggestions.join(' | ') : '-'}\n   context: …${context}…\n`)
  }
  writeFileSync(join(sheets, `${sample}.txt`), sheet.join('\n'))
  console.log(`${rule}: ${picked.length} of ${all.length} findings; the sheet is ${join(sheets, `${sample}.txt`)}`)
}
