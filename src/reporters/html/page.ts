import {createHash} from 'node:crypto'
import type {Element, ElementContent, Root} from 'hast'
import {toHtml as hastToHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {stripBom} from '../../input/read.ts'
import type {AuditReport, Finding, Impact} from '../../report/schema.ts'
import {relativePath} from '../../paths.ts'
import {engineLabel, isAudited, type AuditedEntry, type FailedEntry, type RunEntry, type RunResult} from '../types.ts'
import {contentSecurityPolicy, css, script} from './assets.ts'
import {plural} from '../../wording.ts'
import {bandLabel, legendOf, paragraphBand, ruleIndex, type Band, type RuleIndex} from './kinds.ts'
import {formatGrade, paintArticle} from './paint.ts'
import {wellFormed} from '../unicode.ts'

const impacts: readonly Impact[] = ['critical', 'serious', 'moderate', 'minor']
const bands: readonly Band[] = ['ok', 'above', 'hard', 'very-hard']

/**
 * One self-contained HTML page for a run: per article a scorecard, the paragraph grade strip, the article with
 * its findings painted in, the WCAG table and the findings list; a table of contents when there are several.
 * Nothing in it loads from anywhere, and article content is only ever text or allowlisted, sanitised markup.
 */
export function htmlReport(run: RunResult): string {
  const audited = run.entries.filter(isAudited)
  const title = run.entries.length === 1 && audited[0] ? `faircopy report: ${articleTitle(run, audited[0])}` : 'faircopy report'
  const rules = ruleIndex(run)
  const sections = run.entries.map((entry, index) => (isAudited(entry) ? articleSection(run, entry, index, rules) : failedSection(run, entry, index)))
  const version = audited[0]?.report.tool.version ?? ''
  const page: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'en'}, [
        h('head', [
          h('meta', {charSet: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'color-scheme', content: 'light dark'}),
          h('meta', {name: 'generator', content: `faircopy ${version}`.trim()}),
          h('title', title),
          h('style', css)
        ]),
        h('body', [
          h('a.skip-link', {href: '#main'}, 'Skip to the report'),
          h('header.page-header', [h('h1', 'faircopy report'), h('p', runSummary(run))]),
          ...(run.entries.length > 1 ? [tableOfContents(run)] : []),
          h('main#main', sections),
          h('footer', [
            h('p', `Made by faircopy ${version}. This page is self-contained: it loads nothing, and the article's own scripts, styles, images and links are shown as text, never run or fetched.`)
          ]),
          h('script', script)
        ])
      ])
    ]
  }
  // An article's line that starts with "::" would start a line of the report too, which GitHub Actions reads as a
  // workflow command when the report goes to a CI log; as a character reference it reads the same in a browser.
  return `${wellFormed(hastToHtml(page)).replace(/\n::/g, '\n&#58;:')}\n`
}

function runSummary(run: RunResult): string {
  const audited = run.entries.filter(isAudited)
  const failed = run.entries.length - audited.length
  const count = (key: 'errors' | 'warnings' | 'infos') => audited.reduce((sum, entry) => sum + entry.report.summary[key], 0)
  return [
    plural(run.entries.length, 'article'),
    `${plural(count('errors'), 'error')}, ${plural(count('warnings'), 'warning')}, ${plural(count('infos'), 'info')}`,
    ...(failed > 0 ? [`${failed} could not be audited`] : []),
    run.passed ? 'the gate passed' : 'the gate failed'
  ].join(' · ')
}

function tableOfContents(run: RunResult): Element {
  return h('nav.toc', {ariaLabelledBy: 'toc-title'}, [
    h('h2#toc-title', 'Contents'),
    h(
      'ol',
      run.entries.map((entry, index) => {
        const verdict = isAudited(entry) ? (entry.passed ? 'passed' : 'failed') : 'not audited'
        return h('li', [h('a', {href: `#a${index}`}, displayPath(run, entry)), ` — ${verdict}`])
      })
    )
  ])
}

function failedSection(run: RunResult, entry: FailedEntry, index: number): Element {
  return h('section.article-report', {ariaLabelledBy: `a${index}`}, [
    h(`h2#a${index}`, [displayPath(run, entry)]),
    h('p.notice', [`Not audited: ${entry.error.message} `, h('code', entry.error.code)])
  ])
}

function articleSection(run: RunResult, entry: AuditedEntry, index: number, rules: RuleIndex): Element {
  const {report} = entry
  const prefix = `a${index}-`
  const matches = entry.text !== undefined && isAuditedText(entry.text, report)
  const painted = matches && entry.text !== undefined ? paintArticle(entry.text, report, prefix, rules) : undefined
  const anchors = painted?.anchors ?? new Map<number, string>()
  const lines = entry.text === undefined ? [] : stripBom(entry.text).split(/\r\n|\r|\n/)
  const path = displayPath(run, entry)
  const heading = report.source.title === undefined ? [path] : [report.source.title, h('span.path', path)]
  return h('section.article-report', {ariaLabelledBy: `a${index}`}, [
    h(`h2#a${index}`, heading),
    ...(report.notes ?? []).map((note) => h('p.notice', note)),
    h('h3', 'Scorecard'),
    scorecard(entry),
    h('h3', 'Paragraph grades'),
    gradeStrip(report, painted?.paragraphs ?? new Map()),
    h('h3', 'The article'),
    ...(painted === undefined
      ? [h('p.notice', entry.text === undefined ? 'The article’s text was not given to the reporter, so it is not shown.' : 'The text given is not the text that was audited (its SHA-256 differs), so its findings are not drawn into it.')]
      : [highlightLegend(rules), ...pageFindings(report), h('div.article-body', painted.content)]),
    h('h3', 'WCAG success criteria'),
    wcagTable(report, prefix),
    h('h3', `Findings (${report.findings.length})`),
    findingsTable(entry, lines, prefix, anchors)
  ])
}

/** Accessibility findings about the page as a whole (its language, title, landmarks): said once, above the article, not painted on it. */
function pageFindings(report: AuditReport): Element[] {
  const page = report.findings.filter((finding) => finding.scope === 'document' && finding.category === 'accessibility')
  if (page.length === 0) return []
  return [
    h('div.page-findings', [
      h('p', 'About the page as a whole:'),
      h(
        'ul',
        page.map((finding) => h('li', [h(`span.sev.sev-${finding.severity}`, finding.severity), ' ', finding.message, ' ', h('code', finding.ruleId)]))
      )
    ])
  ]
}

function scorecard(entry: AuditedEntry): Element {
  const {readability, passiveVoice, jargon, summary} = entry.report
  const over = readability.gradeLevel > readability.targetGrade
  const scale = Math.max(20, Math.ceil(readability.gradeLevel), readability.targetGrade + 2)
  const percent = (value: number) => `${Math.min(100, Math.max(0, (value / scale) * 100)).toFixed(1)}%`
  const byImpact = new Map<string, number>()
  for (const finding of entry.report.findings) {
    if (finding.source === 'axe-core' && finding.impact !== undefined) byImpact.set(finding.impact, (byImpact.get(finding.impact) ?? 0) + 1)
  }
  const content = entry.report.findings.filter((finding) => finding.category === 'accessibility' && finding.source !== 'axe-core').length
  const jargonKinds = Object.entries(jargon.byKind).filter(([, count]) => count > 0)
  const verdict = entry.passed ? 'Passes the gate' : 'Fails the gate'
  return h('dl.cards', [
    h('div.card.wide', [
      h('dt', 'Gate'),
      h('dd', [h(`span.verdict.${entry.passed ? 'passed' : 'failed'}`, `${entry.passed ? '✔' : '✖'} ${verdict}`), ...(entry.failures.length > 0 ? [h('ul.failures', entry.failures.map((failure) => h('li', failure)))] : [])])
    ]),
    h('div.card', [
      h('dt', 'Reading grade'),
      h('dd', [
        `${formatGrade(readability.gradeLevel)} `,
        h('small', readability.gradeGates ? `limit ${readability.targetGrade}${over ? ', above it' : ', within it'}` : `target ${readability.targetGrade}${over ? ', above it (reported; --max-grade would fail on it)' : ', within it'}`),
        h(`div.gauge${over ? '.over' : ''}`, {role: 'img', ariaLabel: `Grade ${formatGrade(readability.gradeLevel)} on a scale to ${scale}; the target is ${readability.targetGrade}`}, [
          h('div.gauge-fill', {style: `width: ${percent(readability.gradeLevel)}`}),
          h('div.gauge-target', {style: `left: ${percent(readability.targetGrade)}`})
        ])
      ])
    ]),
    h('div.card', [h('dt', 'Reading time'), h('dd', [`${Math.max(1, Math.round(readability.readingTimeMinutes))} min`, h('small', `${plural(readability.words, 'word')}, ${plural(readability.sentences, 'sentence')}`)])]),
    h('div.card', [
      h('dt', 'Passive voice'),
      h('dd', [`${passiveVoice.percent}%`, h('small', `${passiveVoice.passiveSentences} of ${plural(passiveVoice.sentences, 'sentence')}`)])
    ]),
    h('div.card', [
      h('dt', 'Jargon and wording'),
      h('dd', [
        `${jargonKinds.reduce((sum, [, count]) => sum + count, 0)}`,
        h('small', jargonKinds.length === 0 ? 'nothing found' : jargonKinds.map(([kind, count]) => `${kind} ${count}`).join(', ')),
        h('small', `uncommon words ${jargon.uncommonWordPercent}%`)
      ])
    ]),
    h('div.card', [
      h('dt', 'Accessibility violations'),
      h('dd', [
        `${[...byImpact.values()].reduce((sum, count) => sum + count, 0)}`,
        h('small', impacts.map((impact) => `${impact} ${byImpact.get(impact) ?? 0}`).join(' · ')),
        h('small', `content checks ${content}`),
        h('small', `judged by ${engineLabel(entry.report.accessibility)}`)
      ])
    ]),
    h('div.card', [
      h('dt', 'Findings'),
      h('dd', [`${entry.report.findings.length}`, h('small', `${summary.errors} errors · ${summary.warnings} warnings · ${summary.infos} infos${summary.suppressed > 0 ? ` · ${summary.suppressed} suppressed` : ''}`)])
    ])
  ])
}

function gradeStrip(report: AuditReport, anchors: ReadonlyMap<number, string>): ElementContent[] {
  const {paragraphGrades, targetGrade} = report.readability
  if (paragraphGrades.length === 0) return [h('p', 'No prose paragraphs to grade.')]
  return [
    h(
      'ol.strip',
      {ariaLabel: 'Grade of each paragraph, in order'},
      paragraphGrades.map((paragraph, index) => {
        const band = paragraphBand(paragraph.grade, targetGrade)
        const label = [h('span.visually-hidden', `Paragraph ${index + 1}, line ${paragraph.location.start.line}: grade `), h('span.seg-label', formatGrade(paragraph.grade)), h('span.visually-hidden', `, ${bandLabel[band]}`)]
        const anchor = anchors.get(index)
        const segment = anchor === undefined ? h(`span.seg.band-${band}`, label) : h(`a.seg.band-${band}`, {href: `#${anchor}`}, label)
        return h('li', {style: `flex: ${Math.max(1, paragraph.words)} 1 0`}, [segment])
      })
    ),
    h(
      'ul.bands',
      {ariaLabel: 'What the paragraph colours mean'},
      bands.map((band) => h('li', [h(`span.swatch.band-${band}`), `${bandLabel[band]} (target ${targetGrade})`]))
    )
  ]
}

function highlightLegend(rules: RuleIndex): Element {
  return h(
    'ul.legend',
    {ariaLabel: 'What the highlights mean'},
    legendOf(rules).map((entry) => h('li', [h(`span.hl.hl-${entry.kind}`, entry.label), ` ${entry.cue}`]))
  )
}

function wcagTable(report: AuditReport, prefix: string): Element {
  if (report.wcag.length === 0) return h('p', 'No WCAG success criterion was touched.')
  const byFingerprint = new Map(report.findings.map((finding, index) => [finding.fingerprint, index]))
  return h('table.data', [
    h('caption.visually-hidden', 'WCAG success criteria, their level and status, and the findings that bear on them'),
    h('thead', h('tr', [h('th', {scope: 'col'}, 'Criterion'), h('th', {scope: 'col'}, 'Level'), h('th', {scope: 'col'}, 'Status'), h('th', {scope: 'col'}, 'Findings')])),
    h(
      'tbody',
      report.wcag.map((row) =>
        h('tr', [
          h('td', `${row.id} ${row.name}`),
          h('td', row.level),
          h(`td.status-${row.status}`, row.status.replace('-', ' ')),
          h(
            'td',
            row.findings.length === 0
              ? '—'
              : row.findings.flatMap((fingerprint, position) => {
                  const index = byFingerprint.get(fingerprint)
                  const label = index === undefined ? fingerprint.slice(0, 6) : `#${index + 1}`
                  const link = index === undefined ? label : h('a', {href: `#${prefix}row${index}`}, label)
                  return position === 0 ? [link] : [', ', link]
                })
          )
        ])
      )
    )
  ])
}

function findingsTable(entry: AuditedEntry, lines: readonly string[], prefix: string, anchors: ReadonlyMap<number, string>): Element {
  const {report} = entry
  if (report.findings.length === 0) return h('p', 'No findings.')
  const known = new Set(entry.known)
  return h('table.data', [
    h('caption.visually-hidden', 'Every finding, in source order'),
    h('thead', h('tr', ['#', 'Place', 'Severity', 'Rule', 'Message', 'Source line'].map((name) => h('th', {scope: 'col'}, name)))),
    h(
      'tbody',
      report.findings.map((finding, index) => {
        const anchor = anchors.get(index)
        const place = `${finding.location.start.line}:${finding.location.start.column}`
        return h('tr', {id: `${prefix}row${index}`}, [
          h('td', `${index + 1}`),
          h('td', anchor === undefined ? place : h('a', {href: `#${anchor}`}, place)),
          h(`td.sev.sev-${finding.severity}`, `${finding.severity}${known.has(finding.fingerprint) ? ' (baseline)' : ''}`),
          h('td', h('code', finding.ruleId)),
          h('td', [finding.message, ...(finding.suggestions.length > 0 ? [h('br'), `Try: ${finding.suggestions.join(' · ')}`] : [])]),
          h('td', h('span.source-line', sourceLine(lines, finding)))
        ])
      })
    )
  ])
}

function sourceLine(lines: readonly string[], finding: Finding): string {
  const line = lines[finding.location.start.line - 1]
  if (line === undefined) return finding.excerpt
  const trimmed = line.trim()
  if (trimmed.length <= 160) return trimmed
  const start = Math.max(0, finding.location.start.column - 60)
  return `${start > 0 ? '…' : ''}${line.slice(start, start + 160).trim()}…`
}

function articleTitle(run: RunResult, entry: AuditedEntry): string {
  return entry.report.source.title ?? displayPath(run, entry)
}

function displayPath(run: RunResult, entry: RunEntry): string {
  return run.cwd === '' ? entry.path : relativePath(run.cwd, entry.path)
}

/**
 * Whether `text` is what the report was made from: the same SHA-256 of the file's bytes, UTF-8 with or without a
 * byte-order mark, or UTF-16 as it was read. Windows-1252 text cannot be encoded back here, so it is trusted.
 */
function isAuditedText(text: string, report: AuditReport): boolean {
  const body = stripBom(text)
  const digest = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex')
  const {encoding, sha256} = report.source
  if (encoding === 'windows-1252') return true
  if (encoding === 'utf-16le') return digest(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')])) === sha256
  if (encoding === 'utf-16be') return digest(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body, 'utf16le').swap16()])) === sha256
  return [body, `\uFEFF${body}`].some((candidate) => digest(candidate) === sha256)
}
