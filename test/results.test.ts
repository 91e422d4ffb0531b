import {readFileSync} from 'node:fs'
import {expect, it} from 'vitest'
import {fixtureResults} from './results.ts'

// The reports of the project's fixtures as recorded before the rules became units (`npm run record-results`).
// A change that is meant to change a result re-records them and says what changed, and why, in the CHANGELOG.
const recorded = JSON.parse(readFileSync(new URL('./fixtures/results/reports.json', import.meta.url), 'utf8')) as Record<string, unknown>

/**
 * The differences the rules' restructuring made on purpose, taken out before comparing: each of faircopy's findings
 * now names its message (`messageId`), which the recorded reports did not have.
 */
function withoutNewFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNewFields)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (key === 'messageId' ? [] : [[key, withoutNewFields(inner)]])))
}

it('every fixture’s report is the one recorded', async () => {
  const current = withoutNewFields(JSON.parse(JSON.stringify(await fixtureResults()))) as Record<string, unknown>
  expect(Object.keys(current).sort()).toEqual(Object.keys(recorded).sort())
  for (const [key, value] of Object.entries(recorded)) expect(current[key], key).toEqual(value)
})
