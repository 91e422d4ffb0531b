/**
 * A word and the stems it may come from by a regular ending: hummed → hum, ensuring → ensure, cities → city.
 * Used to look words up in lists of base forms.
 */
export function stems(word: string): string[] {
  const found = [word]
  for (const ending of ['s', 'es', 'ed', 'd', 'ing', 'er', 'est', 'ly']) {
    if (!word.endsWith(ending) || word.length <= ending.length + 2) continue
    const stem = word.slice(0, -ending.length)
    found.push(stem)
    if (ending !== 'ly' && !stem.endsWith('e')) found.push(`${stem}e`)
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) found.push(stem.slice(0, -1))
  }
  if (/(?:ies|ied)$/.test(word)) found.push(`${word.slice(0, -3)}y`)
  return found
}
