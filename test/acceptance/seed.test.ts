import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {JSDOM} from 'jsdom'
import {toHtml, type Finding} from '../../src/index.ts'
import {auditFile, expectValidReport, sliceOf} from '../helpers.ts'

// The seed article lives beside the project in CI (../shared/corpus), never inside it.
const seed = fileURLToPath(new URL('../../../shared/corpus/seed-article.txt', import.meta.url))
const present = existsSync(seed)
const artifacts = fileURLToPath(new URL('../../test-results', import.meta.url))
if (!present) console.info(`acceptance: ${seed} is not here, so the seed-article test is skipped (CI has it).`)

/** Line and column where `needle` first stands in the file, counted from the raw lines. */
function placeOf(source: string, needle: string): string {
  const lines = source.split('\n')
  const index = lines.findIndex((line) => line.includes(needle))
  return `${index + 1}:${(lines[index] ?? '').indexOf(needle) + 1}`
}

const start = (finding: Finding) => `${finding.location.start.line}:${finding.location.start.column}`

describe.runIf(present)('the seed article (../shared/corpus/seed-article.txt)', () => {
  it('audits as text and every finding points at its words in the file', async () => {
    const source = readFileSync(seed, 'utf8')
    const report = expectValidReport(await auditFile(seed))
    expect(report.source.format).toBe('text')
    expect(report.readability.words).toBeGreaterThan(400)
    expect(report.readability.gradeLevel).toBeGreaterThan(report.readability.targetGrade)
    expect(report.accessibility.violations).toEqual([])
    const lines = source.split('\n')
    for (const finding of report.findings) {
      expect(finding.excerpt).toBe(sliceOf(source, finding))
      const line = lines[finding.location.start.line - 1] ?? ''
      expect(line.slice(finding.location.start.column - 1).startsWith(finding.excerpt.split('\n')[0] ?? '')).toBe(true)
    }
  })

  it('finds the wordy phrases and hard sentences where they are', async () => {
    const source = readFileSync(seed, 'utf8')
    const report = await auditFile(seed)
    const wordy = report.findings.filter((finding) => finding.ruleId === 'plain-language')
    expect(wordy.find((finding) => finding.excerpt === 'prior to')).toMatchObject({suggestions: ['before']})
    expect(start(wordy.find((finding) => finding.excerpt === 'prior to') as Finding)).toBe(placeOf(source, 'prior to the airstrike'))
    const hard = report.findings.filter((finding) => finding.ruleId === 'hard-sentence' || finding.ruleId === 'very-hard-sentence')
    expect(hard.length).toBeGreaterThan(5)
    expect(hard.map(start)).toContain(placeOf(source, 'The precision strikes'))
    expect(report.findings.filter((finding) => finding.ruleId === 'reading-level')).toHaveLength(1)
  })

  it('finds the passive phrases retext-passive misses, the undefined acronym, and the wordy phrase with its suggestion', async () => {
    const source = readFileSync(seed, 'utf8')
    const report = await auditFile(seed)
    const passive = report.findings.filter((finding) => finding.ruleId === 'passive-voice')
    expect(passive.map((finding) => [finding.excerpt, start(finding)])).toEqual([
      ['were killed', placeOf(source, 'were killed')],
      ['are located', placeOf(source, 'are located')]
    ])
    expect(placeOf(source, 'were killed').startsWith('5:')).toBe(true)
    expect(placeOf(source, 'are located').startsWith('23:')).toBe(true)
    const acronyms = report.findings.filter((finding) => finding.ruleId === 'undefined-acronym')
    expect(acronyms.map((finding) => [finding.excerpt, start(finding)])).toEqual([['ISIS', placeOf(source, 'ISIS')]])
    expect(placeOf(source, 'ISIS').startsWith('3:')).toBe(true)
    const prior = report.findings.find((finding) => finding.excerpt === 'prior to')
    expect(prior).toMatchObject({ruleId: 'plain-language', suggestions: ['before']})
    expect(start(prior as Finding).startsWith('9:')).toBe(true)
  })

  it('finds the inflected forms of wordy verbs, with the suggestion inflected to match, and not the noun', async () => {
    const source = readFileSync(seed, 'utf8')
    const report = await auditFile(seed)
    const wordy = report.findings.filter((finding) => finding.ruleId === 'plain-language' && [11, 13, 19].includes(finding.location.start.line))
    expect(wordy.map((finding) => [finding.excerpt, start(finding), finding.suggestions])).toEqual([
      ['provided', placeOf(source, 'provided continuous'), ['gave', 'offered', 'said']],
      ['ensuring', placeOf(source, 'ensuring there'), ['making sure']],
      ['attempting', placeOf(source, 'attempting to regroup'), ['trying']]
    ])
    // "ISIS’ attempts to recoup": the noun, which "tries" does not replace.
    expect(report.findings.some((finding) => finding.excerpt === 'attempts')).toBe(false)
  })

  it('flags nothing of these kinds in the lines checked by hand to hold none', async () => {
    // Lines read by hand: no passive verb, no undefined acronym (U.S. is universal, SDF was spelled out on line 9,
    // ISIS was flagged at its first use), no wordy phrase but the inflected verbs of the test above, no jargon, no
    // link or image.
    const clean = [1, 11, 13, 19, 21, 27, 29, 33, 35]
    const inflected = new Set(['provided', 'ensuring', 'attempting'])
    const kinds = new Set(['passive-voice', 'undefined-acronym', 'plain-language', 'jargon', 'link-text', 'image-alt-text', 'image-alt-empty', 'all-caps'])
    for (const preset of ['general', 'news'] as const) {
      const report = await auditFile(seed, {preset})
      const flagged = report.findings.filter((finding) => kinds.has(finding.ruleId) && clean.includes(finding.location.start.line) && !(finding.ruleId === 'plain-language' && inflected.has(finding.excerpt)))
      expect(flagged.map((finding) => `${preset} ${start(finding)} ${finding.ruleId} ${finding.excerpt}`)).toEqual([])
    }
  })

  it('keeps the optional inclusive-language check off proper nouns and titles ("Special Operations", "research fellow")', async () => {
    const report = await auditFile(seed, {preset: 'strict'})
    expect(report.findings.filter((finding) => finding.ruleId === 'inclusive-language')).toEqual([])
  })

  it('makes an HTML report with the passive phrases, the wordy phrase and the acronym painted over their words', async () => {
    const source = readFileSync(seed, 'utf8')
    const report = await auditFile(seed)
    const html = toHtml(report, source)
    // Kept as a CI artifact, not committed: the seed's text stays outside the project.
    mkdirSync(artifacts, {recursive: true})
    writeFileSync(join(artifacts, 'seed-article.faircopy.html'), html)
    const {document} = new JSDOM(html).window
    const painted = (rule: string) =>
      [...document.querySelectorAll(`mark[data-rule="${rule}"][tabindex="0"]`)].map((mark) => {
        const copy = mark.cloneNode(true) as Element
        for (const tip of copy.querySelectorAll('.tip')) tip.remove()
        return copy.textContent
      })
    expect(painted('passive-voice')).toEqual(['were killed', 'are located'])
    expect(painted('undefined-acronym')).toEqual(['ISIS'])
    expect(painted('plain-language')).toContain('prior to')
    expect(document.querySelectorAll('mark[data-category="readability"]').length).toBeGreaterThan(5)
    expect(document.querySelector('.verdict')?.textContent).toMatch(/the gate$/)
  })
})
