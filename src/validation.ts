import {z} from 'zod'

/**
 * The first validation issue, as faircopy's messages say it: where (`rules.uncommon-word[1].commonWords`, empty at
 * the top) and what (`unknown key "colour"`, `expected number, received string`). Options, configs, baselines and
 * shard reports all word their errors through this. Given the `schema` that was checked (and an issue parsed with
 * `reportInput`), an unknown key or a wrong value comes with the known one it is nearest to: `failon` → `failOn`.
 */
export function describeIssue(issue: z.core.$ZodIssue | undefined, prefix: readonly PropertyKey[] = [], schema?: z.ZodType): {where: string; what: string} {
  // Of the alternatives a value matched none of, the one it came nearest: `[level, options]` with bad options.
  if (issue?.code === 'invalid_union' && issue.errors.length > 0) {
    const nearest = issue.errors.map((issues) => issues[0]).reduce((best, next) => ((next?.path.length ?? 0) > (best?.path.length ?? 0) ? next : best))
    if (nearest) return describeIssue(nearest, [...prefix, ...issue.path], schema && schemaAt(schema, issue.path))
  }
  const path = [...prefix, ...(issue?.path ?? [])]
  const where = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('')
  if (!issue) return {where, what: 'is not valid'}
  if (issue.code === 'unrecognized_keys') {
    const known = schema && keysAt(schema, issue.path)
    const keys = issue.keys.map((name) => {
      const near = known && nearestName(name, known)
      return `"${name}"${near ? ` (did you mean "${near}"?)` : ''}`
    })
    return {where, what: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys.join(', ')}`}
  }
  const near = issue.code === 'invalid_value' && typeof issue.input === 'string' ? nearestName(issue.input, issue.values.filter((value) => typeof value === 'string')) : undefined
  return {where, what: `${issue.message.replace(/^Invalid input: /, '')}${near === undefined ? '' : ` (did you mean "${near}"?)`}`}
}

/** The schema of the value at `path` inside `schema`, through optionals, arrays, tuples, unions, records and pipes. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema
  for (const key of path) {
    current = current && childOf(unwrap(current), key)
    if (current === undefined) return undefined
  }
  return current
}

function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  const found = schemaAt(schema, path)
  const object = found && unwrap(found)
  return object instanceof z.ZodObject ? Object.keys(object.shape) : undefined
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType
    else if (current instanceof z.ZodPipe) current = current.in as z.ZodType
    else return current
  }
}

function childOf(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<PropertyKey, z.ZodType>)[key] ?? (schema._zod.def.catchall as z.ZodType | undefined)
  if (schema instanceof z.ZodArray) return typeof key === 'number' ? (schema.element as z.ZodType) : undefined
  if (schema instanceof z.ZodTuple) return typeof key === 'number' ? ((schema._zod.def.items[key] ?? schema._zod.def.rest ?? undefined) as z.ZodType | undefined) : undefined
  if (schema instanceof z.ZodRecord) return schema._zod.def.valueType as z.ZodType
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options as readonly z.ZodType[]) {
      const child = childOf(unwrap(option), key)
      if (child !== undefined) return child
    }
  }
  return undefined
}

/** The known name within two edits of a misspelt one, if any: `--quite` → `quiet`, `failon` → `failOn`. */
export function nearestName(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined
  let distance = 3
  for (const candidate of names) {
    const d = editDistance(name, candidate)
    if (d < distance) [best, distance] = [candidate, d]
  }
  return best
}

/** Levenshtein distance: the fewest one-character insertions, deletions and substitutions from `a` to `b`. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length] as number
}
