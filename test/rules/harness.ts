// The rule harness, in the spirit of ESLint's RuleTester and markdownlint's inline markers: a fixture holds prose
// and, on the line under a line of it, carets under the words a rule must report, with the message id:
//
//   The road was closed by the county council.
//            ^^^^^^^^^^ passive-agent
//
// A `|` instead of carets marks a finding of the whole document, on the first line of the body (after any front
// matter, the first line with something on it), the whole line. A line `%% options {…}` gives
// audit options as JSON; `%% encoding utf-16le` (or `windows-1252`) writes the file in that encoding. Marker and
// directive lines are taken out before the article is audited. A `.txt` fixture is audited as text, as Markdown
// (front matter, a blockquote, every Markdown character escaped) and as HTML (paragraphs, character references);
// a `.md`, `.mdx` or `.html` fixture as written. Every finding of the rule must be marked, at its exact place in each form.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {location} from 'vfile-location'
import type {AuditOptions, Finding} from '../../src/index.ts'

/** A finding as the harness compares it. */
export interface Expected {
  readonly start: string
  readonly end: string
  readonly excerpt: string
  readonly messageId: string | undefined
}

/** A fixture read: the article without its markers, the findings they mark, the options and encoding it asks for. */
export interface Fixture {
  readonly text: string
  readonly marks: ReadonlyArray<{readonly start: number; readonly end: number; readonly messageId: string; readonly document: boolean}>
  readonly options: AuditOptions
  readonly encoding: 'utf-8' | 'utf-16le' | 'windows-1252'
}

const marker = /^(\s*)(\^+|\|)\s+([a-z0-9][\w-]*)\s*$/
const directive = /^%%\s+(options|encoding)\s+(.+)$/

export function readFixture(source: string): Fixture {
  const lines = source.split('\n')
  const kept: string[] = []
  const marks: Array<Fixture['marks'][number]> = []
  let options: AuditOptions = {}
  let encoding: Fixture['encoding'] = 'utf-8'
  let offset = 0
  let previous: {start: number; text: string} | undefined
  for (const line of lines) {
    const mark = marker.exec(line)
    const order = directive.exec(line)
    if (mark) {
      const [, indent = '', carets = '', messageId = ''] = mark
      if (carets === '|') {
        marks.push({start: 0, end: 0, messageId, document: true})
        continue
      }
      if (!previous) throw new Error(`A marker with no line above it: ${line}`)
      if (indent.length + carets.length > previous.text.length) throw new Error(`A marker past the end of its line: ${line}`)
      marks.push({start: previous.start + indent.length, end: previous.start + indent.length + carets.length, messageId, document: false})
    } else if (order) {
      if (order[1] === 'options') options = JSON.parse(order[2] ?? '{}') as AuditOptions
      else encoding = order[2]?.trim() as Fixture['encoding']
    } else {
      previous = {start: offset, text: line}
      kept.push(line)
      offset += line.length + 1
    }
  }
  return {text: kept.join('\n'), marks, options, encoding}
}

/** One form of a fixture: its source, its format, and where each character of the fixture's text went in it. */
export interface Form {
  readonly name: 'text' | 'markdown' | 'mdx' | 'html'
  readonly extension: string
  readonly source: string
  /** The source range each fixture character became. */
  readonly ranges: ReadonlyArray<readonly [number, number]>
}

/** Builds a form character by character: `prefix` before each line, `replace` for each character. */
function build(name: Form['name'], extension: string, text: string, head: string, prefix: (line: string) => string, replace: (character: string) => string, tail: string): Form {
  let source = head
  const ranges: Array<readonly [number, number]> = []
  let lineStart = true
  for (const character of text.split('')) {
    if (lineStart) {
      source += prefix(text.slice(ranges.length).split('\n')[0] ?? '')
      lineStart = false
    }
    const start = source.length
    source += replace(character)
    ranges.push([start, source.length])
    if (character === '\n') lineStart = true
  }
  return {name, extension, source: source + tail, ranges}
}

/** The forms a fixture is audited in. */
export function formsOf(fixture: Fixture, extension: string): Form[] {
  const same = (format: Form['name']) => build(format, extension, fixture.text, '', () => '', (character) => character, '')
  if (extension === '.md') return [same('markdown')]
  if (extension === '.mdx') return [same('mdx')]
  if (extension === '.html') return [same('html')]
  const quote = (line: string) => (line.trim() === '' ? '>' : '> ')
  const escapeMarkdown = (character: string) => (/[\\`*_[\]<>#|~]/.test(character) ? `\\${character}` : character)
  const escapeHtml = (character: string) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;'})[character] ?? character
  return [
    same('text'),
    // In a GitHub alert: "> " markers shift every line, and an alert is the author's own prose (a quotation is not).
    build('markdown', '.md', fixture.text, '---\ntitle: A fixture\n---\n\n> [!NOTE]\n', quote, escapeMarkdown, ''),
    wrapParagraphs(build('html', '.html', fixture.text, '<article>\n', () => '', escapeHtml, '\n</article>\n'), fixture.text)
  ]
}

/** Puts each paragraph of the HTML form in a `<p>`, moving the ranges after each tag. */
function wrapParagraphs(form: Form, text: string): Form {
  const inserts: Array<[number, string]> = []
  const blocks = [...text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)]
  for (const block of blocks) {
    const first = block.index
    const last = first + block[0].length - 1
    inserts.push([(form.ranges[first] as readonly [number, number])[0], '<p>'], [(form.ranges[last] as readonly [number, number])[1], '</p>'])
  }
  let source = form.source
  const shift = (at: number) => inserts.filter(([where]) => where <= at).reduce((sum, [, tag]) => sum + tag.length, 0)
  for (const [where, tag] of [...inserts].reverse()) source = source.slice(0, where) + tag + source.slice(where)
  // A paragraph's first character comes after its `<p>`; its last before its `</p>`.
  const ranges = form.ranges.map(([start, end]) => [start + shift(start), end + shift(end - 1)] as const)
  return {...form, source, ranges}
}

/** What the marks expect in one form: exact places, and the excerpt as the form's source has it. */
export function expectedIn(fixture: Fixture, form: Form): Expected[] {
  const place = location(form.source)
  const at = (offset: number) => {
    const point = place.toPoint(offset)
    return `${point?.line}:${point?.column}`
  }
  return fixture.marks.map((mark) => {
    if (mark.document) {
      const [start, end] = documentLine(form.source)
      return {start: at(start), end: at(end), excerpt: form.source.slice(start, end), messageId: mark.messageId}
    }
    const start = (form.ranges[mark.start] as readonly [number, number])[0]
    const end = (form.ranges[mark.end - 1] as readonly [number, number])[1]
    // A long span's excerpt is its first 299 characters and an ellipsis: still exactly the source's text.
    const text = form.source.slice(start, end)
    return {start: at(start), end: at(end), excerpt: text.length > 300 ? `${text.slice(0, 299)}…` : text, messageId: mark.messageId}
  })
}

/** The first line of a source's body with something on it, front matter skipped: where findings of the whole document go. */
function documentLine(source: string): [number, number] {
  const matter = /^(?:---\r?\n[\s\S]*?\n---|\+\+\+\r?\n[\s\S]*?\n\+\+\+|\{\r?\n[\s\S]*?\n\})[ \t]*(?:\r?\n|$)/.exec(source)
  const from = matter ? matter[0].length : 0
  const line = /^[^\S\r\n]*\S.*$/m.exec(source.slice(from))
  if (!line) return [from, from]
  return [from + line.index, from + line.index + line[0].replace(/\r$/, '').length]
}

/** A finding as the harness compares it. */
export function found(finding: Finding): Expected {
  const {start, end} = finding.location
  return {start: `${start.line}:${start.column}`, end: `${end.line}:${end.column}`, excerpt: finding.excerpt, messageId: finding.messageId}
}

const scratch = mkdtempSync(join(tmpdir(), 'faircopy-rules-'))
let written = 0

/** Writes a form to a file of its own, in the fixture's encoding, for `auditFile`. */
export function writeForm(form: Form, encoding: Fixture['encoding']): string {
  const path = join(scratch, `${written++}-fixture${form.extension}`)
  const bytes =
    encoding === 'utf-16le'
      ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(form.source, 'utf16le')])
      : encoding === 'windows-1252'
        ? Buffer.from(form.source, 'latin1')
        : Buffer.from(form.source, 'utf8')
  writeFileSync(path, bytes)
  return path
}
