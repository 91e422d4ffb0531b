import type {Root} from 'nlcst'
import retextEquality from 'retext-equality'
import retextIntensify from 'retext-intensify'
import retextPassive from 'retext-passive'
import retextRepeatedWords from 'retext-repeated-words'
import retextSimplify from 'retext-simplify'
import {unified, type Processor} from 'unified'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {toLocation, type DraftFinding} from '../report/finding.ts'
import {findingsFor, quote, type FindingInput, type RuleMeta} from '../rules.ts'
import {ruleSeverity, type Settings} from '../settings.ts'
import type {SentenceInfo} from './tokens.ts'

export const inclusiveLanguageRule: RuleMeta = {
  id: 'inclusive-language',
  category: 'style',
  defaultSeverity: 'off',
  wcag: [],
  description: 'Words that may exclude or offend some readers (retext-equality).',
  helpUrl: 'https://github.com/retextjs/retext-equality#readme'
}

export const hedgeRule: RuleMeta = {
  id: 'hedge',
  category: 'style',
  defaultSeverity: 'off',
  wcag: [],
  description: 'Hedges, weasel words and fillers that weaken a statement (retext-intensify).',
  helpUrl: 'https://github.com/retextjs/retext-intensify#readme'
}

export const repeatedWordRule: RuleMeta = {
  id: 'repeated-word',
  category: 'style',
  defaultSeverity: 'off',
  wcag: [],
  description: 'The same word twice in a row (retext-repeated-words).',
  helpUrl: 'https://github.com/retextjs/retext-repeated-words#readme'
}

/** "fellow" is an academic title ("research fellow") far more often than a gendered word in articles. */
const EQUALITY_IGNORE = ['fellow', 'fellows']

type NlcstProcessor = Processor<undefined, Root, Root>
const processors = new Map<string, NlcstProcessor>()

/** The built-in retext plugins, built once for each combination of optional style rules and frozen. */
function retextFor(settings: Settings): NlcstProcessor {
  const on = (rule: RuleMeta) => ruleSeverity(settings, rule.id, rule.defaultSeverity) !== 'off'
  const key = [on(inclusiveLanguageRule), on(hedgeRule), on(repeatedWordRule)].join()
  let processor = processors.get(key)
  if (!processor) {
    let builder = unified().use(retextPassive).use(retextSimplify)
    if (on(inclusiveLanguageRule)) builder = builder.use(retextEquality, {ignore: EQUALITY_IGNORE})
    if (on(hedgeRule)) builder = builder.use(retextIntensify)
    if (on(repeatedWordRule)) builder = builder.use(retextRepeatedWords)
    processor = builder.freeze() as unknown as NlcstProcessor
    processors.set(key, processor)
  }
  return processor
}

/** Runs the built-in retext plugins and the user's own over the tree, returning their messages. */
export async function runRetext(tree: Root, source: string, settings: Settings): Promise<{builtIn: VFileMessage[]; user: VFileMessage[]}> {
  const file = new VFile({value: source})
  await retextFor(settings).run(tree, file)
  let user: VFileMessage[] = []
  if (settings.plugins.length > 0) {
    const userFile = new VFile({value: source})
    await unified().use(settings.plugins as never).run(tree, userFile)
    user = userFile.messages
  }
  return {builtIn: file.messages, user}
}

/** The plainer alternatives a retext message offers. */
export function expectedOf(message: VFileMessage): string[] {
  return (message.expected ?? []).filter((value): value is string => typeof value === 'string')
}

export function placeOf(message: VFileMessage): Position | undefined {
  const place = message.place
  return place && 'start' in place ? place : undefined
}

/**
 * Findings of the optional style rules. Proper nouns are left alone: retext-equality would flag "Special" in
 * "Special Operations", so a flagged word that starts with a capital inside a sentence is skipped.
 */
export function checkStyle(messages: readonly VFileMessage[], sentences: readonly SentenceInfo[], settings: Settings, source: string): DraftFinding[] {
  const bySource: Record<string, RuleMeta> = {
    'retext-equality': inclusiveLanguageRule,
    'retext-intensify': hedgeRule,
    'retext-repeated-words': repeatedWordRule
  }
  const inputs = new Map<RuleMeta, FindingInput[]>()
  for (const message of messages) {
    const rule = message.source ? bySource[message.source] : undefined
    const position = placeOf(message)
    if (!rule || !position) continue
    if (rule === inclusiveLanguageRule && isProperNoun(position, source, sentences)) continue
    const expected = expectedOf(message)
    const text = rule === hedgeRule ? hedgeMessage(message, source.slice(position.start.offset, position.end.offset)) : sentence(message.reason)
    inputs.set(rule, [...(inputs.get(rule) ?? []), {position, message: text, suggestions: expected, source: message.source ?? 'faircopy'}])
  }
  return [...inputs].flatMap(([rule, list]) => findingsFor(rule, settings, source, list))
}

/** retext-intensify says "Unexpected weasel word"; an editor wants to know what to do. */
function hedgeMessage(message: VFileMessage, words: string): string {
  if (message.ruleId === 'filler') return `${quote(words)} adds nothing here: cut it.`
  if (message.ruleId === 'hedge') return `${quote(words)} sounds unsure: cut it if you are sure.`
  return `${quote(words)} is vague: cut it or say exactly what you mean.`
}

/** A capitalised word inside a sentence, or one that starts a run of capitalised words ("Special Operations"). */
function isProperNoun(position: Position, source: string, sentences: readonly SentenceInfo[]): boolean {
  const text = source.slice(position.start.offset, position.end.offset)
  if (!/^\p{Lu}/u.test(text)) return false
  const sentence = sentences.find((info) => info.words.some((word) => word.position.start.offset === position.start.offset))
  if (!sentence) return true
  const index = sentence.words.findIndex((word) => word.position.start.offset === position.start.offset)
  return index > 0 || /^\p{Lu}/u.test(sentence.words[index + 1]?.text ?? '')
}

/** A user plugin's messages become findings like any other, in category `style`. */
export function userPluginFindings(messages: readonly VFileMessage[], source: string): DraftFinding[] {
  return messages.flatMap((message): DraftFinding[] => {
    const position = placeOf(message)
    if (!position) return []
    const location = toLocation(position)
    const expected = expectedOf(message)
    return [
      {
        ruleId: message.ruleId ?? message.source ?? 'retext-plugin',
        category: 'style',
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        message: sentence(message.reason),
        excerpt: source.slice(location.start.offset, location.end.offset),
        location,
        suggestions: expected,
        source: message.source ?? 'retext-plugin',
        wcag: [],
        helpUrl: message.url ?? ''
      }
    ]
  })
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}
