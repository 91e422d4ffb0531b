import {readFileSync} from 'node:fs'
import {expect, it} from 'vitest'
import {rulesTable} from '../src/docs.ts'

it('the README’s table of rules is the one the registry makes (run `npm run docs` after changing a rule)', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const table = /<!-- rules:start -->\n([\s\S]*?)<!-- rules:end -->/.exec(readme)?.[1]
  expect(table).toBe(rulesTable())
})
