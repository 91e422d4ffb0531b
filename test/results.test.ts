import {readFileSync} from 'node:fs'
import {expect, it} from 'vitest'
import {fixtureResults} from './results.ts'

// The reports of the project's fixtures as recorded (`npm run record-results`): first before the rules became units,
// then again when findings gained `messageId` and sources their `frontMatter` (nothing else changed). A change that
// is meant to change a result re-records them and says what changed, and why, in the CHANGELOG.
const recorded = JSON.parse(readFileSync(new URL('./fixtures/results/reports.json', import.meta.url), 'utf8')) as Record<string, unknown>

it('every fixture’s report is the one recorded', async () => {
  const current = JSON.parse(JSON.stringify(await fixtureResults())) as Record<string, unknown>
  expect(Object.keys(current).sort()).toEqual(Object.keys(recorded).sort())
  for (const [key, value] of Object.entries(recorded)) expect(current[key], key).toEqual(value)
})
