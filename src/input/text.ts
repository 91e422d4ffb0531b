import type {Element, Root} from 'hast'
import type {Location as VFileLocation} from 'vfile-location'

/** Plain text to hast: one `<p>` per run of non-blank lines, each node positioned in the source. */
export function textToHast(text: string, place: VFileLocation): Root {
  const children: Element[] = []
  const blankLine = /(?:^|\r?\n|\r)[ \t]*(?=\r?\n|\r|$)/g
  let start = 0
  for (const match of text.matchAll(blankLine)) {
    pushParagraph(start, match.index)
    start = match.index + match[0].length
  }
  pushParagraph(start, text.length)
  return {type: 'root', children, position: span(0, text.length)}

  function pushParagraph(from: number, to: number): void {
    const raw = text.slice(from, to)
    const lead = raw.length - raw.trimStart().length
    const body = raw.trim()
    if (body === '') return
    const position = span(from + lead, from + lead + body.length)
    children.push({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{type: 'text', value: body, position}],
      position
    })
  }

  function span(from: number, to: number) {
    const start = place.toPoint(from)
    const end = place.toPoint(to)
    if (!start || !end) throw new Error(`offset ${from}–${to} is outside the text`)
    return {start, end}
  }
}
