import {readFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
const t0 = performance.now()
const run = JSON.parse(readFileSync('/tmp/corpus.json', 'utf8'))
const t1 = performance.now()
const schema = JSON.parse(readFileSync('/work/main/schema/audit-report.schema.json', 'utf8'))
const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema)
const t2 = performance.now()
for (const r of run.files) validate(JSON.parse(JSON.stringify(r)))
const t3 = performance.now()
for (const r of run.files) validate(r)
const t4 = performance.now()
console.log('parse', Math.round(t1 - t0), 'compile', Math.round(t2 - t1), 'validate+clone', Math.round(t3 - t2), 'validate', Math.round(t4 - t3))
