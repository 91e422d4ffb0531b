import {readFileSync} from 'node:fs'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {beforeAll, describe, expect, it} from 'vitest'
import {registry} from '../../src/registry.ts'
import {artifactUri, maxSarifResults, pascalCase, toSarif} from '../../src/reporters/sarif.ts'
import type {RunResult} from '../../src/reporters/types.ts'
import {cwd, entry, missing} from './entries.ts'
import type {AuditReport} from '../../src/index.ts'
import {auditFile, fixture} from '../helpers.ts'

// The official OASIS schema, vendored: see test/fixtures/sarif/SOURCE.md.
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object
const ajv = new ajvDraft04.default({allErrors: true, unicodeRegExp: false, strict: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)


interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
  snippet: {text: string}
}

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: {text: string}
  locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId: string; index: number}; region: Region}}>
  partialFingerprints: Record<string, string>
  baselineState: string
}

interface SarifRule {
  id: string
  name: string
  shortDescription: {text: string}
  fullDescription: {text: string}
  help: {text: string}
  helpUri?: string
  defaultConfiguration: {level: string}
  properties: {tags: string[]}
}

interface SarifNotification {
  level: string
  message: {text: string}
  descriptor?: {id: string}
  locations?: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId: string}}}>
}

interface SarifLog {
  $schema: string
  version: string
  runs: Array<{
    tool: {driver: {name: string; version: string; informationUri: string; rules: SarifRule[]}}
    invocations: Array<{executionSuccessful: boolean; toolExecutionNotifications?: SarifNotification[]}>
    artifacts: Array<{location: {uri: string; uriBaseId: string}; roles: string[]; mimeType: string}>
    columnKind: string
    results: SarifResult[]
  }>
}

/** The log, after checking that it is 2-space JSON with a final newline and valid against the OASIS schema. */
function sarifOf(run: RunResult): SarifLog['runs'][number] {
  const output = toSarif(run)
  const log = JSON.parse(output) as SarifLog
  expect(output).toBe(`${JSON.stringify(log, null, 2)}\n`)
  const valid = validateSarif(log)
  expect(validateSarif.errors ?? [], 'SARIF matches the OASIS 2.1.0 schema').toEqual([])
  expect(valid).toBe(true)
  expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
  expect(log.version).toBe('2.1.0')
  expect(log.runs).toHaveLength(1)
  const [sarifRun] = log.runs
  if (sarifRun === undefined) throw new Error('no run')
  return sarifRun
}

let positions: AuditReport
let prose: AuditReport
let fragment: AuditReport

beforeAll(async () => {
  positions = await auditFile(fixture('positions.md'))
  prose = await auditFile(fixture('prose.txt'))
  fragment = await auditFile(fixture('fragment.html'))
})

describe('toSarif', () => {
  it('is valid SARIF 2.1.0 for a real run, with the tool, artifacts and a result per finding', () => {
    const run = sarifOf({cwd, passed: false, entries: [entry(positions), entry(prose), entry(fragment), missing]})
    expect(run.tool.driver).toMatchObject({name: 'faircopy', version: positions.tool.version, informationUri: 'https://www.npmjs.com/package/faircopy'})
    // Which engine judged accessibility, once per engine and axe-core version of the run.
    expect((run.tool.driver as {properties?: unknown}).properties).toEqual({accessibility: [{engine: 'jsdom', axeVersion: positions.accessibility.axeVersion}]})
    expect(run.artifacts).toEqual([
      {location: {uri: 'fixtures/positions.md', uriBaseId: '%SRCROOT%'}, roles: ['analysisTarget'], mimeType: 'text/markdown'},
      {location: {uri: 'fixtures/prose.txt', uriBaseId: '%SRCROOT%'}, roles: ['analysisTarget'], mimeType: 'text/plain'},
      {location: {uri: 'fixtures/fragment.html', uriBaseId: '%SRCROOT%'}, roles: ['analysisTarget'], mimeType: 'text/html'}
    ])
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(run.results).toHaveLength(positions.findings.length + prose.findings.length + fragment.findings.length)
    const [first] = positions.findings
    expect(run.results[0]).toEqual({
      ruleId: 'image-alt',
      ruleIndex: 0,
      level: 'error',
      message: {text: 'Images must have alternative text.'},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'fixtures/positions.md', uriBaseId: '%SRCROOT%', index: 0},
            region: {startLine: 10, startColumn: 1, endLine: 10, endColumn: 25, snippet: {text: '<img src="pier-map.png">'}}
          }
        }
      ],
      partialFingerprints: {'faircopy/v1': first?.fingerprint},
      baselineState: 'new'
    })
  })

  it('maps severities to levels and points every result at its rule', () => {
    const run = sarifOf({cwd, passed: true, entries: [entry(prose)]})
    expect(run.results.map((result) => [result.ruleId, result.level])).toEqual(prose.findings.map((finding) => [finding.ruleId, {error: 'error', warning: 'warning', info: 'note'}[finding.severity]]))
    expect(run.results.map((result) => result.level)).toContain('note')
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
  })

  it('describes each rule once: faircopy rules from the registry, axe-core rules from their finding', () => {
    const run = sarifOf({cwd, passed: false, entries: [entry(positions), entry(prose), entry(fragment)]})
    const ids = run.tool.driver.rules.map((rule) => rule.id)
    expect(ids).toEqual([...new Set([...positions.findings, ...prose.findings, ...fragment.findings].map((finding) => finding.ruleId))])
    const passive = registry.metas.find((rule) => rule.id === 'passive-voice')
    expect(run.tool.driver.rules.find((rule) => rule.id === 'passive-voice')).toEqual({
      id: 'passive-voice',
      name: 'PassiveVoice',
      shortDescription: {text: passive?.description},
      fullDescription: {text: passive?.description},
      help: {text: `${passive?.description} See ${passive?.helpUrl}`},
      helpUri: passive?.helpUrl,
      defaultConfiguration: {level: 'note'},
      properties: {tags: ['passive-voice']}
    })
    const readingLevel = registry.metas.find((rule) => rule.id === 'reading-level')
    expect(run.tool.driver.rules.find((rule) => rule.id === 'reading-level')).toMatchObject({
      name: 'ReadingLevel',
      help: {text: `${readingLevel?.description} WCAG 3.1.5. See ${readingLevel?.helpUrl}`},
      properties: {tags: ['readability', 'accessibility', 'wcag']}
    })
    const imageAlt = positions.findings.find((finding) => finding.ruleId === 'image-alt')
    expect(run.tool.driver.rules.find((rule) => rule.id === 'image-alt')).toEqual({
      id: 'image-alt',
      name: 'ImageAlt',
      shortDescription: {text: 'Images must have alternative text.'},
      fullDescription: {text: 'Images must have alternative text.'},
      help: {text: `Images must have alternative text. WCAG 1.1.1. See ${imageAlt?.helpUrl}`},
      helpUri: imageAlt?.helpUrl,
      defaultConfiguration: {level: 'error'},
      properties: {tags: ['accessibility', 'wcag']}
    })
    expect(run.tool.driver.rules.find((rule) => rule.id === 'heading-order')?.properties.tags).toEqual(['accessibility'])
  })

  it('meets GitHub code scanning’s requirements for results and rules', () => {
    const run = sarifOf({cwd, passed: false, entries: [entry(positions), entry(prose), entry(fragment), missing]})
    for (const result of run.results) {
      expect(result.message.text.length).toBeGreaterThan(0)
      const location = result.locations[0]?.physicalLocation
      expect(location?.artifactLocation.uri).toMatch(/^(?![a-z][a-z0-9+.-]*:)(?!\/)\S+$/i)
      expect(location?.region.startLine).toBeGreaterThanOrEqual(1)
      expect(location?.region.startColumn).toBeGreaterThanOrEqual(1)
      expect(result.partialFingerprints['faircopy/v1']).toMatch(/^[0-9a-f]{16}$/)
    }
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0)
      expect(rule.fullDescription.text.length).toBeGreaterThan(0)
      expect(rule.help.text.length).toBeGreaterThan(0)
    }
  })

  it('keeps URIs and fingerprints the same from one run to the next', async () => {
    const again = await auditFile(fixture('positions.md'))
    const first = sarifOf({cwd, passed: false, entries: [entry(positions)]})
    const second = sarifOf({cwd, passed: false, entries: [entry(again)]})
    const identity = (run: SarifLog['runs'][number]) =>
      run.results.map((result) => [result.locations[0]?.physicalLocation.artifactLocation.uri, result.partialFingerprints['faircopy/v1']])
    expect(identity(second)).toEqual(identity(first))
    expect(new Set(identity(first).map(([uri]) => uri))).toEqual(new Set(['fixtures/positions.md']))
  })

  it('marks baselined findings unchanged and the others new', () => {
    const known = positions.findings.filter((finding) => finding.ruleId === 'image-alt').map((finding) => finding.fingerprint)
    const run = sarifOf({cwd, passed: false, entries: [entry(positions, {known})]})
    expect(run.results.map((result) => [result.ruleId, result.baselineState])).toEqual([
      ['image-alt', 'unchanged'],
      ['image-alt', 'unchanged'],
      ['link-name', 'new'],
      ['label', 'new'],
      ['heading-order', 'new']
    ])
  })

  it('reports files that could not be audited as tool execution notifications', () => {
    const failed = sarifOf({cwd, passed: false, entries: [entry(prose), missing]})
    expect(failed.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: {text: 'missing.md does not exist.'},
            descriptor: {id: 'E_INPUT_MISSING'},
            locations: [{physicalLocation: {artifactLocation: {uri: 'missing.md', uriBaseId: '%SRCROOT%'}}}]
          }
        ]
      }
    ])
    expect(failed.artifacts.map((artifact) => artifact.location.uri)).toEqual(['fixtures/prose.txt'])
    expect(sarifOf({cwd, passed: true, entries: [entry(prose)]}).invocations).toEqual([{executionSuccessful: true}])
  })

  it('is checked by a schema that rejects what GitHub would', () => {
    const log = JSON.parse(toSarif({cwd, passed: false, entries: [entry(positions)]})) as SarifLog
    const result = log.runs[0]?.results[0]
    if (result === undefined) throw new Error('no result')
    const broken = [
      {...result, level: 'info'},
      {...result, locations: [{physicalLocation: {...result.locations[0]?.physicalLocation, region: {startLine: 0}}}]},
      {...result, locations: [{physicalLocation: {artifactLocation: {uri: 'a file.md'}}}]}
    ]
    for (const bad of broken) {
      const copy = structuredClone(log)
      copy.runs[0]?.results.splice(0, 1, bad as SarifResult)
      expect(validateSarif(copy)).toBe(false)
    }
  })

  it('is valid with no audited file at all', () => {
    const run = sarifOf({cwd, passed: false, entries: [missing]})
    expect(run.tool.driver.version).toBe('0.0.0')
    expect(run.tool.driver.rules).toEqual([])
    expect(run.results).toEqual([])
  })

  it(`keeps the first ${maxSarifResults} results, in order, and says so`, () => {
    const copies = Math.ceil((maxSarifResults + 5) / prose.findings.length)
    const findings = Array.from({length: copies}, () => prose.findings).flat()
    const big: AuditReport = {...prose, findings}
    const output = JSON.parse(toSarif({cwd, passed: true, entries: [entry(big)]})) as SarifLog
    const [run] = output.runs
    expect(findings.length).toBeGreaterThan(maxSarifResults)
    expect(run?.results).toHaveLength(maxSarifResults)
    expect(run?.results.map((result) => result.partialFingerprints['faircopy/v1'])).toEqual(findings.slice(0, maxSarifResults).map((finding) => finding.fingerprint))
    expect(run?.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: {text: `faircopy found ${findings.length} results; only the first 25000 are included, the most GitHub code scanning accepts.`}
          }
        ]
      }
    ])
  })

  it('percent-encodes artifact URIs relative to the working directory', () => {
    expect(artifactUri('/repo', '/repo/posts/pool.md')).toBe('posts/pool.md')
    expect(artifactUri('/repo', '/repo/my notes/a:b#1.md')).toBe('my%20notes/a%3Ab%231.md')
    expect(artifactUri('/repo', 'posts/pool.md')).toBe('posts/pool.md')
  })

  it('names rules in PascalCase', () => {
    expect(pascalCase('image-alt')).toBe('ImageAlt')
    expect(pascalCase('very-hard-sentence')).toBe('VeryHardSentence')
    expect(pascalCase('label')).toBe('Label')
  })
})
