import type {z} from 'zod'

/**
 * The first validation issue, as faircopy's messages say it: where (`rules.uncommon-word[1].commonWords`, empty at
 * the top) and what (`unknown key "colour"`, `expected number, received string`). Options, configs, baselines and
 * shard reports all word their errors through this.
 */
export function describeIssue(issue: z.core.$ZodIssue | undefined, prefix: readonly PropertyKey[] = []): {where: string; what: string} {
  const path = [...prefix, ...(issue?.path ?? [])]
  const where = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('')
  if (!issue) return {where, what: 'is not valid'}
  if (issue.code === 'unrecognized_keys') return {where, what: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((name) => `"${name}"`).join(', ')}`}
  return {where, what: issue.message.replace(/^Invalid input: /, '')}
}
