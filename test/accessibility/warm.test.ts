import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {closeWarmWindows, runAxe, windowsOpened, type AxeOutcome} from '../../src/accessibility/axe.ts'
import {renderDocument} from '../../src/accessibility/render.ts'
import {detectFormat} from '../../src/input/format.ts'
import {parseArticle} from '../../src/input/parse.ts'
import {DEFAULT_AXE_TAGS} from '../../src/settings.ts'
import {fixture} from '../helpers.ts'

/** Every article fixture: the top-level ones and the hostile ones, in all three formats. */
const files = ['', 'hostile'].flatMap((folder) =>
  readdirSync(fixture(folder))
    .filter((name) => /\.(md|html|txt)$/.test(name))
    .map((name) => join(folder, name))
)

function page(name: string) {
  const text = readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, '')
  return renderDocument(parseArticle(text, detectFormat(name, text), name), 'en')
}

/** The outcome as plain data: rules, nodes, selectors, source positions, passes. */
function plain(outcome: AxeOutcome) {
  return JSON.parse(JSON.stringify({...outcome, applicable: [...outcome.applicable].sort(), rulesRun: [...outcome.rulesRun]}))
}

describe('warm axe windows', () => {
  it('give every fixture the very results of a fresh window, source positions included, in any order', async () => {
    expect(files.length).toBeGreaterThanOrEqual(10)
    const options = {tags: DEFAULT_AXE_TAGS, disabledRules: []}
    const fresh = new Map<string, unknown>()
    for (const name of files) fresh.set(name, plain(await runAxe(page(name), {...options, fresh: true})))
    // Twice through the warm windows, the second time backwards, so each page follows a different one.
    for (const name of [...files, ...files.toReversed()]) {
      expect(plain(await runAxe(page(name), options)), name).toEqual(fresh.get(name))
    }
    // Pages audited at the same time each get a window of their own.
    const together = await Promise.all(files.map(async (name) => plain(await runAxe(page(name), options))))
    expect(together).toEqual(files.map((name) => fresh.get(name)))
  })

  /** Pages that leave state behind in a window they were built in: style sheets, styled root elements, a base URL. */
  const polluters = readdirSync(fixture('warm')).map((name) => join('warm', name))

  it('start every page from a clean document: every fixture after each page with style sheets, styles or a base URL', async () => {
    expect(polluters.length).toBeGreaterThanOrEqual(3)
    const options = {tags: DEFAULT_AXE_TAGS, disabledRules: []}
    const fresh = new Map<string, unknown>()
    for (const name of [...files, ...polluters]) fresh.set(name, plain(await runAxe(page(name), {...options, fresh: true})))
    closeWarmWindows()
    const before = windowsOpened()
    for (const polluter of polluters) {
      for (const name of files) {
        // One after the other, so the page after the polluter gets the polluter's window.
        expect(plain(await runAxe(page(polluter), options)), polluter).toEqual(fresh.get(polluter))
        expect(plain(await runAxe(page(name), options)), `${name} after ${polluter}`).toEqual(fresh.get(name))
      }
    }
    // The window was cleaned and reused, not replaced after every polluter.
    expect(windowsOpened() - before).toBe(1)
  })

  it('find violations and positions at all (the comparison above is not between two empty results)', async () => {
    const outcome = await runAxe(page('positions.md'), {tags: DEFAULT_AXE_TAGS, disabledRules: []})
    expect(outcome.violations.map((rule) => [rule.id, rule.nodes.map((node) => node.position?.start.line)])).toEqual([
      ['heading-order', [19]],
      ['image-alt', [10, 12]],
      ['label', [17]],
      ['link-name', [14]]
    ])
  })
})

/** A long page of my own: many siblings under one parent, links, headings that skip a level, images without alt. */
function longPage() {
  const parts = ['# Changes by release', '']
  for (let release = 1; release <= 30; release++) {
    parts.push(release % 7 === 0 ? `#### Release ${release}` : `## Release ${release}`, '')
    parts.push(`Fixed the exporter in [pull request ${release}](https://example.net/pull/${release}) and [](https://example.net/empty/${release}).`, '')
    if (release % 5 === 0) parts.push(`<img src="chart-${release}.png">`, '')
    parts.push(`- Windows: https://example.net/get/${release}/setup.exe`, `- Notes: [read](#release-${release})`, '')
  }
  return renderDocument(parseArticle(parts.join('\n'), 'markdown', 'long.md'), 'en')
}

describe('settled getters (children and host fixed for the run)', () => {
  it('give every fixture and a long page the very results of jsdom\'s live getters', async () => {
    const options = {tags: DEFAULT_AXE_TAGS, disabledRules: []}
    for (const name of files) {
      expect(plain(await runAxe(page(name), options)), name).toEqual(plain(await runAxe(page(name), {...options, live: true})))
    }
    const settled = await runAxe(longPage(), options)
    expect(plain(settled)).toEqual(plain(await runAxe(longPage(), {...options, live: true})))
    expect(settled.violations.map((rule) => [rule.id, rule.nodes.length])).toEqual([
      ['heading-order', 4],
      ['image-alt', 6],
      ['link-name', 30]
    ])
  })
})
