/** Quotes words for a message the way editors write them. */
export function quote(text: string): string {
  return `“${text}”`
}

/** `1 file`, `2 files`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** Another tool's message as a sentence: with a full stop at the end. */
export function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

/** Text shortened to `max` characters with an ellipsis, for quoting long alt or link text. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text
}

/**
 * The target grade as the summaries state it, saying whether it gates: `target 9`, `limit 9` when `--max-grade`
 * made it one, and, above a target that does not gate, that only `--max-grade` fails on it.
 */
export function gradeTarget(readability: {readonly gradeLevel: number; readonly targetGrade: number; readonly gradeGates?: boolean | undefined}): string {
  if (readability.gradeGates) return `limit ${readability.targetGrade}`
  if (readability.gradeLevel > readability.targetGrade) return `target ${readability.targetGrade}, not a gate: --max-grade makes it one`
  return `target ${readability.targetGrade}`
}
