/**
 * Precision and recall of faircopy's prose checks on the labelled sets over the real corpus, both halves. Each
 * labelled file is audited once, with the default preset, as a content team would run faircopy (its rules; the page
 * axe-core judges is left out, since no check measured here reads it).
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {checkText} from '../../src/audit.ts'
import type {AuditOptions, AuditReport} from '../../src/index.ts'
import {decodeArticle} from '../../src/input/read.ts'
import {finalizeFindings} from '../../src/report/finding.ts'
import {applyControls, articleControls} from '../../src/report/suppress.ts'
import {normalizeOptions} from '../../src/settings.ts'
import {quotedRanges} from '../../src/prose/quotations.ts'
import type {Rule} from '../../src/rules.ts'
import {REAL, readLabels, readReal, textOf, type Half, type LabelRow} from './real.ts'

const labelFolder = fileURLToPath(new URL('../fixtures/real-labels/', import.meta.url))

export interface Score {
  readonly set: string
  readonly half: Half
  readonly rows: number
  readonly positives: number
  readonly truePositives: number
  readonly falsePositives: number
  readonly falseNegatives: number
  readonly precision: number
  readonly recall: number
  /** Of the rows with a labelled suggestion or rewrite that the check also gave, how many it gave right. */
  readonly suggestions?: {readonly right: number; readonly of: number}
}

/** What the measurements read of an article's audit: its findings, as the report has them. */
export type RuleReport = Pick<AuditReport, 'findings'>

const reports = new Map<string, Promise<RuleReport>>()

/**
 * Marks where the article quotes or shows an example of writing to avoid (src/prose/quotations.ts), so that the
 * labelled sets can also be scored on the author's own prose: it reports each such range as a finding of its own.
 */
const quotedText: Rule = {
  meta: {id: 'quoted-text', category: 'jargon', defaultSeverity: 'info', wcag: [], description: 'Marks quotations and examples (for measuring).', helpUrl: 'https://example.invalid/', messages: {quoted: 'quoted'}},
  check(context) {
    for (const position of quotedRanges(context.tree, context.sentences)) context.report({position, messageId: 'quoted'})
  }
}

/**
 * An article's findings as its audit reports them (every rule that is on, suppression comments applied), without
 * the page axe-core judges: every rule measured here is faircopy's own, and none reads axe-core's results.
 */
export function reportOf(file: string): Promise<RuleReport> {
  let report = reports.get(file)
  if (!report) {
    report = ruleFindings(join(REAL, file), {path: file, customRules: [quotedText]})
    reports.set(file, report)
  }
  return report
}

async function ruleFindings(path: string, options: AuditOptions): Promise<RuleReport> {
  const settings = normalizeOptions(options)
  const {text, encoding} = decodeArticle(readFileSync(path), settings.path)
  const {rules, plugins} = await checkText(text, settings, encoding)
  return {findings: applyControls(finalizeFindings([...rules.findings, ...plugins]), rules.audit.get(articleControls)).active}
}

type Finding = AuditReport['findings'][number]

/** Findings of these rules that overlap the row's span, by source offset. */
async function findingsAt(row: LabelRow, rules: readonly string[]): Promise<Finding[]> {
  const report = await reportOf(row.file)
  return report.findings.filter((finding) => rules.includes(finding.ruleId) && finding.location.start.offset < row.end && finding.location.end.offset > row.start)
}

function score(set: string, half: Half, outcomes: ReadonlyArray<{label: boolean; found: boolean}>, suggestions?: Score['suggestions']): Score {
  const truePositives = outcomes.filter((outcome) => outcome.label && outcome.found).length
  const falsePositives = outcomes.filter((outcome) => !outcome.label && outcome.found).length
  const falseNegatives = outcomes.filter((outcome) => outcome.label && !outcome.found).length
  return {
    set,
    half,
    rows: outcomes.length,
    positives: truePositives + falseNegatives,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
    ...(suggestions ? {suggestions} : {})
  }
}

function rowsOf(name: string, half: Half): LabelRow[] {
  const rows = readLabels(join(labelFolder, `${name}.${half}.tsv`))
  // Every row must still point at the text it was labelled on.
  for (const row of rows) textOf(row, readReal(row.file))
  return rows
}

/** plain-language and jargon: is this occurrence of a listed term reported (flag) or left alone (keep)? */
/** Whether the row lies in a quotation or an example of writing to avoid, which plain-language and jargon leave alone. */
async function quoted(row: LabelRow): Promise<boolean> {
  return (await findingsAt(row, ['quoted-text'])).length > 0
}

/** `ownOnly`: only the terms in the author's own prose, not in quotations and examples (which are left alone by design). */
export async function termScore(half: Half, ownOnly = false): Promise<Score> {
  const outcomes = []
  let right = 0
  let of = 0
  for (const row of rowsOf('terms', half)) {
    if (ownOnly && (await quoted(row))) continue
    const found = await findingsAt(row, ['plain-language', 'jargon'])
    outcomes.push({label: row.label === 'flag', found: found.length > 0})
    const expected = row.extra[2]
    const given = found[0]?.suggestions?.[0]
    if (row.label === 'flag' && expected && expected !== '-' && given !== undefined) {
      of++
      if (given.toLowerCase() === expected.toLowerCase()) right++
    }
  }
  return score(ownOnly ? 'plain-language and jargon, terms in the author’s own prose' : 'plain-language and jargon, terms in context', half, outcomes, {right, of})
}

/** passive-voice: does the sentence hold a passive phrase; and are the active rewrites right? */
/** `rich`: the passive-rich sample (sentences with be or get before a possible participle) instead of the random one. */
export async function passiveScore(half: Half, rich = false): Promise<Score> {
  const outcomes = []
  let right = 0
  let of = 0
  for (const row of rowsOf(rich ? 'passive-be' : 'passive', half)) {
    const found = await findingsAt(row, ['passive-voice'])
    outcomes.push({label: row.label === 'passive', found: found.length > 0})
    // A rewrite is labelled as the source writes it, character references and all (`that&#8217;s`).
    const rewrites = (row.extra[1] ?? '-') === '-' ? [] : (row.extra[1] as string).split('|').map(decodeReferences)
    const given = found.flatMap((finding) => finding.suggestions ?? [])
    if (rewrites.length > 0) {
      of += rewrites.length
      right += rewrites.filter((rewrite) => given.includes(rewrite)).length
    }
  }
  return score(rich ? 'passive voice, sentences with be or get before a possible participle' : 'passive voice, sentences', half, outcomes, {right, of})
}

function decodeReferences(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z][a-z\d]*));/gi, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex !== undefined || decimal !== undefined) return String.fromCodePoint(hex === undefined ? Number(decimal) : Number.parseInt(hex, 16))
    const decoded = decodeNamedCharacterReference(name ?? '')
    return decoded === false ? whole : decoded
  })
}

/** undefined-acronym: is the first use of a word in capitals reported? */
export async function acronymScore(half: Half): Promise<Score> {
  const outcomes = []
  for (const row of rowsOf('acronyms', half)) {
    const found = await findingsAt(row, ['undefined-acronym'])
    outcomes.push({label: row.label === 'report', found: found.length > 0})
  }
  return score('undefined acronyms, first uses', half, outcomes)
}

/** hard-sentence and very-hard-sentence: is a sentence labelled hard or very hard reported as either? */
export async function hardScore(half: Half, veryHardOnly = false): Promise<Score> {
  const outcomes = []
  for (const row of rowsOf('hard', half)) {
    const found = await findingsAt(row, veryHardOnly ? ['very-hard-sentence'] : ['hard-sentence', 'very-hard-sentence'])
    outcomes.push({label: veryHardOnly ? row.label === 'very-hard' : row.label !== 'ok', found: found.length > 0})
  }
  return score(veryHardOnly ? 'very hard sentences alone' : 'hard or very hard sentences', half, outcomes)
}

const judgedFolder = fileURLToPath(new URL('../fixtures/real-judged/', import.meta.url))

/** A rule's judged random sample of findings: how many were right when judged, and of those it still reports. */
export interface JudgedScore {
  readonly rule: string
  readonly seed: number
  readonly judged: number
  readonly right: number
  readonly precision: number
  readonly stillReported: number
  readonly stillRight: number
}

/** The rules with a judged sample in test/fixtures/real-judged/. */
export function judgedRules(): string[] {
  return readdirSync(judgedFolder)
    .filter((name) => name.endsWith('.tsv'))
    .map((name) => name.slice(0, -'.tsv'.length))
    .sort()
}

/**
 * A judged sample is `RULE.tsv` (the first, seed 13) or `RULE.seed-N.tsv` (a later one, drawn after the rule
 * changed): its rule and its seed.
 */
export function sampleOf(sample: string): {rule: string; seed: number} {
  const [rule = sample, seed] = sample.split('.seed-')
  return {rule, seed: seed === undefined ? 13 : Number(seed)}
}

export async function judgedScore(sample: string): Promise<JudgedScore> {
  const {rule, seed} = sampleOf(sample)
  const rows = readLabels(join(judgedFolder, `${sample}.tsv`))
  let right = 0
  let stillReported = 0
  let stillRight = 0
  for (const row of rows) {
    textOf(row, readReal(row.file))
    if (row.label !== 'right' && row.label !== 'wrong') throw new Error(`${rule}: ${row.file}:${row.start} is not judged`)
    const isRight = row.label === 'right'
    if (isRight) right++
    const report = await reportOf(row.file)
    if (report.findings.some((finding) => finding.ruleId === rule && finding.location.start.offset === row.start && finding.location.end.offset === row.end)) {
      stillReported++
      if (isRight) stillRight++
    }
  }
  return {rule, seed, judged: rows.length, right, precision: rows.length === 0 ? 1 : right / rows.length, stillReported, stillRight}
}

export function judgedTable(scores: readonly JudgedScore[]): string {
  const lines = ['| rule | sample seed | judged | right | precision when judged | still reported now | of those right |', '| --- | --- | --- | --- | --- | --- | --- |']
  for (const s of scores) lines.push(`| \`${s.rule}\` | ${s.seed} | ${s.judged} | ${s.right} | ${s.precision.toFixed(2)} | ${s.stillReported} | ${s.stillRight} |`)
  return lines.join('\n')
}

/** The table the README's Accuracy section shows. */
export function table(scores: readonly Score[]): string {
  const lines = ['| set | half | rows | positive | precision | recall | suggestions right |', '| --- | --- | --- | --- | --- | --- | --- |']
  for (const s of scores) {
    lines.push(`| ${s.set} | ${s.half} | ${s.rows} | ${s.positives} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${s.suggestions ? `${s.suggestions.right} of ${s.suggestions.of}` : '—'} |`)
  }
  return lines.join('\n')
}
