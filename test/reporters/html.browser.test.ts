import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import axe from 'axe-core'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {toHtml, type AuditReport} from '../../src/index.ts'
import {htmlReport} from '../../src/reporters/html/index.ts'
import {DEFAULT_AXE_TAGS} from '../../src/settings.ts'
import {audit, auditFile, fixture} from '../helpers.ts'
import {cwd, entry} from './entries.ts'

// Debian's Chromium, driven by playwright-core. Without it the tests are skipped locally and fail in CI.
const executablePath = '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
const inCi = Boolean(process.env['CI'])
if (!hasChromium && !inCi) console.info(`browser tests: ${executablePath} is missing, so they are skipped (CI installs it and runs them).`)

const root = fileURLToPath(new URL('../..', import.meta.url))
const artifacts = join(root, 'test-results')
const sample = join(root, 'examples', 'sample-article.md')

let browser: Browser

beforeAll(async () => {
  if (!hasChromium) {
    if (inCi) throw new Error(`Chromium is missing at ${executablePath}: .ci/run installs it with apt-get install -y chromium.`)
    return
  }
  mkdirSync(artifacts, {recursive: true})
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
})

afterAll(async () => {
  await browser?.close()
})

/** Writes a report to the artifacts folder and opens it, in a fresh context with the given colour scheme. */
async function open(name: string, html: string, options: {colorScheme?: 'light' | 'dark'; bypassCSP?: boolean} = {}): Promise<{context: BrowserContext; page: Page}> {
  const file = join(artifacts, name)
  writeFileSync(file, html)
  const context = await browser.newContext({viewport: {width: 1100, height: 900}, colorScheme: options.colorScheme ?? 'light', bypassCSP: options.bypassCSP ?? false})
  const page = await context.newPage()
  await page.goto(pathToFileURL(file).href)
  return {context, page}
}

/** axe-core's violations in the page as a person's browser lays it out: contrast included. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({content: axe.source})
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as {axe: typeof axe}).axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
    return results.violations.flatMap((rule) => rule.nodes.map((node) => `${rule.id}: ${node.target.join(' ')}: ${node.failureSummary ?? ''}`))
  }, [...DEFAULT_AXE_TAGS])
}

async function sampleReport(): Promise<{report: AuditReport; html: string}> {
  const report = await auditFile(sample, {path: 'examples/sample-article.md'})
  return {report, html: toHtml(report, readFileSync(sample, 'utf8'))}
}

describe.skipIf(!hasChromium && !inCi)('the HTML report in headless Chromium', () => {
  it('has no axe-core violation, contrast included, in the light and the dark theme, with a tip open or not', async () => {
    const pages = [
      ['sample', (await sampleReport()).html],
      ...(await Promise.all(
        ['positions.md', 'prose.html', 'hostile/hostile.md', 'hostile/hostile.html'].map(async (name) => {
          const report = await auditFile(fixture(name))
          return [name.replace(/\W/g, '-'), toHtml(report, readFileSync(fixture(name), 'utf8'))]
        })
      ))
    ] as const
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [name, html] of pages) {
        const {context, page} = await open(`axe-${name}-${colorScheme}.html`, html, {colorScheme, bypassCSP: true})
        expect(await violations(page), `${name}, ${colorScheme}`).toEqual([])
        const first = page.locator('mark[tabindex="0"]').first()
        if ((await first.count()) > 0) {
          await first.focus()
          expect(await violations(page), `${name}, ${colorScheme}, tip open`).toEqual([])
        }
        await context.close()
      }
    }
  })

  it('opens a highlight’s explanation on keyboard focus and on hover over any piece, and closes it with Escape', async () => {
    const text = '# Notes\n\nThe report was **written** by the panel at dawn, and we will utilize the results.\n'
    const report = await audit(text, {format: 'markdown', path: 'notes.md'})
    const {context, page} = await open('keyboard.html', toHtml(report, text))
    // Tab from the top of the page until a highlight has the focus.
    let focused = ''
    for (let step = 0; step < 40 && !focused.startsWith('MARK'); step++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.getAttribute('data-rule')}`)
    }
    expect(focused).toBe('MARK passive-voice')
    const tip = page.locator('mark[data-rule="passive-voice"][tabindex="0"] > [role="tooltip"]')
    expect(await tip.isVisible()).toBe(true)
    expect(await tip.textContent()).toContain('“was written” is passive voice')
    expect(await tip.textContent()).toContain('passive-voice · info · line 3, column 12')
    const box = await tip.boundingBox()
    expect(box?.height).toBeGreaterThan(20)
    await page.keyboard.press('Escape')
    expect(await tip.isVisible()).toBe(false)
    // The same tip opens when the pointer rests on the second piece of the phrase (inside **written**).
    await page.hover('mark[data-rule="passive-voice"]:not([tabindex])')
    expect(await tip.isVisible()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-rule'))).toBe('plain-language')
    await context.close()
  })

  it('takes the screenshot of the sample article’s report', async () => {
    const {report, html} = await sampleReport()
    for (const colorScheme of ['light', 'dark'] as const) {
      const {context, page} = await open(`sample-${colorScheme}.html`, html, {colorScheme})
      await page.focus('mark[data-rule="passive-voice"][tabindex="0"]')
      // From the article's heading to the end of the article, in page coordinates (focusing scrolled the page).
      const {top, bottom} = await page.evaluate(() => ({
        top: (document.querySelector('h2')?.getBoundingClientRect().top ?? 0) + window.scrollY,
        bottom: (document.querySelector('.article-body')?.getBoundingClientRect().bottom ?? 0) + window.scrollY
      }))
      const path = join(artifacts, `report-${colorScheme}.png`)
      await page.screenshot({path, fullPage: true, clip: {x: 0, y: top - 16, width: 1100, height: bottom - top + 32}})
      // `UPDATE_SCREENSHOT=1 npm test` refreshes the README's picture.
      if (colorScheme === 'light' && process.env['UPDATE_SCREENSHOT']) writeFileSync(join(root, 'docs', 'report.png'), readFileSync(path))
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG')
      await context.close()
    }
    const kinds = new Set(report.findings.map((finding) => finding.ruleId))
    for (const rule of ['passive-voice', 'jargon', 'undefined-acronym', 'plain-language', 'very-hard-sentence']) expect(kinds).toContain(rule)
  })
})

describe.skipIf(!hasChromium && !inCi)('the HTML report of a hostile article, in Chromium', () => {
  let server: Server
  const requests: string[] = []
  let origin = ''

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '')
      response.writeHead(200, {'content-type': 'text/html'}).end("<script>parent.__pwned = 'served'</script>")
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  for (const name of ['hostile.html', 'hostile.md', 'hostile.txt']) {
    for (const bypassCSP of [false, true]) {
      it(`runs no script and requests nothing from ${name}${bypassCSP ? ', even with its Content Security Policy off' : ''}`, async () => {
        requests.length = 0
        // The fixtures point at 127.0.0.1:9; here every address is a server that counts what reaches it.
        const text = readFileSync(fixture(`hostile/${name}`), 'utf8').replaceAll('127.0.0.1:9', origin)
        const format = name.endsWith('.md') ? 'markdown' : name.endsWith('.html') ? 'html' : 'text'
        const report = await audit(text, {format, path: name})
        const {context, page} = await open(`hostile-${name}-${bypassCSP ? 'no-csp' : 'csp'}.html`, htmlReport({cwd, passed: false, entries: [{...entry(report), text}]}), {bypassCSP})
        const dialogs: string[] = []
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message())
          void dialog.dismiss()
        })
        const outgoing: string[] = []
        context.on('request', (request) => {
          if (!request.url().startsWith('file:')) outgoing.push(request.url())
        })
        // Give every trap its chance: hover and click the article's elements, focus them, wait for timers.
        for (const element of await page.locator('.article-body *').all()) {
          await element.hover({force: true, timeout: 1000}).catch(() => undefined)
          await element.click({force: true, timeout: 1000, noWaitAfter: true}).catch(() => undefined)
        }
        await page.waitForTimeout(300)
        expect(await page.evaluate(() => (window as unknown as {__pwned?: string}).__pwned)).toBeUndefined()
        expect(page.url()).toMatch(/^file:/)
        expect(dialogs).toEqual([])
        expect(outgoing).toEqual([])
        expect(requests).toEqual([])
        await context.close()
      })
    }
  }
})
