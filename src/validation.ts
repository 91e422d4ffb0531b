import type {z} from 'zod'

/**
 * The first validation issue, as faircopy's messages say it: where (`rules.uncommon-word[1].commonWords`, empty at
 * the top) and what (`unknown key "colour"`, `expected number, received string`). Options, configs, baselines and
 * shard reports all word their errors through this.
 */
export function describeIssue(issue: z.core.$ZodIssue | undefined, prefix: readonly PropertyKey[] = []): {where: string; what: string} {
  // Of the alternatives a value matched none of, the one it came nearest: `[level, options]` with bad options.
  if (issue?.code === 'invalid_union' && issue.errors.length > 0) {
    const nearest = issue.errors.map((issues) => issues[0]).reduce((best, next) => ((next?.path.length ?? 0) > (best?.path.length ?? 0) ? next : best))
    if (nearest) return describeIssue(nearest, [...prefix, ...issue.path])
  }
  const path = [...prefix, ...(issue?.path ?? [])]
  const where = path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('')
  if (!issue) return {where, what: 'is not valid'}
  if (issue.code === 'unrecognized_keys') return {where, what: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((name) => `"${name}"`).join(', ')}`}
  return {where, what: issue.message.replace(/^Invalid input: /, '')}
}
