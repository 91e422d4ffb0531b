import {parse as parseToml, TomlError} from 'smol-toml'
import {location} from 'vfile-location'
import {parseDocument} from 'yaml'

/** The front matter formats site generators use: YAML (`---`, Jekyll, Hugo, Eleventy, Docusaurus), TOML (`+++`, Hugo, Zola), JSON (`{ … }`, Hugo). */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json'

/** The block at the top of an article, read: its data, or why it could not be read, with the offset of the line at fault. */
export interface FrontMatter {
  readonly format: FrontMatterFormat
  /** Where the block is in the source, fences included: [start, end). */
  readonly range: readonly [number, number]
  readonly data: Readonly<Record<string, unknown>> | undefined
  /** Why it could not be read (`invalid`), or that YAML gave a key twice and the last one was read (`duplicate-key`). */
  readonly problem: {readonly kind: 'invalid' | 'duplicate-key'; readonly message: string; readonly offset: number} | undefined
}

/**
 * The fences of each format, on lines of their own; JSON's are the braces of its object. Blank lines may come
 * before the opening fence, as Hugo's page parser allows (content repositories have such pages).
 */
const fences: ReadonlyArray<{format: FrontMatterFormat; open: RegExp; close: RegExp}> = [
  {format: 'yaml', open: /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n/, close: /^---[ \t]*(?:\r?\n|$)/m},
  {format: 'toml', open: /^(?:[ \t]*\r?\n)*\+\+\+[ \t]*\r?\n/, close: /^\+\+\+[ \t]*(?:\r?\n|$)/m},
  {format: 'json', open: /^(?:[ \t]*\r?\n)*\{[ \t]*\r?\n/, close: /^\}[ \t]*(?:\r?\n|$)/m}
]

/**
 * The front matter at the very start of a text, if any. Its content is parsed with the format's own parser
 * (`yaml`, `smol-toml`, `JSON.parse`); a block that does not parse is still front matter, never prose.
 */
export function readFrontMatter(text: string, formats: readonly FrontMatterFormat[]): FrontMatter | undefined {
  for (const {format, open, close} of fences) {
    if (!formats.includes(format)) continue
    const opening = open.exec(text)
    if (!opening) continue
    const bodyStart = opening[0].length
    const closing = close.exec(text.slice(bodyStart))
    if (!closing) continue
    const body = text.slice(bodyStart, bodyStart + closing.index)
    const range = [0, bodyStart + closing.index + closing[0].length] as const
    // JSON's fences are its object's braces: the text parsed is the whole block.
    const jsonStart = bodyStart - opening[0].trimStart().length
    const parsed = parse(format, format === 'json' ? text.slice(jsonStart, bodyStart + closing.index + 1) : body)
    // A problem found at the end of the body (an unclosed bracket) points at the body's last line, not the fence.
    const offset = (at: number) => Math.min(format === 'json' ? jsonStart + at : bodyStart + at, Math.max(bodyStart, bodyStart + body.trimEnd().length - 1))
    return {format, range, data: parsed.data, problem: parsed.problem && {...parsed.problem, offset: offset(parsed.problem.at)}}
  }
  return undefined
}

interface Parsed {
  readonly data: Record<string, unknown> | undefined
  readonly problem: {readonly kind: 'invalid' | 'duplicate-key'; readonly message: string; readonly at: number} | undefined
}

function parse(format: FrontMatterFormat, text: string): Parsed {
  if (format === 'yaml') return parseYaml(text)
  try {
    return asRecord(format === 'toml' ? parseToml(text) : JSON.parse(text), format)
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'it does not parse'
    const at = error instanceof TomlError ? (location(text).toOffset({line: error.line, column: error.column}) ?? 0) : jsonOffset(error as Error)
    return {data: undefined, problem: {kind: 'invalid', message, at}}
  }
}

/**
 * YAML, as site generators read it: a key given twice keeps its last value (Hugo and Jekyll accept it) and is
 * a warning; anything else that does not parse leaves the front matter unread.
 */
function parseYaml(text: string): Parsed {
  const strict = parseDocument(text)
  const error = strict.errors[0]
  if (!error) return asRecord(strict.toJS(), 'yaml')
  const at = error.pos[0]
  if (strict.errors.every((problem) => problem.code === 'DUPLICATE_KEY')) {
    const lenient = asRecord(parseDocument(text, {uniqueKeys: false}).toJS(), 'yaml')
    return {data: lenient.data, problem: {kind: 'duplicate-key', message: 'a key is given twice; the last one counts', at}}
  }
  return {data: undefined, problem: {kind: 'invalid', message: error.message.split('\n')[0] ?? 'it does not parse', at}}
}

function asRecord(value: unknown, format: FrontMatterFormat): Parsed {
  if (value === null || value === undefined) return {data: {}, problem: undefined}
  if (typeof value === 'object' && !Array.isArray(value)) return {data: value as Record<string, unknown>, problem: undefined}
  return {data: undefined, problem: {kind: 'invalid', message: `the ${format.toUpperCase()} front matter is not a table of keys`, at: 0}}
}

/** V8's JSON errors say "at position N". */
function jsonOffset(error: Error): number {
  const match = /position (\d+)/.exec(error.message)
  return match ? Number(match[1]) : 0
}

/** The title a site generator shows: `title`, else Hugo's `linkTitle`, else the `name` of data pages. */
export function frontMatterTitle(data: Readonly<Record<string, unknown>> | undefined): string | undefined {
  for (const key of ['title', 'linkTitle', 'name']) {
    const value = data?.[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return undefined
}

/** A string field of the front matter (`lang`). */
export function frontMatterString(data: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const value = data?.[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}
