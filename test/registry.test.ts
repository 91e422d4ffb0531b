import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {JSDOM} from 'jsdom'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../src/cli/config.ts'
import {rulesTable} from '../src/docs.ts'
import {FaircopyError} from '../src/index.ts'
import {registry} from '../src/registry.ts'
import {htmlReport} from '../src/reporters/html/index.ts'
import {toSarif} from '../src/reporters/sarif.ts'
import type {RunResult} from '../src/reporters/types.ts'
import type {Rule} from '../src/rules.ts'
import {audit} from './helpers.ts'

/** A rule written for this test, the shape of faircopy's own: a sentence that ends with "!". */
const exclamation: Rule = {
  meta: {
    id: 'exclamation',
    category: 'style',
    defaultSeverity: 'warning',
    wcag: [],
    description: 'A sentence that ends with an exclamation mark raises its voice at the reader.',
    helpUrl: 'https://example.org/rules/exclamation',
    highlight: {style: 'style', label: 'Exclamation'},
    messages: {shout: 'This sentence ends with “!”: say it calmly.'}
  },
  check(context) {
    for (const sentence of context.sentences) if (sentence.tokens.at(-1)?.text === '!') context.report({position: sentence.position, messageId: 'shout'})
  }
}

const text = 'The tide is high! The boats are safe.\n'

describe('a rule registered once', () => {
  const registered = registry.with([exclamation])

  it('runs in the audit', async () => {
    const report = await audit(text, {format: 'text', customRules: [exclamation]})
    expect(report.findings.filter((finding) => finding.ruleId === 'exclamation').map((finding) => [finding.excerpt, finding.messageId, finding.message, finding.severity])).toEqual([
      ['The tide is high!', 'shout', 'This sentence ends with “!”: say it calmly.', 'warning']
    ])
  })

  it('has its row in the README’s table', () => {
    expect(rulesTable(registered.metas).split('\n')).toContain('| `exclamation` | style | warning | – | – | A sentence that ends with an exclamation mark raises its voice at the reader. |')
  })

  it('is known to config validation, which suggests it for a typo', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'faircopy-registry-'))
    const rule = `{meta: {id: 'exclamation', category: 'style', defaultSeverity: 'warning', wcag: [], description: 'Shouting.', helpUrl: '', messages: {shout: 'Shout.'}}, check() {}}`
    writeFileSync(join(folder, 'good.mjs'), `export default {customRules: [${rule}], rules: {exclamation: 'error'}}\n`)
    writeFileSync(join(folder, 'typo.mjs'), `export default {customRules: [${rule}], rules: {exclamaton: 'error'}}\n`)
    expect((await loadConfig(folder, 'good.mjs')).config.rules).toEqual({exclamation: 'error'})
    await expect(loadConfig(folder, 'typo.mjs')).rejects.toThrow('typo.mjs: rules.exclamaton: unknown rule (did you mean "exclamation"?)')
    await expect(audit(text, {customRules: [exclamation], rules: {exclamaton: 'off'}})).rejects.toThrow('unknown rule (did you mean "exclamation"?)')
  })

  it('is described in SARIF’s rules from its meta, and drawn in the HTML report under its own label', async () => {
    const report = await audit(text, {format: 'text', path: 'tide.txt', customRules: [exclamation]})
    const run: RunResult = {cwd: '/', passed: false, entries: [{path: 'tide.txt', report, passed: false, failures: [], known: [], text}], rules: registered.metas}
    const sarif = JSON.parse(toSarif(run)) as {runs: Array<{tool: {driver: {rules: Array<{id: string; shortDescription: {text: string}; helpUri?: string}>}}}>}
    expect(sarif.runs[0]?.tool.driver.rules.find((rule) => rule.id === 'exclamation')).toMatchObject({
      shortDescription: {text: exclamation.meta.description},
      helpUri: exclamation.meta.helpUrl
    })
    const {document} = new JSDOM(htmlReport(run)).window
    const legend = [...document.querySelectorAll('.legend li')].map((item) => item.textContent)
    expect(legend).toContain('Exclamation wavy underline')
    const mark = document.querySelector('mark[data-rule="exclamation"]')
    expect(mark?.querySelector('.tip-kind')?.textContent).toBe('Exclamation')
  })
})

describe('rules given to the library', () => {
  it.each([
    [{rules: {'passiv-voice': 'off'}}, /^Invalid options at rules\.passiv-voice: unknown rule \(did you mean "passive-voice"\?\)\.$/],
    [{rules: {'uncommon-word': ['info', {commonWords: 'many'}]}}, /^Invalid options at rules\.uncommon-word\[1\]\.commonWords: expected number, received string\.$/],
    [{rules: {'image-alt': ['error', {x: 1}]}}, /^Invalid options at rules\.image-alt: this rule takes no options\.$/],
    [{customRules: [{...exclamation, meta: {...exclamation.meta, id: 'passive-voice'}}]}, /^Invalid options at customRules\[0\]\.meta\.id: another rule already has the id "passive-voice"\.$/]
  ])('are checked against the registry: %j', async (options, message) => {
    const error = await audit(text, options as never).then(
      () => undefined,
      (reason: unknown) => reason
    )
    expect(error).toBeInstanceOf(FaircopyError)
    expect((error as FaircopyError).code).toBe('E_OPTIONS_INVALID')
    expect((error as FaircopyError).message).toMatch(message)
  })

  it('give a rule its options, with the defaults for the rest', async () => {
    const allowed = await audit('The RNLI launched a boat.', {format: 'text', rules: {'undefined-acronym': ['warning', {allow: ['RNLI']}]}})
    expect(allowed.findings.filter((finding) => finding.ruleId === 'undefined-acronym')).toEqual([])
    // "ferry" is the 6,590th most frequent word of SUBTLEX-US: common among 20,000 words, not among 5,000.
    const uncommon = async (options: object) =>
      (await audit('The ferry went home.', {format: 'text', ...options})).findings.filter((finding) => finding.ruleId === 'uncommon-word').map((finding) => finding.excerpt)
    expect(await uncommon({})).toEqual([])
    expect(await uncommon({rules: {'uncommon-word': ['info', {commonWords: 5000}]}})).toEqual(['ferry'])
  })
})
