import {readdirSync, readFileSync} from 'node:fs'
import {extname} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {registry} from '../src/registry.ts'
import type {Rule} from '../src/rules.ts'
import {auditFile} from './helpers.ts'
import {expectedIn, formsOf, found, readFixture, writeForm} from './rules/harness.ts'

const folder = new URL('./rules/fixtures/', import.meta.url)
const fixtures = readdirSync(folder).filter((name) => /\.(?:txt|md|mdx|html)$/.test(name)).sort()
/** `passive-voice.txt`, `passive-voice.agent.md`: the rule is the name up to the first dot. */
const ruleOf = (name: string) => name.slice(0, name.indexOf('.'))

describe.each(fixtures)('%s', (name) => {
  const fixture = readFixture(readFileSync(new URL(name, folder), 'utf8'))
  const rule = registry.get(ruleOf(name))

  it.each(formsOf(fixture, extname(name)).map((form) => [form.name, form] as const))('marks every finding of its rule, at its place, in %s', async (_format, form) => {
    expect(rule, `${ruleOf(name)} is a registered rule`).toBeDefined()
    const id = rule?.meta.id ?? ''
    // A rule that is off by default is turned on; the fixture's own options come on top.
    const on = rule?.meta.defaultSeverity === 'off' ? {[id]: 'warning' as const} : {}
    const options = {...fixture.options, rules: {...on, ...fixture.options.rules}}
    const report = await auditFile(writeForm(form, fixture.encoding), options)
    const findings = report.findings.filter((finding) => finding.ruleId === id)
    expect(findings.map(found)).toEqual(expectedIn(fixture, form))
    for (const finding of findings) {
      expect(finding.message, 'every placeholder filled').not.toMatch(/\{\{|\}\}/)
      expect(Object.keys(rule?.meta.messages ?? {}).length === 0 || Object.hasOwn(rule?.meta.messages ?? {}, finding.messageId ?? ''), `${finding.messageId} is one of the rule's messages`).toBe(true)
    }
  })

  it('marks the words it means in the text itself', () => {
    // The carets stand under the words they mean: the text form's excerpts are those words.
    for (const mark of fixture.marks) expect(mark.document || fixture.text.slice(mark.start, mark.end).trim() !== '').toBe(true)
  })
})

describe('the registry', () => {
  it('has a fixture for every rule, and each rule reports something in one', () => {
    for (const rule of registry.rules) {
      const own = fixtures.filter((name) => ruleOf(name) === rule.meta.id)
      expect(own, `a fixture for ${rule.meta.id} in test/rules/fixtures`).not.toEqual([])
      expect(own.some((name) => readFixture(readFileSync(new URL(name, folder), 'utf8')).marks.length > 0), `${rule.meta.id} reports in a fixture`).toBe(true)
    }
  })

  it('holds every rule module under src/*/rules/', async () => {
    const source = new URL('../src/', import.meta.url)
    const modules = readdirSync(source, {recursive: true, encoding: 'utf8'}).filter((path) => /^[a-z]+\/rules\/[^/]+\.ts$/.test(path))
    expect(modules.length).toBeGreaterThanOrEqual(registry.rules.length)
    for (const path of modules) {
      const module = (await import(pathToFileURL(new URL(path, source).pathname).href)) as Record<string, unknown>
      const rules = Object.values(module).filter((value): value is Rule => typeof value === 'object' && value !== null && 'meta' in value && 'check' in value)
      expect(rules.length, `${path} exports a rule`).toBeGreaterThan(0)
      for (const rule of rules) expect(registry.rules, `${rule.meta.id} (${path}) is registered`).toContain(rule)
    }
  })
})
