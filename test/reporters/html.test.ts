import {readFileSync} from 'node:fs'
import {JSDOM} from 'jsdom'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {runAxe} from '../../src/accessibility/axe.ts'
import {toHtml, type AuditReport} from '../../src/index.ts'
import {script} from '../../src/reporters/html/assets.ts'
import {htmlReport} from '../../src/reporters/html/index.ts'
import {DEFAULT_AXE_TAGS} from '../../src/settings.ts'
import {audit, auditFile, fixture} from '../helpers.ts'
import {cwd, entry, missing} from './entries.ts'

interface Rendered {
  readonly report: AuditReport
  readonly html: string
  readonly document: Document
}

async function renderFile(name: string): Promise<Rendered> {
  const report = await auditFile(fixture(name))
  return rendered(report, toHtml(report, readFileSync(fixture(name), 'utf8')))
}

async function renderText(text: string, format: 'text' | 'markdown' | 'html'): Promise<Rendered> {
  const report = await audit(text, {format, path: `article.${format === 'markdown' ? 'md' : format === 'html' ? 'html' : 'txt'}`})
  return rendered(report, toHtml(report, text))
}

function rendered(report: AuditReport, html: string): Rendered {
  return {report, html, document: new JSDOM(html).window.document}
}

/** The words a highlight covers: all its pieces, in order, without the tips inside them. */
function wordsOf(document: Document, index: number): string {
  return [...document.querySelectorAll(`mark[data-finding="${index}"]`)]
    .filter((mark) => mark.parentElement?.closest(`mark[data-finding="${index}"]`) === null)
    .map((mark) => {
      const copy = mark.cloneNode(true) as Element
      for (const tip of copy.querySelectorAll('.tip')) tip.remove()
      return copy.textContent ?? ''
    })
    .join('')
}

/** Rule id → the words of each of its highlights, in source order. */
function highlights({report, document}: Rendered): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  report.findings.forEach((finding, index) => {
    if (document.querySelector(`mark[data-finding="${index}"]`) === null) return
    const list = out[finding.ruleId] ?? []
    list.push(wordsOf(document, index).replace(/\s+/g, ' '))
    out[finding.ruleId] = list
  })
  return out
}

async function axeViolations(html: string): Promise<string[]> {
  const tree = unified().use(rehypeParse).parse(html)
  const outcome = await runAxe(tree, {tags: DEFAULT_AXE_TAGS, disabledRules: []})
  return outcome.violations.flatMap((rule) => rule.nodes.map((node) => `${rule.id}: ${node.selector}`))
}

const lastSentence = 'Notwithstanding considerable organizational difficulties, the municipal administration subsequently authorized comprehensive infrastructural rehabilitation initiatives throughout the metropolitan jurisdiction and its surrounding rural districts.'

describe('the HTML report draws findings into the article', () => {
  it('over the very words, the same for text, Markdown and HTML', async () => {
    const [text, markdown, html] = await Promise.all([renderFile('prose.txt'), renderFile('prose.md'), renderFile('prose.html')])
    const fromText = highlights(text)
    expect(fromText['passive-voice']).toEqual(['was broken', 'were forgotten'])
    expect(fromText['plain-language']).toEqual(expect.arrayContaining(['utilize', 'Prior to', 'subsequently']))
    expect(fromText['very-hard-sentence']).toEqual([lastSentence])
    // In Markdown and HTML the first two lines are a block quote, whose "utilize" plain-language leaves alone.
    const quoted = {...fromText, 'plain-language': fromText['plain-language']?.filter((words) => words !== 'utilize')}
    expect(highlights(markdown)).toEqual(quoted)
    expect(highlights(html)).toEqual(quoted)
    // Every finding with words is drawn, and nothing else.
    for (const page of [text, markdown, html]) {
      const drawn = new Set([...page.document.querySelectorAll('mark[data-finding]')].map((mark) => Number(mark.getAttribute('data-finding'))))
      const expected = page.report.findings.flatMap((finding, index) => (finding.category !== 'accessibility' && finding.ruleId !== 'reading-level' ? [index] : []))
      expect([...drawn].sort((a, b) => a - b)).toEqual(expected)
    }
  })

  it('through inline markup, character references, escapes, CRLF and a byte-order mark', async () => {
    const markdown = await renderText('# Notes\r\n\r\nThe report was **written** by the panel &amp; the \\*staff\\* at dawn.\r\n', 'markdown')
    const passive = markdown.report.findings.findIndex((finding) => finding.ruleId === 'passive-voice')
    expect(wordsOf(markdown.document, passive)).toBe('was written')
    const pieces = markdown.document.querySelectorAll(`mark[data-finding="${passive}"]`)
    expect(pieces).toHaveLength(2)
    expect(pieces[1]?.parentElement?.tagName).toBe('STRONG')
    expect(articleText(markdown.document)).toContain('by the panel & the *staff* at dawn.')

    const bom = await renderFile('crlf-bom.txt')
    const source = readFileSync(fixture('crlf-bom.txt'), 'utf8').replace(/^\uFEFF/, '')
    bom.report.findings.forEach((finding, index) => {
      if (bom.document.querySelector(`mark[data-finding="${index}"]`) === null) return
      const words = source.slice(finding.location.start.offset, finding.location.end.offset)
      expect(wordsOf(bom.document, index).replace(/\s+/g, ' ')).toBe(words.replace(/\s+/g, ' '))
    })
    expect(bom.document.querySelectorAll('mark[data-finding]').length).toBeGreaterThan(0)
  })

  it('so that each explains itself on focus: data attributes, a tab stop and a tip with suggestion, rule and line', async () => {
    const {report, document} = await renderFile('prose.md')
    const index = report.findings.findIndex((finding) => finding.ruleId === 'plain-language' && finding.excerpt === 'Prior to')
    const finding = report.findings[index]
    if (finding === undefined) throw new Error('prose.md has “Prior to”')
    const first = document.querySelector(`mark[data-finding="${index}"]`)
    expect(first?.getAttribute('data-category')).toBe('jargon')
    expect(first?.getAttribute('data-rule')).toBe('plain-language')
    expect(first?.getAttribute('tabindex')).toBe('0')
    const tip = document.getElementById(first?.getAttribute('aria-describedby') ?? '')
    expect(tip?.getAttribute('role')).toBe('tooltip')
    expect(tip?.textContent).toContain(finding.message)
    expect(tip?.textContent).toContain('Try: before')
    expect(tip?.textContent).toContain(`plain-language · info · line ${finding.location.start.line}, column ${finding.location.start.column}`)
    // The findings list links to the highlight, and the highlight's id is the one the list names.
    expect(document.querySelector(`a[href="#${first?.id}"]`)?.textContent).toBe(`${finding.location.start.line}:${finding.location.start.column}`)
  })

  it('gives a highlight split by markup one tab stop and one tip', async () => {
    const {document} = await renderText('The report was **written** by the panel at dawn.', 'markdown')
    const pieces = [...document.querySelectorAll('mark[data-rule="passive-voice"]')]
    expect(pieces.map((piece) => piece.getAttribute('tabindex'))).toEqual(['0', null])
    expect(pieces.map((piece) => piece.querySelectorAll('[role="tooltip"]').length)).toEqual([1, 0])
    expect(new Set(pieces.map((piece) => piece.getAttribute('data-tip'))).size).toBe(1)
  })

  it('outlines the elements accessibility checks flag, with the violation beside each', async () => {
    const {report, document} = await renderFile('positions.md')
    const notes = [...document.querySelectorAll('.a11y-note')].map((note) => [note.getAttribute('data-rule'), note.closest('.flagged')?.textContent?.split('⚠')[0]?.trim()])
    expect(notes).toEqual([
      ['image-alt', '[image without alt text]'],
      ['image-alt', '[image without alt text]'],
      ['link-name', '[link without text]'],
      ['label', '[text field]'],
      ['heading-order', 'H3 Schedule']
    ])
    expect(notes).toHaveLength(report.findings.filter((finding) => finding.category === 'accessibility').length)
    // The empty link is its own element, not the paragraph around it.
    expect(document.querySelector('.flagged[data-rule], .link.flagged')?.tagName).toBe('SPAN')
  })
})

describe('the HTML report around the article', () => {
  it('has a scorecard, a grade per paragraph, the WCAG table and every finding, all linked within the page', async () => {
    const {report, document} = await renderFile('prose.md')
    expect(document.querySelector('.verdict')?.textContent).toBe(report.summary.passed ? '✔ Passes the gate' : '✖ Fails the gate')
    expect(document.querySelector('.card dd')?.textContent).toContain(report.summary.passed ? 'Passes' : 'Fails')
    const segments = document.querySelectorAll('.strip li')
    expect(segments).toHaveLength(report.readability.paragraphGrades.length)
    expect(document.querySelectorAll('.pgrade')).toHaveLength(report.readability.paragraphGrades.length)
    expect(document.querySelectorAll('table.data')[0]?.querySelectorAll('tbody tr')).toHaveLength(report.wcag.length)
    expect(document.querySelectorAll('table.data')[1]?.querySelectorAll('tbody tr')).toHaveLength(report.findings.length)
    expectLinksResolve(document)
  })

  it('is one page with a table of contents for several files, ids unique', () => {
    return Promise.all([auditFile(fixture('positions.md')), auditFile(fixture('prose.md'))]).then(([positions, prose]) => {
      const html = htmlReport({
        cwd,
        passed: false,
        entries: [
          {...entry(positions), text: readFileSync(fixture('positions.md'), 'utf8')},
          {...entry(prose), text: readFileSync(fixture('prose.md'), 'utf8')},
          missing
        ]
      })
      const {document} = new JSDOM(html).window
      expect([...document.querySelectorAll('nav.toc a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
        ['fixtures/positions.md', '#a0'],
        ['fixtures/prose.md', '#a1'],
        ['missing.md', '#a2']
      ])
      expect(document.querySelectorAll('main > section')).toHaveLength(3)
      expect(document.querySelector('#a2')?.closest('section')?.textContent).toContain('missing.md does not exist.')
      expectLinksResolve(document)
    })
  })

  it('says so, and draws nothing, when the text is missing or not the one audited', async () => {
    const report = await audit('The tide was turned by the moon at dawn.', {format: 'text'})
    const notices = (html: string) => [...new JSDOM(html).window.document.querySelectorAll('.notice')].map((notice) => notice.textContent)
    expect(notices(toHtml(report))).toEqual(['The article’s text was not given to the reporter, so it is not shown.'])
    expect(notices(toHtml(report, 'Another text entirely.'))).toEqual([expect.stringContaining('is not the text that was audited')])
    expect(notices(toHtml(report, 'The tide was turned by the moon at dawn.'))).toEqual([])
  })
})

describe('the HTML report is accessible', () => {
  it('with no axe-core violation in jsdom, for clean, flawed and hostile articles and a multi-file page', async () => {
    const pages = await Promise.all(
      ['prose.txt', 'prose.md', 'prose.html', 'positions.md', 'positions.html', 'fragment.html', 'hostile/hostile.md', 'hostile/hostile.html', 'hostile/hostile.txt'].map(renderFile)
    )
    for (const page of pages) expect(await axeViolations(page.html), page.report.source.path).toEqual([])
    const many = htmlReport({cwd, passed: false, entries: [...pages.slice(0, 4).map((page) => ({...entry(page.report), text: readFileSync(page.report.source.path ?? '', 'utf8')})), missing]})
    expect(await axeViolations(many)).toEqual([])
  })
})

describe('the HTML report runs nothing from the article', () => {
  const allowedTags = new Set([
    'html', 'head', 'meta', 'title', 'style', 'script', 'body', 'a', 'header', 'h1', 'h2', 'h3', 'p', 'nav', 'ol', 'ul', 'li', 'main', 'section', 'dl', 'div', 'dt', 'dd',
    'small', 'span', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'br', 'footer', 'mark', 'blockquote', 'pre', 'em', 'strong', 'b', 'i', 'u', 's',
    'del', 'ins', 'sub', 'sup', 'hr', 'q', 'cite', 'abbr', 'kbd', 'samp', 'var', 'figure', 'figcaption', 'dfn', 'bdi', 'bdo', 'ruby', 'rt', 'rp', 'wbr', 'time', 'data'
  ])

  for (const name of ['hostile/hostile.html', 'hostile/hostile.md', 'hostile/hostile.txt']) {
    it(`escapes or drops every script, handler, URL and frame of ${name}`, async () => {
      const {html, document} = await renderFile(name)
      const elements = [...document.querySelectorAll('*')]
      expect(elements.map((element) => element.localName).filter((tag) => !allowedTags.has(tag))).toEqual([])
      expect(elements.flatMap((element) => element.getAttributeNames().filter((attribute) => attribute.startsWith('on')))).toEqual([])
      expect(elements.flatMap((element) => [...element.attributes].map((attribute) => attribute.value)).filter((value) => /javascript:|127\.0\.0\.1/i.test(value))).toEqual([])
      expect([...document.querySelectorAll('script')].map((element) => element.textContent)).toEqual([script])
      expect([...document.querySelectorAll('meta')].map((meta) => meta.getAttribute('http-equiv')).filter(Boolean)).toEqual(['Content-Security-Policy'])
      expect(document.querySelectorAll('style')).toHaveLength(1)
      expect(html).not.toMatch(/<(iframe|img|object|embed|video|svg|link|base|form|button|input)\b/i)
      // Text stays text: what looked like markup in a plain-text article is shown, not parsed.
      if (name.endsWith('.txt')) expect(articleText(document)).toContain("<script>window.__pwned = 'text script'</script> last spring.")
    })
  }
})

/** The article as a reader sees it: without the tips and the paragraph grade badges. */
function articleText(document: Document): string {
  const copy = document.querySelector('.article-body')?.cloneNode(true) as Element | undefined
  for (const extra of copy?.querySelectorAll('.tip, .pgrade') ?? []) extra.remove()
  return copy?.textContent ?? ''
}

/** Every in-page link points at an element that exists, and no id is used twice. */
function expectLinksResolve(document: Document): void {
  const ids = [...document.querySelectorAll('[id]')].map((element) => element.id)
  expect(ids.length).toBe(new Set(ids).size)
  const targets = [...document.querySelectorAll('a[href^="#"]')].map((link) => link.getAttribute('href')?.slice(1) ?? '')
  expect(targets.filter((target) => document.getElementById(target) === null)).toEqual([])
  const described = [...document.querySelectorAll('[aria-describedby]')].map((element) => element.getAttribute('aria-describedby') ?? '')
  expect(described.filter((target) => document.getElementById(target) === null)).toEqual([])
}

describe('the HTML report of a file that was not UTF-8', () => {
  it('draws the article from the decoded text of a UTF-16 file', async () => {
    const {mkdtempSync, writeFileSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {join} = await import('node:path')
    const {auditFileWith} = await import('../../src/audit.ts')
    const {normalizeOptions} = await import('../../src/settings.ts')
    const path = join(mkdtempSync(join(tmpdir(), 'faircopy-utf16-')), 'tides.md')
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Tides\n\nThe pier was painted by the crew.\n', 'utf16le')]))
    const {report, text} = await auditFileWith(path, normalizeOptions({path}))
    const {document} = rendered(report, toHtml(report, text))
    expect(document.querySelector('.notice')).toBeNull()
    expect(wordsOf(document, report.findings.findIndex((finding) => finding.ruleId === 'passive-voice'))).toBe('was painted')
  })
})

describe('findings about the page as a whole', () => {
  it('are said once above the article and outline no element of it', async () => {
    const page = '<!doctype html>\n<html>\n<head><title>Harbour</title></head>\n<body>\n<h2>Moorings</h2>\n<p>Boats tie up at the east wall.</p>\n<p>Fees go to the office.</p>\n</body>\n</html>\n'
    const {document} = await renderText(page, 'html')
    const listed = [...document.querySelectorAll('.page-findings li code')].map((code) => code.textContent)
    expect(listed).toEqual(['html-has-lang', 'landmark-one-main', 'page-has-heading-one', 'region'])
    expect([...document.querySelectorAll('.article-body [data-rule]')].map((element) => element.getAttribute('data-rule'))).toEqual([])
    expect(document.querySelectorAll('.article-body .a11y-note').length).toBe(0)
    // They are still in the findings table.
    expect([...document.querySelectorAll('table.data td code, table.data td')].some((cell) => cell.textContent === 'region')).toBe(true)
  })
})
