// Writes the README's table of rules from the rule registry, so the docs never drift from the code.
// `npm run docs` rewrites it; a test fails when the README's copy is out of date.
import {readFileSync, writeFileSync} from 'node:fs'
import {rulesTable} from '../src/docs.ts'

const readme = new URL('../README.md', import.meta.url)
const text = readFileSync(readme, 'utf8')
const updated = text.replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${rulesTable()}$2`)
writeFileSync(readme, updated)
console.log(updated === text ? 'README rules table already up to date' : 'README rules table rewritten')
