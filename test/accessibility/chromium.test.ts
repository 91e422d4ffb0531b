import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runAxe, type AxeOutcome} from '../../src/accessibility/axe.ts'
import {browsersLaunched, closeBrowser, runAxeInChromium} from '../../src/accessibility/chromium.ts'
import {LAYOUT_RULES} from '../../src/accessibility/findings.ts'
import {renderDocument} from '../../src/accessibility/render.ts'
import {FaircopyError} from '../../src/errors.ts'
import {audit, auditFiles, type AuditReport} from '../../src/index.ts'
import {detectFormat} from '../../src/input/format.ts'
import {parseArticle} from '../../src/input/parse.ts'
import {DEFAULT_AXE_TAGS} from '../../src/settings.ts'
import {auditFile, fixture} from '../helpers.ts'

// Debian's Chromium. Without it these tests are skipped locally and fail in CI, where .ci/run installs it.
const executablePath = '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
const inCi = Boolean(process.env['CI'])
if (!hasChromium && !inCi) console.info(`chromium engine tests: ${executablePath} is missing, so they are skipped (CI installs it and runs them).`)

beforeAll(() => {
  if (!hasChromium && inCi) throw new Error(`Chromium is missing at ${executablePath}: .ci/run installs it with apt-get install -y chromium.`)
})

afterAll(async () => {
  await closeBrowser()
})

const chromium = {engine: 'chromium' as const, chromiumPath: executablePath}
const accessibilityOf = (report: AuditReport) => report.findings.filter((finding) => finding.category === 'accessibility')
/** The fixture pairs: each file is named for its rule; elements that must fail have ids fail1, fail2…, ones that must pass pass1…. */
const pairs = readdirSync(fixture('engines')).filter((name) => name.endsWith('.html'))

/** Where the start tag of the element with this id begins in the source: line and column, 1-based. */
function startTagOf(source: string, id: string): {line: number; column: number} {
  const at = source.lastIndexOf('<', source.indexOf(`id="${id}"`))
  const before = source.slice(0, at).split('\n')
  return {line: before.length, column: (before.at(-1) ?? '').length + 1}
}

describe.skipIf(!hasChromium && !inCi)('the chromium engine on faircopy’s own fixture pairs', () => {
  it.each(pairs)('%s: every failing element at its start tag, no passing one, and jsdom either agrees or says it cannot tell', async (name) => {
    const rule = name.replace(/\.html$/, '')
    const source = readFileSync(fixture(join('engines', name)), 'utf8')
    const failing = [...source.matchAll(/id="(fail\d+)"/g)].map((match) => match[1] as string)
    expect(failing.length).toBeGreaterThan(0)
    const report = await auditFile(fixture(join('engines', name)), chromium)
    expect(report.accessibility.engine).toBe('chromium')
    const found = report.findings.filter((finding) => finding.ruleId === rule)
    expect(found.map((finding) => /#(\w+)$/.exec(finding.selector ?? '')?.[1])).toEqual(failing)
    expect(found.map((finding) => ({line: finding.location.start.line, column: finding.location.start.column}))).toEqual(failing.map((id) => startTagOf(source, id)))
    for (const finding of found) expect(finding.excerpt).toMatch(/^<[a-z]+ /)
    expect(report.accessibility.passes).not.toContain(rule)
    expect(report.accessibility.notCheckable).not.toContain(rule)

    const jsdom = await auditFile(fixture(join('engines', name)))
    const jsdomFound = jsdom.findings.filter((finding) => finding.ruleId === rule).map((finding) => finding.location)
    if (LAYOUT_RULES.has(rule)) {
      expect(jsdom.accessibility.notCheckable).toContain(rule)
      expect(jsdom.accessibility.passes).not.toContain(rule)
    } else {
      expect(jsdomFound).toEqual(found.map((finding) => finding.location))
    }
  })

  it('finds on every article fixture what jsdom finds, at the same places, for the rules jsdom decides', async () => {
    const files = readdirSync(fixture('')).filter((name) => /\.(md|html|txt)$/.test(name))
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const name of files) {
      const decided = (report: AuditReport) =>
        accessibilityOf(report)
          .filter((finding) => !LAYOUT_RULES.has(finding.ruleId))
          .map((finding) => [finding.ruleId, finding.location, finding.excerpt, finding.selector])
      const jsdom = await auditFile(fixture(name))
      const browser = await auditFile(fixture(name), chromium)
      expect(decided(browser), name).toEqual(decided(jsdom))
    }
  })
})

describe.skipIf(!hasChromium && !inCi)('the chromium engine is as safe as the jsdom engine', () => {
  let server: Server
  let port = 0
  const seen: string[] = []
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`request ${request.url}`)
      response.end('img { display: none }')
    })
    server.on('connection', () => seen.push('connection'))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('runs none of the article’s scripts and sends no request, not even a connection, for anything it names', async () => {
    const origin = `http://127.0.0.1:${port}`
    const html = [
      '<!doctype html><html lang="en"><head><title>Requests</title>',
      `<link rel="stylesheet" href="${origin}/site.css"><link rel="preconnect" href="${origin}"><link rel="prefetch" href="${origin}/next">`,
      `<style>@import url("${origin}/more.css"); body { background: url("${origin}/back.png") }</style>`,
      `<script src="${origin}/app.js"></script>`,
      `<meta http-equiv="refresh" content="0; url=${origin}/moved">`,
      '</head><body><main><h1>Requests</h1>',
      `<img src="${origin}/photo.png" alt="A photo" onerror="document.body.insertAdjacentHTML('beforeend', '<img id=injected src=x>')">`,
      `<iframe src="${origin}/frame" title="A frame"></iframe><video poster="${origin}/poster.png" src="${origin}/clip.mp4"></video>`,
      `<object data="${origin}/object" aria-label="An object"></object><form action="${origin}/send"><button>Send</button></form>`,
      "<script>document.body.insertAdjacentHTML('beforeend', '<img id=scripted src=x>'); fetch('" + origin + "/beacon')</script>",
      '<p>Every address above points at a server that counts what reaches it.</p></main></body></html>'
    ].join('\n')
    const report = await audit(html, {format: 'html', ...chromium})
    expect(report.accessibility.engine).toBe('chromium')
    expect(accessibilityOf(report).map((finding) => finding.selector ?? '')).not.toEqual(expect.arrayContaining([expect.stringMatching(/injected|scripted/)]))
    // The page is still the article (the refresh went nowhere): its own heading passes.
    expect(report.accessibility.passes).toContain('page-has-heading-one')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(seen).toEqual([])
  })

  it('reads no file the article names: a FIFO behind file: addresses would hang a reader', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'faircopy-fifo-'))
    try {
      const fifo = join(folder, 'pipe')
      execFileSync('mkfifo', [fifo])
      const html = `<!doctype html><html lang="en"><head><title>Files</title><link rel="stylesheet" href="file://${fifo}"></head><body><main><h1>Files</h1><img src="file://${fifo}" alt="A pipe"><iframe src="file://${fifo}" title="A pipe"></iframe><iframe src="file:///etc/passwd" title="Passwords"></iframe></main></body></html>`
      const report = await audit(html, {format: 'html', ...chromium})
      expect(report.accessibility.engine).toBe('chromium')
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})

describe.skipIf(!hasChromium && !inCi)('warm tabs and the browser', () => {
  const files = ['', 'hostile', 'warm', 'engines'].flatMap((folder) =>
    readdirSync(fixture(folder))
      .filter((name) => /\.(md|html|txt)$/.test(name))
      .map((name) => join(folder, name))
  )
  const page = (name: string) => {
    const text = readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '')
    return renderDocument(parseArticle(text, detectFormat(name, text), name), 'en')
  }
  const plain = (outcome: AxeOutcome) => JSON.parse(JSON.stringify({...outcome, applicable: [...outcome.applicable].sort(), rulesRun: [...outcome.rulesRun]}))
  const options = {tags: DEFAULT_AXE_TAGS, disabledRules: [], chromiumPath: executablePath}

  it('give every fixture the very results of a fresh context, after every other fixture, in one browser', async () => {
    const fresh = new Map<string, unknown>()
    for (const name of files) fresh.set(name, plain(await runAxeInChromium(page(name), {...options, fresh: true})))
    const launched = browsersLaunched()
    for (const name of files.toReversed()) expect(plain(await runAxeInChromium(page(name), options)), name).toEqual(fresh.get(name))
    const together = await Promise.all(files.map(async (name) => plain(await runAxeInChromium(page(name), options))))
    expect(together).toEqual(files.map((name) => fresh.get(name)))
    expect(browsersLaunched()).toBe(launched)
    // And the comparison is not between empty results: the engines' layout rules find what jsdom cannot.
    const contrast = fresh.get(join('engines', 'color-contrast.html')) as {violations: Array<{id: string}>}
    expect(contrast.violations.map((rule) => rule.id)).toContain('color-contrast')
  })

  it('reports a browser that died as E_ENGINE_CRASHED for that file, and audits the next in a new browser', async () => {
    await runAxeInChromium(page('positions.md'), options)
    const launched = browsersLaunched()
    // The browser is a child of this test's process; end it while an audit is under way.
    const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], {encoding: 'utf8'})
      .split('\n')
      .filter((line) => /chrom/i.test(line))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
    expect(children.length).toBeGreaterThan(0)
    const running = runAxeInChromium(page('engines/color-contrast.html'), options)
    for (const pid of children) process.kill(pid, 'SIGKILL')
    const failed = await running.then(
      () => undefined,
      (error: unknown) => error
    )
    // The kill may land before the audit starts or while it runs; either way that file fails, cleanly.
    expect(failed).toBeInstanceOf(FaircopyError)
    expect((failed as FaircopyError).code).toBe('E_ENGINE_CRASHED')
    const next = await runAxeInChromium(page('engines/color-contrast.html'), options)
    expect(next.violations.map((rule) => rule.id)).toContain('color-contrast')
    expect(browsersLaunched()).toBe(launched + 1)
  })

  it('matches jsdom’s rules run, less nothing: only what lies in frames is not checkable', async () => {
    const report = await audit('# Tides\n\nThe tide turns twice a day.\n', {format: 'markdown', ...chromium})
    expect(report.accessibility.notCheckable).toEqual(['frame-focusable-content', 'frame-tested'])
    expect(report.accessibility.passes).toContain('color-contrast')
  })
})

describe.skipIf(!hasChromium && !inCi)('colour schemes', () => {
  const page = [
    '<!doctype html><html lang="en"><head><title>Night</title>',
    '<style>p.both { color: #c0c0c0; background: #ffffff } @media (prefers-color-scheme: dark) { body { background: #000000 } p.night { color: #303030; background: #000000 } }</style>',
    '</head><body><main><h1>Night</h1>',
    '<p class="night">Readable by day, lost in the dark scheme.</p>',
    '<p class="both">Pale in either scheme.</p>',
    '</main></body></html>'
  ].join('\n')

  it('judge the page once per scheme, and say which scheme a finding is in when it is not in all', async () => {
    const report = await audit(page, {format: 'html', ...chromium, accessibility: {colorSchemes: ['light', 'dark']}})
    expect(report.accessibility.colorSchemes).toEqual(['light', 'dark'])
    const contrast = report.findings.filter((finding) => finding.ruleId === 'color-contrast')
    expect(contrast.map((finding) => [finding.location.start.line, finding.colorScheme ?? 'both'])).toEqual([
      [4, 'dark'],
      [5, 'both']
    ])
    expect(contrast[0]?.message).toBe('Elements must meet minimum color contrast ratio thresholds (in the dark colour scheme).')
    expect(report.accessibility.passes).not.toContain('color-contrast')
    // Light alone, the default, finds only the pale one and names no scheme.
    const light = await audit(page, {format: 'html', ...chromium})
    expect(light.findings.filter((finding) => finding.ruleId === 'color-contrast').map((finding) => [finding.location.start.line, finding.colorScheme])).toEqual([[5, undefined]])
    expect(light.accessibility.colorSchemes).toBeUndefined()
  })
})

describe('without Chromium', () => {
  it('a dark colour scheme needs the chromium engine', async () => {
    await expect(audit('# Night\n', {format: 'markdown', accessibility: {colorSchemes: ['light', 'dark']}})).rejects.toMatchObject({code: 'E_OPTIONS_INVALID', message: 'Invalid options at accessibility.colorSchemes: only the chromium engine shows a page in a dark colour scheme; add engine: "chromium".'})
  })


  it('is E_ENGINE_UNAVAILABLE with one sentence on how to install it, as each file’s result, not a thrown run', async () => {
    const missing = join(tmpdir(), 'faircopy-no-such-chromium')
    await expect(audit('# Tides\n\nThe tide turns.\n', {format: 'markdown', engine: 'chromium', chromiumPath: missing})).rejects.toMatchObject({
      code: 'E_ENGINE_UNAVAILABLE',
      message: `Chromium was not found at ${missing}: install it (on Debian or Ubuntu: apt-get install chromium) or set chromiumPath or FAIRCOPY_CHROMIUM to its path.`
    })
    const results = await auditFiles([fixture('positions.md'), fixture('prose.md')], {engine: 'chromium', chromiumPath: missing})
    expect(results.map((result) => ('error' in result ? result.error.code : 'report'))).toEqual(['E_ENGINE_UNAVAILABLE', 'E_ENGINE_UNAVAILABLE'])
    // jsdom stays the default engine.
    expect((await runAxe(renderDocument(parseArticle('# Tides\n', 'markdown', 't.md'), 'en'), {tags: DEFAULT_AXE_TAGS, disabledRules: []})).engine).toBe('jsdom')
  })
})
