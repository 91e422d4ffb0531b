import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {toHtml} from 'hast-util-to-html'
import {JSDOM} from 'jsdom'
import {glob} from 'tinyglobby'
import {describe, expect, it} from 'vitest'
import {primeStyles} from '../../src/accessibility/cascade.ts'
import {renderDocument} from '../../src/accessibility/render.ts'
import {detectFormat} from '../../src/input/format.ts'
import {parseArticle} from '../../src/input/parse.ts'
import {fixture} from '../helpers.ts'
import {REAL} from '../labelled/real.ts'

/** Every article fixture of the accessibility tests, the style-sheet ones and the selector page of this test. */
const files = ['', 'hostile', 'warm', 'cascade', 'engines'].flatMap((folder) =>
  readdirSync(fixture(folder))
    .filter((name) => /\.(md|html|txt)$/.test(name))
    .map((name) => join(folder, name))
)

/** The page as faircopy builds it for axe-core, as HTML. */
function pageHtml(text: string, name: string): string {
  return toHtml(renderDocument(parseArticle(text, detectFormat(name, text), name), 'en'))
}

/** Properties read through inheritance and keywords, beyond what a declaration holds itself. */
const READ = ['display', 'visibility', 'color', 'font-style', 'font-weight', 'outline-width', 'list-style-type', 'text-transform', 'border-top-style']

/** Every element's computed style, as jsdom computes it (`prime: false`) or from the primed cache. */
function styles(html: string, prime: boolean): {styles: string[]; primed: number} {
  const {window} = new JSDOM(html)
  const elements = [...window.document.querySelectorAll('*')]
  const primed = prime ? primeStyles(window.document) : 0
  const styles = elements.map((element) => {
    const style = window.getComputedStyle(element)
    return [style.cssText, ...READ.map((property) => style.getPropertyValue(property))].join(' | ')
  })
  window.close()
  return {styles, primed}
}

describe('primed styles (the cascade faircopy computes before axe-core runs)', () => {
  it('equal jsdom\'s own computed style for every element of every fixture, property by property', () => {
    expect(files.length).toBeGreaterThanOrEqual(15)
    for (const name of files) {
      const html = pageHtml(readFileSync(fixture(name), 'utf8').replace(/^\uFEFF/, ''), name)
      const own = styles(html, false)
      const primed = styles(html, true)
      // Every element was primed: were the internals faircopy reaches into not found, nothing would be.
      expect(primed.primed, name).toBe(own.styles.length)
      expect(primed.styles, name).toEqual(own.styles)
    }
  })

  it('apply what the selector page asks: ties, !important, inline styles, media, case and pseudo-elements', () => {
    const html = pageHtml(readFileSync(fixture('cascade/selectors.html'), 'utf8'), 'selectors.html')
    const {window} = new JSDOM(html)
    expect(primeStyles(window.document)).toBeGreaterThan(40)
    const color = (selector: string) => window.getComputedStyle(window.document.querySelector(selector) as Element).getPropertyValue('color')
    expect(color('#intro')).toBe('rgb(30, 30, 30)')
    expect(color('.tie')).toBe('rgb(2, 2, 2)')
    expect(color('#winner')).toBe('rgb(3, 3, 3)')
    expect(color('p[style]')).toBe('rgb(7, 7, 7)')
    expect(color('div[style]')).toBe('rgb(50, 50, 50)')
    expect(color('p:not([id]):not([class])')).toBe('rgb(10, 10, 10)')
    expect(color('a[href]')).toBe('rgb(0, 0, 200)')
    expect(color('a:not([href])')).toBe('rgb(120, 0, 0)')
    const style = (selector: string, property: string) => window.getComputedStyle(window.document.querySelector(selector) as Element).getPropertyValue(property)
    expect(style('[data-state]', 'outline-style')).toBe('dashed')
    expect(style('.screen', 'font-variant')).toBe('small-caps')
    expect(style('.screen', 'display')).toBe('none')
    expect(style('.a\\:b', 'text-indent')).toBe('4px')
    // `div, q::before` applies to the div, as jsdom reads such a list; `span, :not-a-pseudo-class` to nothing.
    expect(style('main > div', 'border-top-style')).toBe(window.getComputedStyle(window.document.querySelector('main > div') as Element).getPropertyValue('border-top-style'))
    window.close()
  })

  it.runIf(existsSync(REAL))('equal jsdom\'s own computed style on real pages of ../shared/corpus/real', async () => {
    // Every fourth file: the whole corpus costs minutes for no more kinds of page.
    const names = (await glob(['**/*.{md,mdx}'], {cwd: REAL})).sort().filter((_, index) => index % 4 === 0)
    expect(names.length).toBeGreaterThan(100)
    for (const name of names) {
      const text = readFileSync(join(REAL, name), 'utf8').replace(/^\uFEFF/, '')
      let html: string
      try {
        html = pageHtml(text, name)
      } catch {
        continue
      }
      expect(styles(html, true).styles, name).toEqual(styles(html, false).styles)
    }
  }, 600_000)

  if (!existsSync(REAL)) it.skip('on real pages need ../shared/corpus/real, which is not here', () => {})
})
