import type {Element, Root, RootContent} from 'hast'
import type {Position} from 'unist'
import type {Location} from 'vfile-location'

type Parent = Root | Element

/**
 * Gives a source position to the hast nodes the parsers leave without one, so that every finding has its place:
 * the text after a hard line break (hast-util-raw merges it with the `\n` that mdast-util-to-hast adds, losing
 * its start), and the links and text a GFM autolink literal makes (no position at all). A text is found in the
 * parsed text from where its previous sibling ended, within its parent; an element spans its children.
 */
export function fillPositions(tree: Root, text: string, place: Location): void {
  fill(tree, 0, text.length)

  function fill(parent: Parent, from: number, to: number): void {
    let cursor = from
    let previous: RootContent | undefined
    for (const child of parent.children) {
      // The line break after a <br> is mdast-util-to-hast's, not the source's: the <br> is the break.
      if (child.type === 'text' && previous?.type === 'element' && previous.tagName === 'br') child.value = child.value.replace(/^\r?\n/, '')
      previous = child
      const start = child.position?.start?.offset
      const end = child.position?.end?.offset
      if (start !== undefined && end !== undefined) {
        if (child.type === 'element') fill(child, start, end)
        cursor = end
      } else if (child.type === 'text') {
        cursor = fillText(child, cursor, end, to)
      } else if (child.type === 'element') {
        fill(child, cursor, to)
        const span = spanOf(child.children)
        if (span) {
          set(child, span[0], span[1])
          cursor = span[1]
        }
      }
    }
  }

  function fillText(node: Extract<RootContent, {type: 'text'}>, cursor: number, end: number | undefined, to: number): number {
    // The start was lost to a merge: the text begins where its previous sibling ended.
    if (end !== undefined) {
      set(node, Math.min(cursor, end), end)
      return end
    }
    const value = node.value
    const at = value === '' ? -1 : text.indexOf(value, cursor)
    if (at === -1 || at + value.length > to) return cursor
    set(node, at, at + value.length)
    return at + value.length
  }

  function set(node: RootContent, start: number, end: number): void {
    const startPoint = place.toPoint(start)
    const endPoint = place.toPoint(end)
    if (startPoint && endPoint) node.position = {start: startPoint, end: endPoint}
  }
}

function spanOf(children: readonly RootContent[]): [number, number] | undefined {
  const placed = children.filter((child) => child.position?.start?.offset !== undefined && child.position.end?.offset !== undefined)
  const first = placed[0]?.position?.start.offset
  const last = placed.at(-1)?.position?.end.offset
  return first === undefined || last === undefined ? undefined : [first, last]
}

/**
 * The line that holds an offset, from its first character to its end (its line break left out): where an input
 * warning points. A problem found on an empty line (the end of the file) points at the last line with text before it.
 */
export function lineAt(source: string, offset: number, place: Location): Position | undefined {
  const lineStart = (at: number) => (at <= 0 ? 0 : source.lastIndexOf('\n', at - 1) + 1)
  const lineEnd = (from: number) => (source.indexOf('\n', from) === -1 ? source.length : source.indexOf('\n', from))
  let start = lineStart(Math.max(0, Math.min(offset, source.length)))
  while (start > 0 && source.slice(start, lineEnd(start)).trim() === '') start = lineStart(start - 1)
  const end = lineEnd(start) - (source[lineEnd(start) - 1] === '\r' ? 1 : 0)
  const startPoint = place.toPoint(start)
  const endPoint = place.toPoint(Math.max(start, end))
  return startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
}
