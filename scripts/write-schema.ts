// Writes schema/audit-report.schema.json from the zod schema, the report's one source of truth.
import {writeFileSync} from 'node:fs'
import {reportJsonSchema} from '../src/report/schema.ts'

const target = new URL('../schema/audit-report.schema.json', import.meta.url)
writeFileSync(target, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`)
console.log(`wrote ${target.pathname}`)
