import type {Position} from 'unist'

/** The index of the first of the sorted `values` at or after `value` (binary search). */
export function firstAtOrAfter(values: readonly number[], value: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((values[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * Source ranges indexed once (sorted by start, with the furthest end so far), so that asking whether a range
 * overlaps any of them is a binary search: a long article asks it for every word.
 */
export class RangeIndex {
  private readonly starts: number[]
  private readonly furthest: number[] = []

  constructor(ranges: readonly Position[]) {
    const sorted = ranges.map((range) => [range.start.offset ?? 0, range.end.offset ?? 0] as const).sort((a, b) => a[0] - b[0])
    this.starts = sorted.map(([start]) => start)
    for (const [, end] of sorted) this.furthest.push(Math.max(end, this.furthest.at(-1) ?? -Infinity))
  }

  overlaps(position: Position): boolean {
    // Of the ranges that start before this one ends, the one reaching furthest decides.
    const before = firstAtOrAfter(this.starts, position.end.offset ?? 0)
    return before > 0 && (this.furthest[before - 1] as number) > (position.start.offset ?? 0)
  }
}
