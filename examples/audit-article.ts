// Audits one article and prints its summary: `npm run example -- path/to/article.md`.
// Without a path it audits the sample article beside this script.
import {fileURLToPath} from 'node:url'
import {auditFile, FaircopyError} from '../src/index.ts'

const path = process.argv[2] ?? fileURLToPath(new URL('./sample-article.md', import.meta.url))

try {
  const report = await auditFile(path)
  const {readability, passiveVoice, jargon, accessibility, summary} = report
  console.log(`${report.source.title ?? path} (${report.source.format})`)
  console.log(`  grade ${readability.gradeLevel} against a target of ${readability.targetGrade}, ${readability.words} words, about ${Math.max(1, Math.round(readability.readingTimeMinutes))} min to read`)
  console.log(`  passive voice in ${passiveVoice.passiveSentences} of ${passiveVoice.sentences} sentences (${passiveVoice.percent}%)`)
  console.log(`  plainer words suggested: ${jargon.byKind['plain-language'] ?? 0}; uncommon words: ${jargon.uncommonWordPercent}%`)
  console.log(`  accessibility: ${accessibility.violations.length} rules violated, ${accessibility.incomplete.length} undecided, ${accessibility.notCheckable.length} need a real browser`)
  console.log('')
  for (const finding of report.findings) {
    console.log(`  ${finding.location.start.line}:${finding.location.start.column}  ${finding.severity}  ${finding.message}  (${finding.ruleId})`)
  }
  console.log('')
  console.log(summary.passed ? 'Passed.' : `Failed: ${summary.errors} errors, ${summary.warnings} warnings.`)
} catch (error) {
  if (!(error instanceof FaircopyError)) throw error
  console.error(`faircopy: ${error.message}`)
  process.exitCode = 2
}
