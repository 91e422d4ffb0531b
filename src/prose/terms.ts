import {span, type SentenceInfo, type Token} from './tokens.ts'
import type {Position} from 'unist'

/** A word or phrase to look for, and what to say instead (nothing: explain it). */
export interface TermEntry {
  readonly term: string
  readonly replace: readonly string[]
  readonly kind: string
}

export interface TermMatch {
  readonly entry: TermEntry
  readonly text: string
  readonly position: Position
}

interface CompiledTerm {
  readonly entry: TermEntry
  readonly words: readonly string[]
  readonly last: ReadonlySet<string>
}

/** Finds terms in sentences: whole words, any case, the last word in any regular inflection. */
export class TermMatcher {
  private readonly byFirstWord = new Map<string, CompiledTerm[]>()

  constructor(entries: readonly TermEntry[]) {
    for (const entry of entries) {
      const words = entry.term.toLowerCase().split(/\s+/).filter(Boolean)
      if (words.length === 0) continue
      const lastWord = words.at(-1) as string
      const compiled: CompiledTerm = {entry, words, last: new Set(inflections(lastWord))}
      const firstForms = words.length === 1 ? [...compiled.last] : [words[0] as string]
      for (const form of firstForms) {
        const list = this.byFirstWord.get(form) ?? []
        list.push(compiled)
        this.byFirstWord.set(form, list)
      }
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length)
  }

  /** Matches in one sentence, longest first, never overlapping. */
  match(sentence: SentenceInfo): TermMatch[] {
    const matches: TermMatch[] = []
    const tokens = sentence.tokens
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as Token
      if (token.kind !== 'word') continue
      const found = (this.byFirstWord.get(normalize(token.lower)) ?? []).find((term) => matchesAt(tokens, index, term))
      if (!found) continue
      const last = tokens[index + found.words.length - 1] as Token
      matches.push({
        entry: found.entry,
        text: tokens
          .slice(index, index + found.words.length)
          .map((word) => word.text)
          .join(' '),
        position: span(token, last)
      })
      index += found.words.length - 1
    }
    return matches
  }
}

function matchesAt(tokens: readonly Token[], index: number, term: CompiledTerm): boolean {
  return term.words.every((word, offset) => {
    const token = tokens[index + offset]
    if (token?.kind !== 'word') return false
    const lower = normalize(token.lower)
    return offset === term.words.length - 1 ? term.last.has(lower) : lower === word
  })
}

function normalize(word: string): string {
  return word.replace(/’/g, "'")
}

/** A word and its regular inflections: -s, -es, -ed, -d, -ing (dropping a final e), y → ies, ied. */
export function inflections(word: string): string[] {
  const forms = [word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`]
  if (word.endsWith('e')) forms.push(`${word.slice(0, -1)}ing`)
  if (/[^aeiou]y$/.test(word)) forms.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`)
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) forms.push(`${word}${word.slice(-1)}ed`, `${word}${word.slice(-1)}ing`)
  return forms
}
