// The editors' example: audits one draft, prints a friendly summary and writes the HTML report beside it.
//
//   npm run example                              the sample article beside this script
//   npm run example -- posts/draft.md            any draft: writes posts/draft.md.faircopy.html
//   npm run example -- draft.md --out report.html --preset news
import {readFileSync, writeFileSync} from 'node:fs'
import {relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {auditFile, FaircopyError, toHtml, type AuditReport, type Finding} from '../src/index.ts'

const wordy = new Set(['plain-language', 'jargon'])

async function main(): Promise<number> {
  const {values, positionals} = parseArgs({allowPositionals: true, options: {out: {type: 'string'}, preset: {type: 'string'}}})
  const sample = positionals[0] === undefined
  const path = positionals[0] ?? relative(process.cwd(), fileURLToPath(new URL('./sample-article.md', import.meta.url)))
  const report = await auditFile(path, values.preset === undefined ? {} : {preset: values.preset as never})
  const text = readFileSync(path, 'utf8')
  const out = values.out ?? `${path}.faircopy.html`
  writeFileSync(out, toHtml(report, text))
  console.log(summary(report, text.replace(/^\uFEFF/, '')))
  console.log(`\nThe HTML report, with every finding painted into the article: ${out}`)
  // The exit code is the gate's, as the CLI's: 0 passes, 1 fails. The sample is written to fail, to show what is
  // found; the demonstration itself succeeds.
  if (sample) {
    console.log(`\nThe sample article ${report.summary.passed ? 'passes' : 'fails'} on purpose. With your own draft (npm run example -- draft.md) the exit code is the gate's: 0 passes, 1 fails.`)
    return 0
  }
  return report.summary.passed ? 0 : 1
}

function summary(report: AuditReport, text: string): string {
  const {readability, passiveVoice, summary} = report
  const lines: string[] = []
  const say = (line = '') => lines.push(line)
  const section = (title: string, findings: readonly Finding[], line: (finding: Finding) => string) => {
    say()
    say(`${title}${findings.length === 0 ? ': none' : ''}`)
    for (const finding of findings) say(`  line ${String(finding.location.start.line).padEnd(4)} ${line(finding)}`)
  }
  const where = report.source.path ?? 'the article'
  say(`${report.source.title ?? where}  (${where}, ${report.source.format})`)
  say()
  const above = readability.gradeLevel > readability.targetGrade
  // The example sets no maxGrade, so the target is reported, not enforced; the CLI's --max-grade enforces it.
  const gates = above && !readability.gradeGates ? ' (reported, not a gate: the CLI’s --max-grade makes it one)' : ''
  say(`Reading grade ${readability.gradeLevel}, ${above ? 'above' : 'within'} the target of ${readability.targetGrade}${gates}. ${readability.words} words, about ${Math.max(1, Math.round(readability.readingTimeMinutes))} min to read.`)

  say()
  say('The hardest sentences')
  readability.hardestSentences.slice(0, 3).forEach((sentence, index) => {
    const words = text.slice(sentence.location.start.offset, sentence.location.end.offset).replace(/\s+/g, ' ').trim()
    say(`  ${index + 1}. line ${sentence.location.start.line}, grade ${sentence.grade}, ${sentence.words} words (${sentence.longWords} long)`)
    say(`     “${words.length > 110 ? `${words.slice(0, 107)}…` : words}”`)
  })

  const byRule = (test: (finding: Finding) => boolean) => report.findings.filter(test)
  section(`Passive voice in ${passiveVoice.passiveSentences} of ${passiveVoice.sentences} sentences (${passiveVoice.percent}%)`, byRule((finding) => finding.ruleId === 'passive-voice'), (finding) => finding.message)
  section('Jargon and wordy phrases', byRule((finding) => wordy.has(finding.ruleId)), (finding) => (finding.suggestions.length > 0 ? `“${finding.excerpt}” → ${finding.suggestions.join(', ')}` : `“${finding.excerpt}”: ${finding.message}`))
  section('Acronyms to spell out', byRule((finding) => finding.ruleId === 'undefined-acronym'), (finding) => finding.excerpt)
  section('Accessibility problems', byRule((finding) => finding.category === 'accessibility'), (finding) => `${finding.severity.padEnd(7)} ${finding.message} (${finding.ruleId})`)

  say()
  say(summary.passed ? 'Verdict: passes the gate.' : `Verdict: fails the gate: ${summary.failures.join('; ')}.`)
  return lines.join('\n')
}

try {
  process.exitCode = await main()
} catch (error) {
  if (!(error instanceof FaircopyError)) throw error
  console.error(`faircopy: ${error.message}`)
  process.exitCode = 2
}
