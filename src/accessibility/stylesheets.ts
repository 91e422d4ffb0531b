import {readFileSync, statSync} from 'node:fs'
import {dirname, isAbsolute, resolve} from 'node:path'
import {FaircopyError} from '../errors.ts'

/** How deep `@import` of local files is followed: a site's sheets import a few levels at most; a loop stops here. */
const MAX_IMPORT_DEPTH = 8
/** The most a site's style sheets may add up to, all imports included. */
const MAX_STYLE_BYTES = 5 * 1024 * 1024

/** `@import url("x.css") screen;`, `@import 'x.css';`: the address and the media list, if any. */
const importRule = /@import\s+(?:url\(\s*(['"]?)([^'")]*)\1\s*\)|(['"])([^'"]*)\3)\s*([^;]*);/gi

/**
 * The site's style sheets as CSS text, one per path, for axe-core to judge the page with (`accessibility.stylesheets`).
 * They are read from disk, never fetched: `@import` of a local file is replaced by that file (inside `@media` when
 * the import names media), and an import of a remote address (`https:`, `//host`, `data:`) is dropped, as every
 * request of the page is. A file that cannot be read is one clear error.
 */
export function loadStylesheets(paths: readonly string[], base: string = process.cwd()): string[] {
  let total = 0
  const read = (file: string, depth: number, seen: readonly string[]): string => {
    let text: string
    try {
      if (!statSync(file).isFile()) throw new Error('not a file')
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
    } catch {
      throw new FaircopyError('E_OPTIONS_INVALID', `Invalid options at accessibility.stylesheets: ${file} is not a readable file.`)
    }
    total += text.length
    if (total > MAX_STYLE_BYTES) throw new FaircopyError('E_OPTIONS_INVALID', `Invalid options at accessibility.stylesheets: the style sheets add up to more than ${MAX_STYLE_BYTES / 1024 / 1024} MiB.`)
    return text.replace(importRule, (_whole, _quote: string, urlAddress: string | undefined, _quote2: string, stringAddress: string | undefined, media: string) => {
      const address = (urlAddress ?? stringAddress ?? '').trim()
      if (address === '' || /^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(address)) return `/* faircopy: @import of ${cssComment(address)} is not fetched */`
      const target = resolve(dirname(file), address.replace(/[?#].*$/, ''))
      if (depth >= MAX_IMPORT_DEPTH || seen.includes(target)) return `/* faircopy: @import of ${cssComment(address)} not followed (a loop, or too deep) */`
      const imported = read(target, depth + 1, [...seen, target])
      return media.trim() === '' ? imported : `@media ${media.trim()} {\n${imported}\n}`
    })
  }
  return paths.map((path) => {
    const file = isAbsolute(path) ? path : resolve(base, path)
    // A style element ends at "</style"; a sheet's text must not end it early.
    return read(file, 0, [file]).replace(/<\/(style)/gi, '<\\/$1')
  })
}

function cssComment(text: string): string {
  return text.replace(/\*\//g, '* /')
}
