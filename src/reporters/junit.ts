import type {Finding} from '../report/schema.ts'
import {relativePath} from '../paths.ts'
import {isAudited, type AuditedEntry, type FailedEntry, type RunResult} from './types.ts'
import {loneSurrogate} from './unicode.ts'

interface Suite {
  readonly xml: string
  readonly tests: number
  readonly failures: number
  readonly errors: number
}

/**
 * JUnit XML for CI test views: a testsuite per file and a testcase per rule with findings in it.
 * A testcase fails when the rule has a non-baselined error in the file; warnings and infos are listed but pass,
 * whatever the gate's `failOn`, so that the XML reads the same for every setting.
 */
export function toJunit(run: RunResult): string {
  const suites = run.entries.map((entry) => (isAudited(entry) ? auditedSuite(run.cwd, entry) : failedSuite(run.cwd, entry)))
  const total = (key: 'tests' | 'failures' | 'errors') => suites.reduce((sum, suite) => sum + suite[key], 0)
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="faircopy" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}">`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    ''
  ].join('\n')
}

function auditedSuite(cwd: string, entry: AuditedEntry): Suite {
  const file = relativePath(cwd, entry.path)
  const known = new Set(entry.known)
  const byRule = groupByRule(entry.report.findings)
  const cases = [...byRule].map(([ruleId, findings]) => ruleCase(file, ruleId, findings, known))
  if (cases.length === 0) cases.push({xml: `    <testcase classname="${attribute(file)}" name="faircopy"/>`, failed: false})
  const failures = cases.filter((testcase) => testcase.failed).length
  return suite(file, cases.map((testcase) => testcase.xml), {tests: cases.length, failures, errors: 0})
}

function failedSuite(cwd: string, entry: FailedEntry): Suite {
  const file = relativePath(cwd, entry.path)
  const error = `<error message="${attribute(entry.error.message)}" type="${attribute(entry.error.code)}"/>`
  const testcase = `    <testcase classname="${attribute(file)}" name="faircopy">\n      ${error}\n    </testcase>`
  return suite(file, [testcase], {tests: 1, failures: 0, errors: 1})
}

function suite(file: string, cases: readonly string[], counts: Omit<Suite, 'xml'>): Suite {
  const open = `  <testsuite name="${attribute(file)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}">`
  return {...counts, xml: [open, ...cases, '  </testsuite>'].join('\n')}
}

function groupByRule(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) {
    const group = groups.get(finding.ruleId)
    if (group === undefined) groups.set(finding.ruleId, [finding])
    else group.push(finding)
  }
  return groups
}

function ruleCase(file: string, ruleId: string, findings: readonly Finding[], known: ReadonlySet<string>): {xml: string; failed: boolean} {
  const open = `    <testcase classname="${attribute(file)}" name="${attribute(ruleId)}"`
  const failed = findings.some((finding) => finding.severity === 'error' && !known.has(finding.fingerprint))
  if (!failed) return {xml: `${open}/>`, failed}
  const lines = findings.map((finding) => findingLine(finding, known.has(finding.fingerprint)))
  const message = `${findings.length} finding${findings.length === 1 ? '' : 's'}`
  const failure = `<failure message="${message}" type="${attribute(ruleId)}">${text(lines.join('\n'))}</failure>`
  return {xml: `${open}>\n      ${failure}\n    </testcase>`, failed}
}

function findingLine(finding: Finding, known: boolean): string {
  const {line, column} = finding.location.start
  return `${line}:${column} ${finding.severity} ${finding.message}${known ? ' (baseline)' : ''}`
}

// Characters XML 1.0 cannot carry at all, even as references: most C0 controls, U+FFFE, U+FFFF and lone surrogates.
const notXmlCharacter = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|${loneSurrogate.source}`, 'g')

/** Character data: markup characters become references; a carriage return is kept as `&#13;` so parsers do not fold it. */
export function text(value: string): string {
  return value
    .replace(notXmlCharacter, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    // No line may start a GitHub Actions workflow command when the XML is printed to a CI log.
    .replace(/(^|\n)::/g, '$1&#58;:')
}

/** An attribute value: as text, and whitespace kept as references, since parsers turn raw tabs and newlines into spaces. */
export function attribute(value: string): string {
  return text(value).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
}
