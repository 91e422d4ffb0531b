/** The template languages whose syntax faircopy knows in content files. */
export const templateSyntaxes = ['hugo', 'liquid'] as const
export type TemplateSyntax = (typeof templateSyntaxes)[number]

/**
 * What template syntax becomes before the article is parsed: one character per UTF-16 unit, from Unicode's private
 * use area, so that every offset stays the source's own. The Markdown and HTML parsers read it as a character like
 * any other (a link's address holding `{{ site.baseurl }}` stays one link); the sentence parser as a symbol, never a
 * word or a sentence's end. Line breaks inside a tag are kept, so lines stay lines.
 */
export const TEMPLATE_MASK = '\uE001'

interface Pattern {
  readonly syntax: TemplateSyntax | 'both'
  readonly pattern: RegExp
}

// Block constructs first, tags and content both (comments and code blocks are not for readers); then tags alone,
// of at most a few lines, no nesting of `{{`.
const patterns: readonly Pattern[] = [
  {syntax: 'liquid', pattern: /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g},
  {syntax: 'liquid', pattern: /\{%-?\s*highlight\b[^%]*%\}[\s\S]*?\{%-?\s*endhighlight\s*-?%\}/g},
  {syntax: 'liquid', pattern: /\{#[\s\S]{0,2000}?#\}/g},
  // Hugo shortcodes, escaped ones (`{{</* x */>}}`) included; a paired one's inner Markdown stays prose.
  {syntax: 'hugo', pattern: /\{\{<[\s\S]{0,2000}?>\}\}/g},
  {syntax: 'hugo', pattern: /\{\{%[\s\S]{0,2000}?%\}\}/g},
  {syntax: 'liquid', pattern: /\{%[\s\S]{0,2000}?%\}/g},
  // Template output, Go's and Liquid's alike.
  {syntax: 'both', pattern: /\{\{(?![<%])[^{}]{0,2000}?\}\}/g}
]

/** Liquid's raw blocks: their content is shown as written, so it is not template syntax, only their tags are. */
const rawBlock = /\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g

/** The syntaxes an article seems to use: Hugo's shortcode delimiters, Liquid's tags. */
export function detectTemplates(text: string): TemplateSyntax[] {
  const found: TemplateSyntax[] = []
  if (/\{\{[<%]/.test(text)) found.push('hugo')
  if (/\{%[\s\S]{0,2000}?%\}|\{#[\s\S]{0,2000}?#\}/.test(text)) found.push('liquid')
  // Output tags alone (`{{ site.baseurl }}`) are both languages' and are masked as such.
  if (found.length === 0 && /\{\{[^{}]{0,2000}?\}\}/.test(text)) found.push('liquid')
  return found
}

/**
 * Masks the template syntax of the given languages: the text to parse (same length) and the source ranges masked,
 * in order. Raw blocks keep their content.
 */
export function maskTemplates(text: string, syntaxes: readonly TemplateSyntax[]): {text: string; ranges: Array<readonly [number, number]>} {
  if (syntaxes.length === 0) return {text, ranges: []}
  const ranges: Array<readonly [number, number]> = []
  const taken = new Uint8Array(text.length)
  const mask = (start: number, end: number) => {
    taken.fill(1, start, end)
    ranges.push([start, end])
  }
  if (syntaxes.includes('liquid')) {
    for (const match of text.matchAll(rawBlock)) {
      const content = match[1] ?? ''
      const contentStart = match.index + match[0].indexOf('%}') + 2
      const contentEnd = contentStart + content.length
      mask(match.index, contentStart)
      mask(contentEnd, match.index + match[0].length)
      // The content is claimed too, so that no other pattern masks it.
      taken.fill(2, contentStart, contentEnd)
    }
  }
  for (const {syntax, pattern} of patterns) {
    if (syntax !== 'both' && !syntaxes.includes(syntax)) continue
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      if (taken.subarray(start, end).every((claimed) => claimed === 0)) mask(start, end)
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  return {text: masked(text, taken), ranges}
}

/** The text with every masked unit replaced, line breaks kept; built by UTF-16 units, so astral characters stay whole. */
function masked(text: string, taken: Uint8Array): string {
  const units = new Uint16Array(text.length)
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    units[index] = taken[index] === 1 && unit !== 10 && unit !== 13 ? TEMPLATE_MASK.charCodeAt(0) : unit
  }
  let out = ''
  for (let from = 0; from < units.length; from += 8192) out += String.fromCharCode(...units.subarray(from, from + 8192)) // bounded: 8,192 at a time
  return out
}
