import fc from 'fast-check'
import {location} from 'vfile-location'
import {describe, expect, it} from 'vitest'
import {audit, FaircopyError, type AuditReport, type Format} from '../src/index.ts'
import {expectValidReport} from './helpers.ts'

// Generated articles in every format, with the characters that break naive offset arithmetic: emoji (two UTF-16
// units), right-to-left scripts, combining marks, CRLF, a byte-order mark, entities, escapes and raw HTML.
// Fixed seed and a bounded number of runs: the same cases on every machine, in a few seconds.
const SEED = 20261126
const RUNS = 60

const word = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom('the', 'pier', 'was', 'painted', 'by', 'crews', 'harbour', 'prior', 'to', 'utilize', 'NATO', 'ISIS', 'synergy', 'tide', 'turns', 'boats')},
  {weight: 2, arbitrary: fc.constantFrom('café', 'naïve', 'Zoë', 'e\u0301t\u0301e\u0301', 'straße', 'Ångström')},
  {weight: 1, arbitrary: fc.constantFrom('🌊', '👩‍👩‍👧', '🇳🇴', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢')},
  {weight: 1, arbitrary: fc.constantFrom('שלום', 'مرحبا', '\u202Eabc\u202C', 'עולם')},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', minLength: 1, maxLength: 6})}
)
const sentence = fc
  .tuple(fc.array(word, {minLength: 1, maxLength: 14}), fc.constantFrom('.', '!', '?', '', '…', '.”'))
  .map(([words, end]) => `${words.join(' ')}${end}`)
const newline = fc.constantFrom('\n', '\r\n')

const markdownBlock = fc.oneof(
  sentence,
  sentence.map((text) => `# ${text}`),
  sentence.map((text) => `- ${text}\n- *${text}*`),
  sentence.map((text) => `> ${text}`),
  sentence.map((text) => `**${text}** and \`code ${text}\``),
  sentence.map((text) => `[${text}](https://example.org/a) ![${text}](pic.png)`),
  sentence.map((text) => `<p>${text} &amp; more</p>`),
  sentence.map((text) => `\\*${text}\\* &#x1F30A; &copy;`),
  fc.constant('```\ncode was written\n```'),
  fc.constant('---'),
  fc.constant('<img src="x.png">'),
  // Hard and soft breaks, tables, footnotes, reference definitions, HTML around Markdown.
  fc.tuple(sentence, sentence).map(([a, b]) => `${a}\\\n${b}`),
  fc.tuple(sentence, sentence).map(([a, b]) => `${a}  \n${b}`),
  fc.tuple(sentence, sentence).map(([a, b]) => `- ${a}\n  ${b}`),
  fc.tuple(sentence, sentence).map(([a, b]) => `> ${a}\n> ${b}`),
  sentence.map((text) => `| Pier | State |\n| --- | --- |\n| ${text.replace(/\|/g, '')} | open |`),
  fc.tuple(sentence, sentence).map(([a, b]) => `${a}[^1]\n\n[^1]: ${b}`),
  sentence.map((text) => `[the guide][g] and ${text}\n\n[g]: https://example.org/g "Guide"`),
  sentence.map((text) => `<div>\n\n${text}\n\n</div>`),
  // Content repositories' dialects: shortcodes, Liquid, directives, alerts.
  sentence.map((text) => `{{< note >}}\n${text}\n{{< /note >}} {{< ref "x.md" >}}`),
  sentence.map((text) => `{% if site.x %}${text}{% endif %} [it]({{ site.baseurl }}/a)`),
  sentence.map((text) => `:::note[Label]\n${text}\n:::`),
  sentence.map((text) => `> [!WARNING]\n> ${text}`)
)
const frontMatter = fc.constantFrom('', '---\ntitle: The pier was closed\n---\n\n', '+++\ntitle = "The pier"\n+++\n\n', '{\n  "title": "The pier"\n}\n\n', '---\ntitle: [broken\n---\n\n')
const mdxBlock = fc.oneof(
  sentence.map((text) => text.replace(/[{}<>]/g, '')),
  sentence.map((text) => `<Note kind="info">\n  ${text.replace(/[{}<>]/g, '')}\n</Note>`),
  sentence.map((text) => `<div className="x">${text.replace(/[{}<>]/g, '')}</div>`),
  fc.constant("import {Note} from './note.js'"),
  fc.constant('There are {boats.length} boats.'),
  fc.constant('<Tabs')
)
const htmlBlock = fc.oneof(
  sentence.map((text) => `<p>${text}</p>`),
  sentence.map((text) => `<h2>${text}</h2>`),
  sentence.map((text) => `<p>${text} <em>${text}</em> &amp; &lt;b&gt; &#233;</p>`),
  sentence.map((text) => `<ul><li>${text}</li><li>${text}</li></ul>`),
  sentence.map((text) => `<a href="#x">${text}</a><img src="a.png" alt="${text.replace(/"/g, '')}">`),
  sentence.map((text) => `<div dir="rtl">${text}</div>`),
  fc.constant('<p <b onclick=x>broken'),
  fc.constant('<table><tr><td>cell was filled</td></tr></table>')
)

function article(format: Format): fc.Arbitrary<string> {
  const block = format === 'markdown' ? markdownBlock : format === 'mdx' ? mdxBlock : format === 'html' ? htmlBlock : sentence
  return fc
    .tuple(fc.array(block, {minLength: 1, maxLength: 8}), newline, fc.boolean(), fc.boolean(), frontMatter)
    .map(([blocks, eol, bom, document, matter]) => {
      const lines = (text: string) => text.replace(/\n/g, eol === '\r\n' ? '\r\n' : '\n').replace(/\r\r\n/g, '\r\n')
      const body = lines(blocks.join(`${eol}${eol}`))
      const head = format === 'text' || (format === 'html' && document) ? '' : lines(format === 'mdx' && matter.startsWith('{') ? '' : matter)
      const text = format === 'html' && document ? `<!doctype html>${eol}<html lang="en"><head><title>T</title></head><body>${body}</body></html>` : body
      return `${bom ? '\uFEFF' : ''}${head}${text}${eol}`
    })
}

/** Checks everything a report promises about positions; returns the report's JSON without timings (it has none). */
function checkPositions(text: string, report: AuditReport): void {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const place = location(source)
  for (const finding of [...report.findings, ...report.suppressed]) {
    const {start, end} = finding.location
    expect(start.offset).toBeGreaterThanOrEqual(0)
    expect(end.offset).toBeGreaterThanOrEqual(start.offset)
    expect(end.offset).toBeLessThanOrEqual(source.length)
    // Line and column agree with the offset, counted in the file itself.
    expect(place.toPoint(start.offset)).toMatchObject({line: start.line, column: start.column})
    expect(place.toPoint(end.offset)).toMatchObject({line: end.line, column: end.column})
    // The excerpt is exactly the source text the location covers (long ones are cut with an ellipsis).
    const covered = source.slice(start.offset, end.offset)
    if (finding.excerpt.endsWith('…') && finding.excerpt.length < covered.length) expect(covered.startsWith(finding.excerpt.slice(0, -1))).toBe(true)
    else expect(finding.excerpt).toBe(covered)
    // Only a finding of the whole document may cover nothing: every other one has words or an element to show.
    if (!(start.offset === 0 && end.offset === 0)) expect(covered, `${finding.ruleId} at ${start.line}:${start.column}`).not.toBe('')
  }
}

describe.each(['text', 'markdown', 'mdx', 'html'] as const)('generated %s articles', (format) => {
  it('resolve with a valid report whose every location lies in the file and slices its excerpt, the same twice', async () => {
    await fc.assert(
      fc.asyncProperty(article(format), async (text) => {
        let report: AuditReport
        try {
          report = await audit(text, {format, path: `generated.${format === 'markdown' ? 'md' : format === 'mdx' ? 'mdx' : format === 'html' ? 'html' : 'txt'}`})
        } catch (error) {
          // The only way to fail is faircopy's own, documented error.
          expect(error).toBeInstanceOf(FaircopyError)
          expect((error as FaircopyError).code).toMatch(/^E_INPUT_/)
          return
        }
        expectValidReport(report)
        checkPositions(text, report)
        const again = await audit(text, {format, path: report.source.path})
        expect(JSON.stringify(again)).toBe(JSON.stringify(report))
      }),
      {seed: SEED, numRuns: RUNS}
    )
  })
})

describe('generated raw strings', () => {
  it('of any Unicode, in any format, resolve or reject with FaircopyError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({unit: 'binary', maxLength: 200}), fc.constantFrom<Format>('text', 'markdown', 'mdx', 'html'), async (text, format) => {
        try {
          const report = await audit(text, {format})
          expectValidReport(report)
          checkPositions(text, report)
        } catch (error) {
          expect(error).toBeInstanceOf(FaircopyError)
        }
      }),
      {seed: SEED, numRuns: RUNS}
    )
  })
})
