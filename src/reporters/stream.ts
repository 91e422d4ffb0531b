import {wellFormedJson} from './unicode.ts'

/** What a reporter may return: its whole text, or its text in pieces, written one after another. */
export type ReporterOutput = string | Iterable<string>

/** How deep `jsonChunks` takes a value apart; below it, each value is one `JSON.stringify`. */
const STREAM_DEPTH = 4

/** An array longer than this is taken apart at any depth (a report's sentences, its terms). */
const LONG_ARRAY = 64

/**
 * The text `JSON.stringify(value, null, 2)` writes, with every string well-formed (see `wellFormedJson`), in pieces:
 * objects and arrays near the top (a run, its files, a report, its findings) and long arrays anywhere are taken apart, so that no one string
 * holds the whole run. A report with 600,000 findings is some 600 MB of JSON, more than V8 lets one string be
 * ("Invalid string length"); written piece by piece it never is one.
 */
export function* jsonChunks(value: unknown, indent = '', depth = 0): Generator<string> {
  const json = toJsonValue(value)
  if (json === null || typeof json !== 'object' || (depth >= STREAM_DEPTH && !isLong(json))) {
    yield stringifyAt(json, indent)
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(json)) {
    if (json.length === 0) {
      yield '[]'
      return
    }
    yield '['
    for (let index = 0; index < json.length; index++) {
      yield `${index === 0 ? '' : ','}\n${inner}`
      const item = toJsonValue(json[index])
      yield* jsonChunks(item === undefined ? null : item, inner, depth + 1)
    }
    yield `\n${indent}]`
    return
  }
  const entries = Object.entries(json).filter(([, item]) => toJsonValue(item) !== undefined)
  if (entries.length === 0) {
    yield '{}'
    return
  }
  yield '{'
  let first = true
  for (const [key, item] of entries) {
    yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `
    first = false
    yield* jsonChunks(item, inner, depth + 1)
  }
  yield `\n${indent}}`
}

/** A long array, or an object that holds one (a WCAG row's findings). */
function isLong(value: object): boolean {
  const long = (item: unknown) => Array.isArray(item) && item.length > LONG_ARRAY
  return long(value) || (!Array.isArray(value) && Object.values(value).some(long))
}

/** What JSON.stringify would write for the value: `undefined` for what it leaves out (functions, symbols). */
function toJsonValue(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') return undefined
  if (value !== null && typeof value === 'object' && typeof (value as {toJSON?: unknown}).toJSON === 'function') return (value as {toJSON: () => unknown}).toJSON()
  return value
}

function stringifyAt(value: unknown, indent: string): string {
  const text = wellFormedJson(value, 2) ?? 'null'
  // JSON.stringify's own line breaks are all structural (a line break inside a string is written `\n`).
  return indent === '' ? text : text.replace(/\n/g, `\n${indent}`)
}

/** The reporter's output as one string (for the library, and for tests). */
export function joined(output: ReporterOutput): string {
  if (typeof output === 'string') return output
  let text = ''
  for (const chunk of output) text += chunk
  return text
}
