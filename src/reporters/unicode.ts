/** Half a surrogate pair: UTF-16 that no UTF-8, XML or URI can carry (from a cut file name or a broken article). */
export const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const hasLoneSurrogate = new RegExp(loneSurrogate.source)

/** The text with each lone surrogate replaced by U+FFFD: the same length in UTF-16, so columns stay right. */
export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD')
}

/**
 * JSON of the value whose strings are all well-formed: `JSON.stringify` would write a lone surrogate as an escape
 * (`\udfff`), valid JSON that many readers of SARIF and JSON reject or turn into garbage.
 */
export function wellFormedJson(value: unknown, space?: number): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' && hasLoneSurrogate.test(item) ? wellFormed(item) : item), space)
}
