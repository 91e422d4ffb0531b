import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runAxe, type AxeOutcome} from '../../src/accessibility/axe.ts'
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
