/**
 * Prints precision and recall of the prose checks on the labelled sets over ../shared/corpus/real/, both halves
 * (test/fixtures/real-labels/). The development half may be looked at while tuning; the holdout half never is.
 *
 *   npx tsx scripts/accuracy.ts [--dev] [set ...]     sets: terms passive acronyms hard judged; --dev: the development half only (while tuning)
 *
 * `judged` is the hand-judged random samples of findings (test/fixtures/real-judged/, drawn by scripts/judge-sample.ts).
 */
import {acronymScore, hardScore, judgedRules, judgedScore, judgedTable, passiveScore, table, termScore, type Score} from '../test/labelled/evaluate.ts'
import {hasReal} from '../test/labelled/real.ts'

if (!hasReal) {
  console.error('../shared/corpus/real/ is not here: nothing to measure.')
  process.exit(2)
}
const args = process.argv.slice(2).filter((arg) => arg !== '--dev')
const halves = process.argv.includes('--dev') ? (['dev'] as const) : (['dev', 'holdout'] as const)
const wanted = new Set(args.length > 0 ? args : ['terms', 'passive', 'acronyms', 'hard', 'judged'])
const scores: Score[] = []
for (const half of halves) {
  if (wanted.has('terms')) scores.push(await termScore(half), await termScore(half, true))
  if (wanted.has('passive')) scores.push(await passiveScore(half), await passiveScore(half, true))
  if (wanted.has('acronyms')) scores.push(await acronymScore(half))
  if (wanted.has('hard')) scores.push(await hardScore(half), await hardScore(half, true))
}
if (scores.length > 0) console.log(table(scores.sort((a, b) => a.set.localeCompare(b.set) || a.half.localeCompare(b.half))))
if (wanted.has('judged')) {
  const judged = []
  for (const rule of judgedRules()) judged.push(await judgedScore(rule))
  console.log(`\n${judgedTable(judged)}`)
}
