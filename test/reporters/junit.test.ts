import {join} from 'node:path'
import {SaxesParser} from 'saxes'
import {beforeAll, describe, expect, it} from 'vitest'
import {attribute, text, toJunit} from '../../src/reporters/junit.ts'
import type {AuditedEntry, FailedEntry, RunResult} from '../../src/reporters/types.ts'
import {cwd, entry, missing} from './entries.ts'
import type {AuditReport} from '../../src/index.ts'
import {audit, auditFile, fixture} from '../helpers.ts'


interface Element {
  readonly name: string
  readonly attributes: Record<string, string>
  readonly children: Element[]
  text: string
}

/** Parses with a conforming XML parser (saxes throws on anything not well-formed) into a small element tree. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser()
  const root: Element = {name: '#document', attributes: {}, children: [], text: ''}
  const stack: Element[] = [root]
  parser.on('error', (error) => {
    throw error
  })
  parser.on('opentag', (tag) => {
    const element: Element = {name: tag.name, attributes: tag.attributes, children: [], text: ''}
    stack.at(-1)?.children.push(element)
    stack.push(element)
  })
  parser.on('closetag', () => {
    stack.pop()
  })
  parser.on('text', (value) => {
    const current = stack.at(-1)
    if (current !== undefined) current.text += value
  })
  parser.write(xml).close()
  const [document] = root.children
  if (document === undefined) throw new Error('no root element')
  return document
}

function counts(element: Element): {tests: string | undefined; failures: string | undefined; errors: string | undefined} {
  const {tests, failures, errors} = element.attributes
  return {tests, failures, errors}
}

let positions: AuditReport
let prose: AuditReport
let clean: AuditReport

beforeAll(async () => {
  positions = await auditFile(fixture('positions.md'))
  prose = await auditFile(fixture('prose.txt'), {rules: {'uncommon-word': 'info'}})
  clean = await audit('The cat sat on the mat. The dog ran to the park.', {format: 'text', path: 'clean.txt'})
})

describe('toJunit', () => {
  it('writes a testsuite per file and a testcase per rule; only non-baselined errors fail', () => {
    const run: RunResult = {cwd, passed: false, entries: [entry(positions), entry(prose), entry(clean), missing]}
    const xml = toJunit(run)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="faircopy" tests="11" failures="3" errors="1">\n')).toBe(true)
    expect(xml.endsWith('</testsuites>\n')).toBe(true)
    const root = parseXml(xml)
    expect(root.name).toBe('testsuites')
    expect(counts(root)).toEqual({tests: '11', failures: '3', errors: '1'})
    expect(root.children.map((suite) => [suite.attributes.name, counts(suite)])).toEqual([
      ['fixtures/positions.md', {tests: '4', failures: '3', errors: '0'}],
      ['fixtures/prose.txt', {tests: '5', failures: '0', errors: '0'}],
      ['clean.txt', {tests: '1', failures: '0', errors: '0'}],
      ['missing.md', {tests: '1', failures: '0', errors: '1'}]
    ])
    const [positionsSuite, proseSuite, cleanSuite, missingSuite] = root.children
    expect(positionsSuite?.children.map((testcase) => [testcase.attributes.classname, testcase.attributes.name, testcase.children.map((child) => child.name)])).toEqual([
      ['fixtures/positions.md', 'image-alt', ['failure']],
      ['fixtures/positions.md', 'link-name', ['failure']],
      ['fixtures/positions.md', 'label', ['failure']],
      ['fixtures/positions.md', 'heading-order', []]
    ])
    expect(proseSuite?.children.map((testcase) => [testcase.attributes.name, testcase.children.length])).toEqual([
      ['reading-level', 0],
      ['passive-voice', 0],
      ['plain-language', 0],
      ['uncommon-word', 0],
      ['very-hard-sentence', 0]
    ])
    expect(cleanSuite?.children.map((testcase) => [testcase.attributes.name, testcase.children.length])).toEqual([['faircopy', 0]])
    const error = missingSuite?.children[0]?.children[0]
    expect([error?.name, error?.attributes]).toEqual(['error', {message: 'missing.md does not exist.', type: 'E_INPUT_MISSING'}])
  })

  it('lists every finding of a failing rule as line:column severity message', () => {
    const xml = toJunit({cwd, passed: false, entries: [entry(positions)]})
    expect(xml).toContain(
      [
        '    <testcase classname="fixtures/positions.md" name="image-alt">',
        '      <failure message="2 findings" type="image-alt">10:1 error Images must have alternative text.',
        '12:37 error Images must have alternative text.</failure>',
        '    </testcase>',
        '    <testcase classname="fixtures/positions.md" name="link-name">',
        '      <failure message="1 finding" type="link-name">14:10 error Links must have discernible text.</failure>',
        '    </testcase>'
      ].join('\n')
    )
    expect(xml).toContain('    <testcase classname="fixtures/positions.md" name="heading-order"/>\n')
  })

  it('passes a rule whose errors are all baselined, and marks baselined findings of a failing rule', () => {
    const imageAlt = positions.findings.filter((finding) => finding.ruleId === 'image-alt').map((finding) => finding.fingerprint)
    const [firstImage] = imageAlt
    if (firstImage === undefined) throw new Error('positions.md has image-alt findings')
    const allKnown = parseXml(toJunit({cwd, passed: false, entries: [entry(positions, {known: imageAlt})]}))
    expect(counts(allKnown)).toEqual({tests: '4', failures: '2', errors: '0'})
    expect(allKnown.children[0]?.children[0]?.children).toEqual([])
    const oneKnown = parseXml(toJunit({cwd, passed: false, entries: [entry(positions, {known: [firstImage]})]}))
    expect(oneKnown.children[0]?.children[0]?.children[0]?.text).toBe(
      '10:1 error Images must have alternative text. (baseline)\n12:37 error Images must have alternative text.'
    )
  })

  it('stays well-formed with hostile text: markup, quotes, control characters and lone surrogates', () => {
    const [first] = positions.findings
    if (first === undefined) throw new Error('positions.md has findings')
    const hostile = `<script>alert("x" & 'y')</script>]]> \u0000\u0007\u000B\u000C\u001B\uFFFE\uFFFF \uD800 \uDC00 ok 😀\ttab\r\nend`
    const report: AuditReport = {...positions, findings: [{...first, ruleId: `rule"<&>'`, message: hostile}]}
    const odd: AuditedEntry = {path: join(cwd, `a&b<"c'>.md`), report, passed: false, failures: [], known: []}
    const failed: FailedEntry = {path: `d<&>.md`, error: {code: 'E_INPUT_BINARY', message: hostile}}
    const xml = toJunit({cwd, passed: false, entries: [odd, failed]})
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/)
    for (const bad of ['<a>\u0007</a>', '<a>\uFFFE</a>', '<a>&</a>', '<a b="<"/>', '<a>]]></a>']) expect(() => parseXml(bad)).toThrow()
    const root = parseXml(xml)
    const cleaned = `<script>alert("x" & 'y')</script>]]>    ok 😀\ttab\r\nend`
    const [suite, failedSuite] = root.children
    expect(suite?.attributes.name).toBe(`a&b<"c'>.md`)
    const testcase = suite?.children[0]
    expect(testcase?.attributes.name).toBe(`rule"<&>'`)
    expect(testcase?.children[0]?.attributes.type).toBe(`rule"<&>'`)
    expect(testcase?.children[0]?.text).toBe(`10:1 error ${cleaned}`)
    expect(failedSuite?.attributes.name).toBe('d<&>.md')
    expect(failedSuite?.children[0]?.children[0]?.attributes.message).toBe(cleaned)
  })

  it('escapes text and attribute values', () => {
    expect(text(`a<b>c&d"e'f\u0001g\rh`)).toBe('a&lt;b&gt;c&amp;d&quot;e&apos;fg&#13;h')
    expect(attribute('a\nb\tc\rd')).toBe('a&#10;b&#9;c&#13;d')
  })
})
