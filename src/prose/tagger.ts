import type {SentenceInfo, Token} from './tokens.ts'

/** The part-of-speech tags of a sentence's tokens, by token index (compromise's tag names: Verb, Noun, Adjective…). */
export type SentenceTags = ReadonlyArray<ReadonlySet<string> | undefined>

type Compromise = (text: string) => {json(options: {offset: boolean}): Array<{terms: Array<{tags: string[]; offset: {start: number; length: number}}>}>}

let tagger: Promise<Compromise> | undefined
const tagged = new WeakMap<SentenceInfo, Promise<SentenceTags>>()

/**
 * Tags one sentence with compromise (loaded on first use: an article without an ambiguous term never loads it).
 * The sentence is given to the tagger as its words and punctuation joined as they stand in the source, so
 * Markdown syntax between them is not read as words, and each tag is mapped back to its token by offset.
 */
export function tagSentence(sentence: SentenceInfo): Promise<SentenceTags> {
  let tags = tagged.get(sentence)
  if (!tags) {
    tags = tagTokens(sentence.tokens)
    tagged.set(sentence, tags)
  }
  return tags
}

async function tagTokens(tokens: readonly Token[]): Promise<SentenceTags> {
  tagger ??= import('compromise/two').then((module) => module.default as unknown as Compromise)
  const nlp = await tagger
  let text = ''
  const startOf = new Map<number, number>()
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1]
    if (previous && (previous.position.end.offset ?? 0) < (token.position.start.offset ?? 0)) text += ' '
    startOf.set(text.length, index)
    text += token.kind === 'source' ? 'code' : token.text
  })
  const result: Array<ReadonlySet<string> | undefined> = tokens.map(() => undefined)
  for (const sentence of nlp(text).json({offset: true})) {
    for (const term of sentence.terms) {
      // A term may start inside a token ("we're" is two terms): it belongs to the token it starts in.
      let start = term.offset.start
      while (start >= 0 && !startOf.has(start)) start--
      const index = startOf.get(start)
      if (index !== undefined && result[index] === undefined) result[index] = new Set(term.tags)
    }
  }
  return result
}
