// Writes the fixtures' reports that test/results.test.ts holds the code to. Run it only when a change of
// results is meant, and say in the commit and the CHANGELOG what changed and why.
import {writeFileSync} from 'node:fs'
import {fixtureResults} from '../test/results.ts'

const target = new URL('../test/fixtures/results/reports.json', import.meta.url)
writeFileSync(target, `${JSON.stringify(await fixtureResults(), null, 1)}\n`)
console.log(`wrote ${target.pathname}`)
