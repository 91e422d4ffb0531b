/**
 * Prints precision and recall of the prose checks on the labelled sets over ../shared/corpus/real/, both halves
 * (test/fixtures/real-labels/). The development half may be looked at while tuning; the holdout half never is.
 *
 *   npx tsx scripts/accuracy.ts [set ...]     sets: terms passive acronyms hard
 */
import {acronymScore, hardScore, passiveScore, table, termScore, type Score} from '../test/labelled/evaluate.ts'
import {hasReal} from '../test/labelled/real.ts'

if (!hasReal) {
  console.error('../shared/corpus/real/ is not here: nothing to measure.')
  process.exit(2)
}
const wanted = new Set(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['terms', 'passive', 'acronyms', 'hard'])
const scores: Score[] = []
for (const half of ['dev', 'holdout'] as const) {
  if (wanted.has('terms')) scores.push(await termScore(half))
  if (wanted.has('passive')) scores.push(await passiveScore(half))
  if (wanted.has('acronyms')) scores.push(await acronymScore(half))
  if (wanted.has('hard')) scores.push(await hardScore(half), await hardScore(half, true))
}
console.log(table(scores.sort((a, b) => a.set.localeCompare(b.set) || a.half.localeCompare(b.half))))
