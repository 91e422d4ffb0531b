import {readFileSync} from 'node:fs'
import {expect, it} from 'vitest'
import {enginesTable, presetsTable, rulesTable} from '../src/docs.ts'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

it.each([
  ['rules', rulesTable()],
  ['presets', presetsTable()],
  ['engines', enginesTable()]
])('the README’s table of %s is the one the registry makes (run `npm run docs` after changing a rule)', (name, table) => {
  expect(new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme)?.[1]).toBe(table)
})
