import type {Position} from 'unist'
import inflections from './data/inflections.json' with {type: 'json'}
import {span, type SentenceInfo, type Token} from './tokens.ts'

/** A word or phrase to look for, and what to say instead (nothing: explain it). */
export interface TermEntry {
  readonly term: string
  readonly replace: readonly string[]
  readonly kind: string
}

/** How a word is inflected: its base form, a verb form, or a noun's plural. */
export type Form = 'base' | 'past' | 'present' | 'gerund' | 'participle' | 'plural'

export interface TermMatch {
  readonly entry: TermEntry
  readonly text: string
  readonly position: Position
  readonly sentence: SentenceInfo
  /** The token index of the term's first word in the sentence's tokens, and how many tokens it spans. */
  readonly index: number
  readonly length: number
  /** The form of the first inflected word of the term ("utilized": past), `base` when none is. */
  readonly form: Form
}

interface CompiledTerm {
  readonly entry: TermEntry
  readonly words: ReadonlyArray<ReadonlyMap<string, Form>>
}

const verbs: Readonly<Record<string, {past: string; present: string; gerund: string; participle: string}>> = inflections.verbs
const nouns: Readonly<Record<string, string>> = inflections.nouns

/** A word's forms as compromise conjugates and pluralises it (src/prose/data/inflections.json), the word itself first. */
export function formsOf(word: string): Map<string, Form> {
  const forms = new Map<string, Form>([[word, 'base']])
  const verb = Object.hasOwn(verbs, word) ? verbs[word] : undefined
  if (verb) for (const form of ['past', 'present', 'gerund', 'participle'] as const) if (!forms.has(verb[form])) forms.set(verb[form], form)
  const plural = Object.hasOwn(nouns, word) ? nouns[word] : undefined
  if (plural && !forms.has(plural)) forms.set(plural, 'plural')
  return forms
}

/** A suggestion inflected as the word it replaces was: "use" for "utilized" is "used", "part" for "components" "parts". */
export function inflect(suggestion: string, form: Form): string | undefined {
  if (form === 'base') return suggestion
  const [first = '', ...rest] = suggestion.split(' ')
  const lower = first.toLowerCase()
  // Modal verbs have no -ing or participle, and their past is another word: "were able to" → "could".
  if (Object.hasOwn(modalPast, lower)) {
    if (form === 'gerund' || form === 'participle') return undefined
    if (form === 'past') return modalPast[lower] ? [modalPast[lower], ...rest].join(' ') : undefined
    return suggestion
  }
  const verb = Object.hasOwn(verbs, lower) ? verbs[lower] : undefined
  const plural = Object.hasOwn(nouns, lower) ? nouns[lower] : undefined
  // A plural and a verb's -s form are written alike: either serves the other.
  const inflected = form === 'plural' ? (plural ?? verb?.present) : (verb?.[form] ?? (form === 'present' ? plural : undefined))
  // A suggestion written already inflected ("rules", "handles") is not inflected again.
  if ((form === 'plural' || form === 'present') && /s$/.test(lower) && inflected !== undefined && /s(?:e?s)$/.test(inflected) && inflected.startsWith(lower)) return suggestion
  return inflected ? [inflected, ...rest].join(' ') : suggestion
}

/** Each modal verb and its past ("must" has none of its own). */
const modalPast: Readonly<Record<string, string | undefined>> = {can: 'could', will: 'would', shall: 'should', may: 'might', must: undefined, could: 'could', would: 'would', should: 'should', might: 'might'}

/** The suggestions inflected to the form of the words they replace; as written when none of them inflects. */
export function inflectAll(suggestions: readonly string[], form: Form): string[] {
  const inflected = suggestions.flatMap((suggestion) => inflect(suggestion, form) ?? [])
  return inflected.length > 0 ? inflected : [...suggestions]
}

/** Words that start a fixed phrase ("in reference to", "with respect to"), whose words do not inflect. */
const fixedPhraseStarts = new Set(['in', 'on', 'at', 'with', 'by', 'for', 'of', 'to', 'as', 'from', 'under', 'upon', 'prior', 'pursuant'])

/** Finds terms in sentences: whole words, any case, each word in any of its inflected forms. */
export class TermMatcher {
  private readonly byFirstWord = new Map<string, CompiledTerm[]>()

  constructor(entries: readonly TermEntry[]) {
    for (const entry of entries) {
      const words = entry.term.toLowerCase().split(/\s+/).filter(Boolean)
      if (words.length === 0) continue
      // A phrase that starts with a preposition is fixed ("in reference to", "with respect to"): its words do not
      // inflect, so "in references to say" is not it.
      const fixed = words.length > 1 && fixedPhraseStarts.has(words[0] as string)
      const compiled: CompiledTerm = {entry, words: words.map((word) => (fixed ? new Map<string, Form>([[word, 'base']]) : formsOf(word)))}
      for (const form of (compiled.words[0] as ReadonlyMap<string, Form>).keys()) {
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
      for (const term of this.byFirstWord.get(normalize(token.lower)) ?? []) {
        const form = formAt(tokens, index, term)
        if (form === undefined) continue
        const length = term.words.length
        const last = tokens[index + length - 1] as Token
        matches.push({
          entry: term.entry,
          text: tokens
            .slice(index, index + length)
            .map((word) => word.text)
            .join(' '),
          position: span(token, last),
          sentence,
          index,
          length,
          form
        })
        index += length - 1
        break
      }
    }
    return matches
  }
}

function formAt(tokens: readonly Token[], index: number, term: CompiledTerm): Form | undefined {
  let found: Form = 'base'
  for (let offset = 0; offset < term.words.length; offset++) {
    const token = tokens[index + offset]
    if (token?.kind !== 'word') return undefined
    const form = (term.words[offset] as ReadonlyMap<string, Form>).get(normalize(token.lower))
    if (form === undefined) return undefined
    if (found === 'base') found = form
  }
  return found
}

function normalize(word: string): string {
  return word.replace(/’/g, "'")
}
