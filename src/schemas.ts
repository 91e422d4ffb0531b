import {z} from 'zod'
import {configSchema} from './cli/config.ts'
import {reportJsonSchema} from './report/schema.ts'

/** The JSON Schemas shipped in schema/, by file name. */
export function schemas(): Record<string, Record<string, unknown>> {
  return {
    'audit-report.schema.json': reportJsonSchema(),
    'config.schema.json': {title: 'faircopy configuration', ...z.toJSONSchema(configSchema, {target: 'draft-2020-12', io: 'input'})}
  }
}
