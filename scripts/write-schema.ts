// Writes the JSON Schemas in schema/ from their zod schemas, the one source of truth for each.
import {writeFileSync} from 'node:fs'
import {schemas} from '../src/schemas.ts'

for (const [name, schema] of Object.entries(schemas())) {
  const target = new URL(`../schema/${name}`, import.meta.url)
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`wrote ${target.pathname}`)
}
