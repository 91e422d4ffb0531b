import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runAxe} from '../src/accessibility/axe.ts'
import {renderDocument} from '../src/accessibility/render.ts'
import {FaircopyError, type AuditReport} from '../src/index.ts'
import {parseArticle} from '../src/input/parse.ts'
import type {Rule} from '../src/rules.ts'
import {DEFAULT_AXE_TAGS} from '../src/settings.ts'
import {audit, auditFile, expectValidReport, fixture} from './helpers.ts'

const scratch = mkdtempSync(join(tmpdir(), 'faircopy-audit-'))

function write(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name)
  writeFileSync(path, content)
  return path
}

async function rejection(promise: Promise<unknown>): Promise<FaircopyError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(FaircopyError)
  return error as FaircopyError
}

describe('bad input', () => {
  it.each([
    ['an empty string', () => audit(''), 'E_INPUT_EMPTY', /empty/],
    ['whitespace only', () => audit(' \n\t\n'), 'E_INPUT_EMPTY', /empty/],
    ['a missing file', () => auditFile(join(scratch, 'nowhere.md')), 'E_INPUT_MISSING', /nowhere\.md does not exist/],
    ['a directory', () => auditFile(scratch), 'E_INPUT_UNREADABLE', /is a directory/],
    ['binary bytes', () => auditFile(write('photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))), 'E_INPUT_BINARY', /binary/],
    ['a BOM and nothing else', () => auditFile(write('bom.txt', '\uFEFF\n')), 'E_INPUT_EMPTY', /empty/],
    ['an unknown option', () => audit('Text.', {colour: 'red'} as never), 'E_OPTIONS_INVALID', /Invalid options/],
    ['a wrong option type', () => audit('Text.', {maxGrade: 'eight'} as never), 'E_OPTIONS_INVALID', /maxGrade/]
  ] as const)('%s is refused with a FaircopyError', async (_name, run, code, message) => {
    const error = await rejection(run())
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
  })
})

describe('the report', () => {
  it('describes its source: format by extension, file hash, title from front matter', async () => {
    const path = fixture('positions.md')
    const report = expectValidReport(await auditFile(path))
    const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version
    expect(report.schemaVersion).toBe(1)
    expect(report.tool).toEqual({name: 'faircopy', version})
    expect(report.source).toEqual({
      path,
      format: 'markdown',
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
      title: 'Harbour notes',
      frontMatter: 'yaml'
    })
  })

  it('takes the title from the first heading, or from an HTML document’s <title>', async () => {
    expect((await audit('Intro line.\n\n## Tide tables\n\nText.', {format: 'markdown'})).source.title).toBe('Tide tables')
    expect((await auditFile(fixture('positions.html'))).source.title).toBe('Harbour notes')
  })

  it('lets options.format override the extension', async () => {
    const path = write('notes.txt', '# Not a heading in text\n\nThe tide turns.')
    expect((await auditFile(path)).source.format).toBe('text')
    const asMarkdown = await auditFile(path, {format: 'markdown'})
    expect(asMarkdown.source.format).toBe('markdown')
    expect(asMarkdown.source.title).toBe('Not a heading in text')
  })

  it('counts words, sentences and syllables, and scores them', async () => {
    const report = expectValidReport(await audit('The cat sat on the mat. The dog ran home.', {format: 'text'}))
    expect(report.readability).toMatchObject({words: 10, sentences: 2, syllables: 10, paragraphs: 1, averageWordsPerSentence: 5, longestSentenceWords: 6})
    // Flesch reading ease by hand: 206.835 − 1.015 × (10 / 2) − 84.6 × (10 / 10) = 117.16, bounded by its scale's 100.
    expect(206.835 - 1.015 * 5 - 84.6).toBeCloseTo(117.16, 2)
    expect(report.readability.scores.fleschReadingEase).toBe(100)
    expect(report.readability.gradeLevel).toBeLessThan(3)
    expect(report.readability.targetGrade).toBe(9)
    expect(report.readability.readingTimeMinutes).toBe(0)
  })

  it('takes the target grade from the preset, and maxGrade over it', async () => {
    expect((await audit('The tide turns.', {preset: 'news'})).readability.targetGrade).toBe(8)
    expect((await audit('The tide turns.', {preset: 'technical'})).readability.targetGrade).toBe(12)
    expect((await audit('The tide turns.', {preset: 'news', maxGrade: 5})).readability.targetGrade).toBe(5)
  })

  it('summarises findings and gates on failOn', async () => {
    const path = fixture('positions.md')
    const strict = expectValidReport(await auditFile(path))
    expect(strict.summary).toMatchObject({passed: false, errors: 4, warnings: 1, byCategory: {accessibility: 5}})
    expect((await auditFile(path, {failOn: 'never'})).summary.passed).toBe(true)
    const quiet = await auditFile(path, {rules: {'image-alt': 'off', label: 'warning', 'link-name': 'info'}})
    expect(quiet.findings.some((finding) => finding.ruleId === 'image-alt')).toBe(false)
    expect(quiet.accessibility.disabled).toContain('image-alt')
    expect(quiet.summary).toMatchObject({passed: true, errors: 0, warnings: 2, infos: 1})
  })

  it('lists WCAG criteria touched, with their status and the findings behind them', async () => {
    const report = expectValidReport(await auditFile(fixture('positions.md')))
    const nonText = report.wcag.find((row) => row.id === '1.1.1')
    const images = report.findings.filter((finding) => finding.ruleId === 'image-alt').map((finding) => finding.fingerprint)
    expect(nonText).toEqual({id: '1.1.1', name: 'Non-text Content', level: 'A', status: 'failed', findings: images})
    expect(report.wcag.find((row) => row.id === '3.1.1')).toMatchObject({name: 'Language of Page', status: 'passed'})
    expect(report.wcag.map((row) => row.id)).toEqual([...report.wcag.map((row) => row.id)].sort((a, b) => a.localeCompare(b, 'en', {numeric: true})))
  })

  it('sorts findings by position', async () => {
    const report = await auditFile(fixture('prose.md'))
    const offsets = report.findings.map((finding) => finding.location.start.offset)
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b))
  })

  it('is JSON-safe: a round trip through JSON changes nothing', async () => {
    const report = await auditFile(fixture('prose.html'))
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })
})

describe('fingerprints', () => {
  const article = [
    'The harbour opens at six.',
    'The old crane was broken by the storm.',
    '<img src="crane.png">',
    'The crew will utilize the small slipway. The crew will utilize it again tomorrow.'
  ]

  function prints(report: AuditReport): Array<[string, string]> {
    return report.findings.filter((finding) => finding.ruleId !== 'reading-level').map((finding) => [finding.ruleId, finding.fingerprint])
  }

  it('stay the same when unrelated paragraphs are added above or removed', async () => {
    const options = {format: 'markdown', rules: {'uncommon-word': 'info'}} as const
    const before = await audit(article.join('\n\n'), options)
    const added = await audit(['A new first paragraph about the weather.', 'Another one about the boats.', ...article].join('\n\n'), options)
    const removed = await audit(article.slice(1).join('\n\n'), options)
    expect(prints(before).map(([ruleId]) => ruleId)).toEqual(['page-has-heading-one', 'passive-voice', 'image-alt', 'plain-language', 'uncommon-word', 'plain-language'])
    expect(prints(added)).toEqual(prints(before))
    expect(prints(removed)).toEqual(prints(before))
    const line = (r: AuditReport) => r.findings.find((finding) => finding.ruleId === 'image-alt')?.location.start.line
    expect([line(before), line(added), line(removed)]).toEqual([5, 9, 3])
  })

  it('tell repeated findings apart by occurrence, and change when the words change', async () => {
    const report = await audit(article.join('\n\n'), {format: 'markdown'})
    const utilize = report.findings.filter((finding) => finding.excerpt === 'utilize').map((finding) => finding.fingerprint)
    expect(utilize).toHaveLength(2)
    expect(new Set(utilize).size).toBe(2)
    const edited = await audit(article.join('\n\n').replace('was broken', 'was shaken'), {format: 'markdown'})
    const passive = (r: AuditReport) => r.findings.find((finding) => finding.ruleId === 'passive-voice')?.fingerprint
    expect(passive(edited)).not.toBe(passive(report))
  })

  it('for the document-level reading grade do not depend on the score', async () => {
    const hard = 'Notwithstanding considerable organizational difficulties, the municipal administration subsequently authorized comprehensive infrastructural rehabilitation initiatives.'
    const one = await audit(hard, {format: 'text'})
    const two = await audit(`${hard}\n\nDespite unprecedented meteorological volatility, international maritime authorities reconsidered navigational regulations.`, {format: 'text'})
    const level = (r: AuditReport) => r.findings.find((finding) => finding.ruleId === 'reading-level')
    expect(level(one)?.message).not.toBe(level(two)?.message)
    expect(level(one)?.fingerprint).toBe(level(two)?.fingerprint)
  })
})

describe('the time limit (timeout)', () => {
  // A rule of the caller's that takes 300 ms: an audit allowed 50 ms stops at its next step.
  const slow: Rule = {
    meta: {id: 'slow-rule', category: 'style', defaultSeverity: 'info', wcag: [], description: 'Takes its time.', helpUrl: '', messages: {slow: 'Slow.'}},
    async check() {
      await new Promise((done) => setTimeout(done, 300))
    }
  }
  const text = '# Tides\n\nThe tide was watched by the crew.\n'

  it('stops an audit that takes longer with E_TIMEOUT, and the next audit is whole', async () => {
    const error = await audit(text, {path: 'tides.md', timeout: 0.05, customRules: [slow]}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(FaircopyError)
    expect([(error as FaircopyError).code, (error as FaircopyError).message]).toEqual(['E_TIMEOUT', 'tides.md took longer than 0.05 s and was stopped.'])
    const report = await audit(text, {path: 'tides.md', customRules: [slow]})
    expect(report.findings.map((finding) => finding.ruleId)).toContain('passive-voice')
  })

  it('stops axe-core mid-run and never reuses its window', async () => {
    const page = renderDocument(parseArticle('# Tides\n\n<img src="a.png">\n', 'markdown', 't.md'), 'en')
    const late = new FaircopyError('E_TIMEOUT', 'late')
    // The time is up as soon as axe-core starts.
    await expect(runAxe(page, {tags: DEFAULT_AXE_TAGS, disabledRules: [], deadline: (work) => Promise.race([work, Promise.reject(late)])})).rejects.toBe(late)
    const after = await runAxe(page, {tags: DEFAULT_AXE_TAGS, disabledRules: []})
    const fresh = await runAxe(page, {tags: DEFAULT_AXE_TAGS, disabledRules: [], fresh: true})
    expect(after.violations.map((rule) => rule.id)).toContain('image-alt')
    expect(JSON.stringify(after)).toBe(JSON.stringify(fresh))
  })

  it('is a number of seconds above 0', async () => {
    await expect(audit(text, {timeout: 0})).rejects.toMatchObject({code: 'E_OPTIONS_INVALID'})
  })

  it('never starts reading a pipe or a device: only regular files are articles', async () => {
    const fifo = join(scratch, 'pipe.md')
    execFileSync('mkfifo', [fifo])
    await expect(auditFile(fifo)).rejects.toMatchObject({code: 'E_INPUT_UNREADABLE', message: `${fifo} is not a regular file (a pipe, socket or device), so it is not read.`})
    await expect(auditFile('/dev/zero')).rejects.toMatchObject({code: 'E_INPUT_UNREADABLE'})
  })
})
