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
