// Writes the README's tables of rules and presets from the rule registry, so the docs never drift from the code.
// `npm run docs` rewrites them; a test fails when the README's copy is out of date.
import {readFileSync, writeFileSync} from 'node:fs'
import {enginesTable, presetsTable, rulesTable} from '../src/docs.ts'

const readme = new URL('../README.md', import.meta.url)
const text = readFileSync(readme, 'utf8')
const updated = text
  .replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${rulesTable()}$2`)
  .replace(/(<!-- presets:start -->\n)[\s\S]*?(<!-- presets:end -->)/, `$1${presetsTable()}$2`)
  .replace(/(<!-- engines:start -->\n)[\s\S]*?(<!-- engines:end -->)/, `$1${enginesTable()}$2`)
writeFileSync(readme, updated)
console.log(updated === text ? 'README tables already up to date' : 'README tables rewritten')
