import {commonWords} from './common-words.ts'
import type {Position} from 'unist'
import {shared} from '../rules.ts'
import irregularVerbs from './data/irregular-verbs.json' with {type: 'json'}
import lists from './data/passive.json' with {type: 'json'}
import {span, type SentenceInfo, type Token} from './tokens.ts'

/** One passive verb phrase: from its first auxiliary to its participle, and the agent after it. */
export interface PassivePhrase {
  readonly position: Position
  readonly phrase: string
  readonly participle: string
  readonly agent: string | undefined
  readonly sentence: SentenceInfo
}

const be = new Set(lists.be)
const get = new Set(lists.get)
const have = new Set(lists.have)
const modal = new Set(lists.modal)
const negation = new Set(lists.negation)
const adverbs = new Set(lists.adverbs)
const notAdverbs = new Set(lists.notAdverbs)
const notParticiples = new Set(lists.notParticiples)
const adjectives = new Set(lists.adjectives)
/** Adjectives of feeling that stay adjectives after a modal or "being" ("might be interested", "be exhausted from"). */
const feelings = new Set(lists.feelings)
/** Prefixes a hyphen may join to a participle: "was re-written", "is co-authored". */
const hyphenPrefix = new RegExp(`^(?:${lists.prefixes.join('|')})-(\\p{Ll}+)$`, 'u')
const adjectivesBeforeTo = new Set(lists.adjectivesBeforeTo)
/** get + these is an idiom, not a passive: "get started", "got involved" ("got paid" is one too rarely to count). */
const getIdioms = new Set(lists.getIdioms)
const particles = new Set(lists.particles)
/** Adverbs that make the participle after them verbal: "is often lost", unlike "is very tired". */
const verbalAdverbs = new Set(lists.verbalAdverbs)
const americanBases: Readonly<Record<string, string>> = lists.americanBases
const pronounContractions = /^(?:it|that|there|what|he|she|who|this|which|where|here)['’]s$/i

const irregular: ReadonlyArray<readonly string[]> = irregularVerbs.verbs
/** Irregular past participles (from index 2 of each row), and each one's base and simple past, for active suggestions. */
const participles = new Map<string, string>()
const irregularBases = new Map<string, {base: string; past: string}>()
for (const [base, past, ...forms] of irregular) {
  // "been" is an auxiliary here, never the participle of a passive.
  if (base === 'be') continue
  for (const form of forms) {
    if (past && !participles.has(form)) participles.set(form, past)
    if (base && past && !irregularBases.has(form)) irregularBases.set(form, {base, past})
  }
}

/** Words that end an agent phrase: it runs from "by" to the first of these or to punctuation. */
const agentStops = new Set(['and', 'but', 'or', 'here', 'there', 'much', 'in', 'on', 'at', 'to', 'for', 'with', 'after', 'before', 'during', 'while', 'when', 'because', 'since', 'as', 'who', 'which', 'that', 'into', 'over', 'under', 'until', 'than', 'if', 'prior', 'according', 'due', 'per', 'from', 'without', 'through', 'via'])
const MAX_AGENT_WORDS = 6
/** How many of the most frequent words a gerund's verb must be among to start a gerund's phrase as the agent. */
const EVERYDAY_VERBS = 20000
/** The longest relative clause an agent keeps ("who maintain individual agency accounts"); a longer one, none. */
const MAX_RELATIVE_WORDS = 16
/** Marks that end a relative clause; at any other (a quotation mark, a dash inside it) the clause is not taken. */
const clauseEnds = new Set([',', ';', ':', '.', '!', '?', ')'])
/** Words that start another clause, so a clause in the agent ends before them. */
const clauseStarts = new Set(['if', 'when', 'because', 'while', 'although', 'unless', 'whereas', 'so'])
const quoteMarks = /^["“”‘’']$/u

/** A participle agent's clause must go on: "by a team trained" at a clause's end is a short agent, not a relative clause. */
function isParticipleAgentEnd(tokens: readonly Token[], at: number): boolean {
  return at >= tokens.length || clauseEnds.has(tokens[at]?.text ?? '')
}
const MAX_ADVERBS = 3

/** Every passive verb phrase of the article, headings included: passive-voice reports them, the report counts their sentences. */
export const passivePhrases = shared('passive-phrases', (audit) => audit.sentences.flatMap(findPassives))

/**
 * Finds passive verb phrases: a form of be or get, then optional negation or adverbs, then a past participle,
 * regular or irregular; modal, perfect and progressive auxiliaries before it belong to the phrase.
 */
export function findPassives(sentence: SentenceInfo): PassivePhrase[] {
  const found: PassivePhrase[] = []
  const tokens = sentence.tokens
  for (let index = 0; index < tokens.length; index++) {
    const auxiliary = auxiliaryAt(tokens, index)
    if (!auxiliary) continue
    let next = skipModifiers(tokens, index + 1)
    // "is being renovated", "were getting paid"
    if ((tokens[next]?.lower === 'being' || tokens[next]?.lower === 'getting') && auxiliary.kind === 'be') next = skipModifiers(tokens, next + 1)
    const participle = tokens[next]
    // Verbal for sure after a modal ("must be done"), after "being" ("is being done") or a frequency adverb ("is often lost").
    const verbal = /^(?:be|being)$/.test(tokens[next - 1]?.lower ?? '') || tokens.slice(index + 1, next).some((token) => verbalAdverbs.has(token.lower)) || tokens[index]?.lower === 'being'
    if (!participle || participle.kind !== 'word' || !isParticiple(tokens, next, auxiliary.kind, verbal)) continue
    const first = phraseStart(tokens, index)
    // Coordinated participles share the auxiliary: "were built and distributed".
    const conjuncts: number[] = [next]
    for (let cursor = next + 1; ; ) {
      const joiner = tokens[cursor]
      const after = skipModifiers(tokens, cursor + 1)
      if ((joiner?.lower !== 'and' && joiner?.lower !== 'or') || tokens[after]?.kind !== 'word' || !isParticiple(tokens, after, auxiliary.kind, true) || !/ed$|en$/.test(tokens[after]?.lower ?? '') && !participles.has(tokens[after]?.lower ?? '')) break
      conjuncts.push(after)
      cursor = after + 1
    }
    const last = conjuncts.at(-1) as number
    const agent = agentAfter(tokens, last + 1)
    found.push({
      position: span(first.token, participle),
      phrase: [first.token.text, ...tokens.slice(first.index + 1, next + 1).map((token) => token.text)].join(' '),
      participle: participle.lower,
      agent,
      sentence
    })
    const auxiliaries = [first.token.text, ...tokens.slice(first.index + 1, next).map((token) => token.text)]
    for (const at of conjuncts.slice(1)) {
      const other = tokens[at] as Token
      found.push({position: other.position, phrase: [...auxiliaries, other.text].join(' '), participle: other.lower, agent, sentence})
    }
    next = last
    index = next
  }
  return found
}

interface Auxiliary {
  readonly kind: 'be' | 'get'
}

/** An auxiliary as written: "weren't" is were, "they're" is are (from its apostrophe), "she'll" is will. */
interface AuxiliaryWord {
  readonly base: string
  /** Where a contraction's auxiliary starts inside the word ("'re" of "they're"), else the whole word. */
  readonly token: Token
}

const contractions: Readonly<Record<string, string>> = {s: 'is', re: 'are', m: 'am', ll: 'will', ve: 'have', d: 'would'}
const negatedStems: Readonly<Record<string, string>> = {wo: 'will', ca: 'can', sha: 'shall'}

function auxiliaryWord(token: Token | undefined, next: Token | undefined): AuxiliaryWord | undefined {
  if (token?.kind !== 'word') return undefined
  const negated = /^(.+)n['’]t$/.exec(token.lower)
  if (negated) {
    const stem = negated[1] as string
    return {base: negatedStems[stem] ?? stem, token}
  }
  const contracted = /^.+(['’](s|re|m|ll|ve|d))$/.exec(token.lower)
  if (contracted) {
    const suffix = contracted[2] as string
    // Before "been", 's is has and 'd is had: "the bridge's been closed", "it'd been sold".
    const perfect = next?.lower === 'been'
    const base = perfect && suffix === 'd' ? 'had' : perfect && suffix === 's' ? 'has' : (contractions[suffix] as string)
    return {base, token: tail(token, (contracted[1] as string).length)}
  }
  return {base: token.lower, token}
}

function auxiliaryAt(tokens: readonly Token[], index: number): Auxiliary | undefined {
  const token = tokens[index]
  const next = tokens[index + 1]
  const word = auxiliaryWord(token, next)
  if (!word || !token) return undefined
  // "the bridge's been closed" and "it's closed", but not a possessive: "the council's closed meeting".
  if (word.base === 'is' && word.token !== token && !(next?.lower === 'being' || pronounContractions.test(token.text))) return undefined
  if (be.has(word.base)) return {kind: 'be'}
  if (get.has(word.base)) return {kind: 'get'}
  return undefined
}

function isAdverb(token: Token | undefined): boolean {
  if (token?.kind !== 'word') return false
  return negation.has(token.lower) || adverbs.has(token.lower) || (token.lower.endsWith('ly') && token.lower.length > 4 && !notAdverbs.has(token.lower)) || /n['’]t$/.test(token.lower)
}

function skipModifiers(tokens: readonly Token[], from: number): number {
  let index = from
  let adverbsSeen = 0
  while (index < tokens.length && adverbsSeen < MAX_ADVERBS) {
    if (isAdverb(tokens[index])) {
      index++
      adverbsSeen++
    } else if (adverbsSeen > 0 && tokens[index]?.text === ',' && isAdverb(tokens[index + 1])) {
      // "carefully, painstakingly crafted"
      index++
    } else {
      break
    }
  }
  return index
}

const notInfinitive = new Set(['the', 'a', 'an', 'it', 'this', 'that', 'them', 'him', 'her', 'me', 'us', 'my', 'our', 'your', 'their', 'his', 'its'])

function isParticiple(tokens: readonly Token[], at: number, auxiliary: Auxiliary['kind'], verbal: boolean): boolean {
  const token = tokens[at] as Token
  const after = tokens[at + 1]
  const word = hyphenPrefix.exec(token.lower)?.[1] ?? token.lower
  if (word.includes('-') || /^\p{Lu}{2,}/u.test(token.text)) return false
  // "scared off by the math": a particle may stand between the participle and its agent.
  const agentFollows = after?.lower === 'by' || (particles.has(after?.lower ?? '') && tokens[at + 2]?.lower === 'by')
  // "is used to working" (accustomed) is no passive; "were used to revise the form" (employed) is.
  if (adjectivesBeforeTo.has(word) && after?.lower === 'to') {
    const verb = tokens[at + 2]
    if (!(word === 'used' && verb?.kind === 'word' && !/ing$/.test(verb.lower) && !notInfinitive.has(verb.lower))) return false
  }
  // The override needs a form that is only a participle: "done", "tied", not "fit" ("will be fit" is an adjective).
  const onlyParticiple = /ed$/.test(word) || (irregularBases.has(word) && irregularBases.get(word)?.base !== word)
  if (adjectives.has(word) && !agentFollows && !(verbal && onlyParticiple && !feelings.has(word))) return false
  if (auxiliary === 'get' && getIdioms.has(word) && !agentFollows) return false
  if (participles.has(word)) return true
  return /^\p{Ll}+ed$/u.test(word) && word.length >= 4 && !notParticiples.has(word)
}

/** Walks back over the auxiliaries that belong to the phrase: "will not be", "would have been", "is still being". */
function phraseStart(tokens: readonly Token[], index: number): {index: number; token: Token} {
  const own = auxiliaryWord(tokens[index], tokens[index + 1]) as AuxiliaryWord
  const word = own.base
  const allowed = word === 'be' ? [modal] : word === 'been' ? [have, modal] : word === 'being' || word === 'getting' ? [be] : []
  let first = {index, token: own.token}
  for (let cursor = index - 1; cursor >= 0 && allowed.length > 0; cursor--) {
    const previous = tokens[cursor]
    if (previous?.kind !== 'word') break
    if (isAdverb(previous) && !/n['’]t$/.test(previous.lower)) continue
    const auxiliary = auxiliaryWord(previous, tokens[cursor + 1])
    if (!auxiliary || !allowed.some((set) => set.has(auxiliary.base))) break
    first = {index: cursor, token: auxiliary.token}
    if (auxiliary.token !== previous) break
  }
  return first
}

/** The last `length` characters of a word, as a token of their own (the "'re" of "they're"). */
function tail(token: Token, length: number): Token {
  const offset = (token.position.end.offset ?? 0) - length
  const column = token.position.end.column - length
  const text = token.text.slice(-length)
  return {...token, text, lower: text.toLowerCase(), position: {start: {line: token.position.end.line, column, offset}, end: token.position.end}}
}

/** Words that start a time phrase after the agent ("by the board last week"): they end the agent. */
const timeWords = new Set(['yesterday', 'today', 'tonight', 'tomorrow', 'earlier', 'later', 'recently', 'again', 'now', 'then', 'once', 'twice'])
const timeDeterminers = new Set(['last', 'next', 'this', 'every', 'each'])
const timeNouns = new Set([
  'week', 'weeks', 'month', 'months', 'year', 'years', 'day', 'days', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'spring',
  'summer', 'autumn', 'fall', 'winter', 'season', 'time', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'
])

function startsTimePhrase(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]?.lower ?? ''
  if (timeWords.has(word)) return true
  return timeDeterminers.has(word) && timeNouns.has(tokens[at + 1]?.lower ?? '')
}

/**
 * Whether "and" or "or" here joins a second agent ("by staff and volunteers", "by education and information")
 * rather than a second clause ("by the board and sent on"): a word follows that is no participle, adverb, -ing
 * form or word that ends an agent.
 */
function joinsAgents(tokens: readonly Token[], at: number): boolean {
  const word = tokens[at]?.lower
  const next = tokens[at + 1]
  if ((word !== 'and' && word !== 'or') || next?.kind !== 'word') return false
  const lower = next.lower
  return !agentStops.has(lower) && !isAdverb(next) && !participles.has(lower) && !/(?:ed|ing)$/.test(lower) && !startsTimePhrase(tokens, at + 1) && !be.has(lower) && !modal.has(lower)
}

function agentAfter(tokens: readonly Token[], from: number): string | undefined {
  let index = from
  while (isAdverb(tokens[index])) index++
  if (particles.has(tokens[index]?.lower ?? '') && tokens[index + 1]?.lower === 'by') index++
  if (tokens[index]?.lower !== 'by') return undefined
  const words: Token[] = []
  let cursor = index + 1
  for (; cursor < tokens.length && words.length < MAX_AGENT_WORDS; cursor++) {
    const token = tokens[cursor] as Token
    if (token.kind !== 'word' || (words.length > 0 && !joinsAgents(tokens, cursor) && (agentStops.has(token.lower) || startsTimePhrase(tokens, cursor)))) break
    words.push(token)
  }
  // A clause belongs to the agent, up to the clause's punctuation or a subordinator: a relative clause ("by someone
  // who uses their position"), a participle after the noun ("by content written in plain language"), the rest of a
  // gerund's phrase ("by writing for a boss").
  const last = words.at(-1)?.lower ?? ''
  const reduced = words.length >= 2 && (participles.has(last) || /[^e]ed$/.test(last)) && !isParticipleAgentEnd(tokens, cursor)
  const gerund = words.length >= 1 && isGerund(words[0]?.lower ?? '')
  if (words.length > 0 && (tokens[cursor]?.lower === 'who' || tokens[cursor]?.lower === 'that' || reduced || gerund)) {
    const clause: Token[] = []
    let at = cursor
    for (; at < tokens.length && (tokens[at]?.kind === 'word' || quoteMarks.test(tokens[at]?.text ?? '')) && !clauseStarts.has(tokens[at]?.lower ?? '') && clause.length <= MAX_RELATIVE_WORDS; at++) clause.push(tokens[at] as Token)
    const ends = at === tokens.length || clauseEnds.has(tokens[at]?.text ?? '') || clauseStarts.has(tokens[at]?.lower ?? '')
    if (ends && clause.length > 1 && clause.length <= MAX_RELATIVE_WORDS) {
      words.push(...clause) // bounded: MAX_RELATIVE_WORDS
      cursor = at
    }
  }
  // Its abbreviation in parentheses too: "by the Office of Public Affairs (OPA)".
  const [open, abbreviation, close] = [tokens[cursor], tokens[cursor + 1], tokens[cursor + 2]]
  if (words.length > 0 && open?.text === '(' && abbreviation?.kind === 'word' && /^\p{Lu}{2,}s?$/u.test(abbreviation.text) && close?.text === ')') words.push(open, abbreviation, close)
  // "by Friday", "by 5 p.m.", "by the end of June", "by then": a deadline, not who acts.
  const head = (words[0]?.lower === 'the' ? words[1] : words[0])?.lower ?? ''
  if (timeNouns.has(head) || timeWords.has(head) || deadlineWords.has(head) || /^\d/.test(head)) return undefined
  return words.length > 0 ? asWritten(words) : undefined
}

/** A word in -ing made from an everyday verb ("singing", "writing"), not a noun that only ends so ("lightning", "something"). */
function isGerund(word: string): boolean {
  if (!word.endsWith('ing') || participles.has(word)) return false
  const everyday = commonWords(EVERYDAY_VERBS)
  const stem = word.slice(0, -3)
  return stem.length >= 2 && [stem, `${stem}e`, /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : ''].some((form) => form.length >= 2 && everyday.has(form))
}

/** Tokens as the source spaces them: a space where the source has any, none inside `"must"` or `(OPA)`. */
function asWritten(tokens: readonly Token[]): string {
  return tokens.map((token, index) => (index > 0 && (tokens[index - 1]?.position.end.offset ?? 0) < (token.position.start.offset ?? 0) ? ` ${token.text}` : token.text)).join('')
}

const deadlineWords = new Set(['end', 'close', 'start', 'beginning', 'middle', 'deadline', 'noon', 'midnight', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'then'])

/** Whether a word after a form of be reads as an adjective ("will be fit", "was tired"), so it is no passive. */
export function isPredicateAdjective(word: string): boolean {
  return adjectives.has(word.toLowerCase())
}

type Compromise = (text: string) => {verbs(): {toInfinitive(): {text(): string}; conjugate(): Array<Record<string, string>>}; json(): Array<{terms: Array<{tags: string[]}>}>}
let conjugator: Promise<Compromise> | undefined

interface VerbForms {
  readonly base: string
  readonly forms: Record<string, string>
  readonly simplePast: string
}

const verbForms = new Map<string, Promise<VerbForms | undefined>>()
const plurals = new Map<string, Promise<boolean>>()

function loadConjugator(): Promise<Compromise> {
  conjugator ??= import('compromise').then((module) => module.default as unknown as Compromise)
  return conjugator
}

/**
 * A participle's base and forms, worked out once per thread: irregular verbs from faircopy's own list, a regular
 * one's base from compromise, kept only when its past tense is the participle again (so a tagger's slip gives no
 * suggestion rather than a wrong one).
 */
function verbFormsOf(participle: string): Promise<VerbForms | undefined> {
  let known = verbForms.get(participle)
  if (!known) {
    known = loadConjugator().then((nlp) => {
      const irregularForm = irregularBases.get(participle)
      const found = irregularForm?.base ?? nlp(`they have ${participle} it`).verbs().toInfinitive().text().replace(/^they /, '').replace(/ it$/, '')
      const base = americanBases[found] ?? found
      if (!base || base.includes(' ')) return undefined
      const forms = nlp(`they ${base} it`).verbs().conjugate()[0]
      if (!forms?.PresentTense || !forms.Gerund) return undefined
      const simplePast = irregularForm?.past ?? forms.PastTense
      if (!simplePast || (!irregularForm && simplePast !== participle)) return undefined
      return {base, forms, simplePast}
    })
    verbForms.set(participle, known)
  }
  return known
}

/** Whether the head of an agent is a plural noun, as compromise tags it after "the" (alone, "plans" is a verb); once per word. */
function isPlural(word: string): Promise<boolean> {
  let known = plurals.get(word)
  if (!known) {
    known = loadConjugator().then((nlp) => (nlp(`the ${word}`).json()[0]?.terms.at(-1)?.tags ?? []).includes('Plural'))
    plurals.set(word, known)
  }
  return known
}

/** Words after which an agent's noun phrase goes on as a modifier: its head is the word before ("the Office of Public Affairs"). */
const modifierStarts = new Set(['of', 'across', 'from', 'in', 'at', 'on', 'with', 'within', 'throughout', 'around', 'outside', 'inside', 'near'])

/** Words that start a clause inside an agent ("someone who runs the desk"): the head is the word before. */
const clauseHeads = new Set(['who', 'that', 'which'])

/** The head noun of an agent: its last word before a prepositional modifier, a clause or a participle ("managers across the government" → managers). */
function headOf(agent: string): string {
  const words = agent.split(' ')
  const stop = words.findIndex((word, index) => index > 0 && (modifierStarts.has(word.toLowerCase()) || clauseHeads.has(word) || participles.has(word) || /^\p{Ll}+[^e]ed$/u.test(word)))
  return (stop > 0 ? words[stop - 1] : words.at(-1)) ?? ''
}

/** Object pronouns of an agent, as the subject of the active clause: "by me" → "I". */
const subjectCase: Readonly<Record<string, string>> = {me: 'I', us: 'we', him: 'he', her: 'she', them: 'they', whom: 'who'}
const modals = new Set(lists.modal.filter((word) => !word.startsWith("'") && !word.startsWith('’')))

/** A negated auxiliary as written, without its "n't": "won't" is will, "can't" can, "isn't" is. */
function withoutNot(word: string): string {
  const stem = word.replace(/n['’]t$/, '')
  return negatedStems[stem] ?? stem
}

/** The contracted negative of an auxiliary, where English has one ("does not" → "doesn't"). */
const contractedNot: Readonly<Record<string, string>> = {
  does: "doesn't", do: "don't", did: "didn't", has: "hasn't", have: "haven't", had: "hadn't", is: "isn't", are: "aren't", was: "wasn't", were: "weren't",
  will: "won't", can: "can't", would: "wouldn't", could: "couldn't", should: "shouldn't", must: "mustn't"
}

/**
 * The active clause of a passive phrase with an agent, in the phrase's tense and aspect, the agent as written
 * (its capitals kept, a pronoun in the subject case) and the verb agreeing with it: "was approved by the board" →
 * "the board approved", "is being reviewed by staff" → "staff is reviewing", "will be sent by GSA" → "GSA will
 * send", "have been used by agencies" → "agencies have used". A negation stays, as written or contracted, and a
 * simple tense takes "do": "isn't covered by the plan" → "the plan doesn't cover", "was never read by staff" →
 * "staff never read".
 */
async function activeClause(found: PassivePhrase, agent: string): Promise<string | undefined> {
  const written = found.phrase.toLowerCase().split(/\s+/)
  const contracted = written.some((word) => /n['’]t$/.test(word))
  const never = written.includes('never')
  const negated = contracted || written.includes('not') || never
  const words = written.map(withoutNot)
  const known = await verbFormsOf(found.participle)
  if (!known) return undefined
  const {base, forms, simplePast} = known
  const subject = subjectCase[agent.toLowerCase()] ?? agent
  const plural = /^(?:I|we|you|they)$/i.test(subject) || / and /.test(subject) || (await isPlural(headOf(subject)))
  const first = subject === 'I'
  const modal = words.find((word) => modals.has(word))
  const perfect = words.includes('been')
  const progressive = words.includes('being')
  const past = words.some((word) => word === 'was' || word === 'were' || word === 'got' || word === 'had')
  const be = past ? (plural ? 'were' : 'was') : first ? 'am' : plural ? 'are' : 'is'
  const participle = found.participle
  // The auxiliary that carries a negation: "not" after it, or "n't" on it.
  const not = (auxiliary: string) => (never ? `${auxiliary} never` : !negated ? auxiliary : contracted && contractedNot[auxiliary] ? contractedNot[auxiliary] : `${auxiliary} not`)
  let verb: string
  if (modal) verb = perfect ? `${not(modal)} have ${participle}` : progressive ? `${not(modal)} be ${forms.Gerund}` : `${not(modal)} ${base}`
  else if (perfect) verb = `${not(past ? 'had' : plural ? 'have' : 'has')} ${participle}`
  else if (progressive) verb = `${not(be)} ${forms.Gerund}`
  else if (never) verb = `never ${past ? simplePast : plural ? base : (forms.PresentTense ?? base)}`
  else if (negated) verb = `${not(past ? 'did' : plural || first ? 'do' : 'does')} ${base}`
  else verb = past ? simplePast : plural ? base : (forms.PresentTense ?? base)
  return `${subject} ${verb}`
}

/** What to say of a passive phrase: name who acts, and show the active form when the agent and tense allow it. */
export async function describePassive(found: PassivePhrase): Promise<{messageId: 'passive' | 'passive-agent'; data: Record<string, string>; suggestions: string[]}> {
  if (!found.agent) return {messageId: 'passive', data: {phrase: found.phrase}, suggestions: []}
  const clause = await activeClause(found, found.agent)
  return {messageId: 'passive-agent', data: {phrase: found.phrase, agent: found.agent}, suggestions: clause ? [clause] : []}
}
