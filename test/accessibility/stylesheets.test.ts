import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {closeBrowser} from '../../src/accessibility/chromium.ts'
import {loadStylesheets} from '../../src/accessibility/stylesheets.ts'
import {optionsFor} from '../../src/cli/config.ts'
import {audit, fixture} from '../helpers.ts'

const site = fixture(join('site', 'site.css'))
const hasChromium = existsSync('/usr/bin/chromium')
const inCi = Boolean(process.env['CI'])

afterAll(async () => {
  await closeBrowser()
})

describe('loadStylesheets', () => {
  it('reads the sheets from disk, follows local @import (inside @media when it names media), and fetches no remote one', () => {
    const [css] = loadStylesheets([site])
    expect(css).toContain('img.decoration { display: none }')
    expect(css).toContain('@media print {\np { color: #000000 }\n\n}')
    expect(css).toContain('/* faircopy: @import of https://fonts.example.invalid/serif.css is not fetched */')
    // parts/figures.css imports site.css again: the loop is not followed.
    expect(css).toContain('/* faircopy: @import of ../site.css not followed (a loop, or too deep) */')
    expect(css?.match(/p \{ color: #b5b5b5/g)).toHaveLength(1)
  })

  it('is one clear error for a sheet that is not there', () => {
    expect(() => loadStylesheets(['missing.css'], fixture('site'))).toThrow(`Invalid options at accessibility.stylesheets: ${fixture(join('site', 'missing.css'))} is not a readable file.`)
  })

  it('takes a config’s paths from the config’s folder', () => {
    const options = optionsFor({config: {accessibility: {stylesheets: ['site.css']}}, path: fixture(join('site', 'faircopy.config.json')), root: fixture('site')}, fixture(join('site', 'a.md')))
    expect(options.accessibility?.stylesheets).toEqual([site])
  })
})

const article = '# Harbour\n\nBoats tie up at the east wall.\n\n<img class="decoration" src="wave.png">\n'

describe('the site’s style sheets in the jsdom engine', () => {
  it('apply to the page: an image the site hides is not presented, so it needs no text alternative', async () => {
    const plain = await audit(article, {format: 'markdown'})
    expect(plain.findings.filter((finding) => finding.ruleId === 'image-alt').map((finding) => finding.location.start.line)).toEqual([5])
    const styled = await audit(article, {format: 'markdown', accessibility: {stylesheets: [site]}})
    expect(styled.findings.filter((finding) => finding.ruleId === 'image-alt')).toEqual([])
  })
})

describe.skipIf(!hasChromium && !inCi)('the site’s style sheets in the chromium engine', () => {
  it('decide colour contrast as readers see it, at the source line of each paragraph', async () => {
    const engine = {engine: 'chromium' as const, chromiumPath: '/usr/bin/chromium'}
    const plain = await audit(article, {format: 'markdown', ...engine})
    expect(plain.findings.filter((finding) => finding.ruleId === 'color-contrast')).toEqual([])
    const styled = await audit(article, {format: 'markdown', ...engine, accessibility: {stylesheets: [site]}})
    expect(styled.findings.filter((finding) => finding.ruleId === 'color-contrast').map((finding) => [finding.location.start.line, finding.excerpt])).toEqual([[3, 'Boats tie up at the east wall.']])
    expect(styled.findings.filter((finding) => finding.ruleId === 'image-alt')).toEqual([])
  })
})
