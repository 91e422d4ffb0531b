import type {Root} from 'nlcst'
import {unified, type Plugin, type Processor} from 'unified'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {toLocation, type DraftFinding} from '../report/finding.ts'
import {type AuditContext, type ReportInput, type Rule, type RuleContext, type RuleMeta} from '../rules.ts'
import {asSentence} from '../wording.ts'
import {proseTree} from './nlcst.ts'

type NlcstProcessor = Processor<undefined, Root, Root>
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPlugin = Plugin<any[], Root>

/** One frozen processor per plugin and options, built once per thread. */
const processors = new Map<AnyPlugin, Map<string, NlcstProcessor>>()

function processorFor(plugin: AnyPlugin, options: unknown): NlcstProcessor {
  const byOptions = processors.get(plugin) ?? new Map<string, NlcstProcessor>()
  processors.set(plugin, byOptions)
  const key = JSON.stringify(options ?? null)
  let processor = byOptions.get(key)
  if (!processor) {
    processor = (options === undefined ? unified().use(plugin) : unified().use(plugin, options)).freeze() as unknown as NlcstProcessor
    byOptions.set(key, processor)
  }
  return processor
}

/** Runs one retext plugin over the article's prose tree and returns its messages. */
export async function retextMessages(audit: AuditContext, plugin: AnyPlugin, options?: unknown): Promise<VFileMessage[]> {
  const file = new VFile({value: audit.source})
  await processorFor(plugin, options).run(audit.get(proseTree), file)
  return file.messages
}

/** The plainer alternatives a retext message offers. */
export function expectedOf(message: VFileMessage): string[] {
  return (message.expected ?? []).filter((value): value is string => typeof value === 'string')
}

export function placeOf(message: VFileMessage): Position | undefined {
  const place = message.place
  return place && 'start' in place ? place : undefined
}

/** The user's own retext plugins, run over the prose tree after every rule: their messages become `style` findings. */
export async function userPluginFindings(audit: AuditContext): Promise<DraftFinding[]> {
  if (audit.settings.plugins.length === 0) return []
  const file = new VFile({value: audit.source})
  await unified().use(audit.settings.plugins as never).run(audit.get(proseTree), file)
  return file.messages.flatMap((message): DraftFinding[] => {
    const position = placeOf(message)
    if (!position) return []
    const location = toLocation(position)
    return [
      {
        ruleId: message.ruleId ?? message.source ?? 'retext-plugin',
        category: 'style',
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        message: asSentence(message.reason),
        excerpt: audit.source.slice(location.start.offset, location.end.offset),
        location,
        suggestions: expectedOf(message),
        source: message.source ?? 'retext-plugin',
        wcag: [],
        helpUrl: message.url ?? ''
      }
    ]
  })
}

/** What a retext-backed rule says of one message: a message id with data or the plugin's own words; nothing to skip it. */
export type Say = (message: VFileMessage, words: string, context: RuleContext) => Omit<ReportInput, 'position' | 'suggestions'> | undefined

/** What an optional style rule over one retext plugin declares; the rest of its meta follows from the plugin. */
export interface RetextRuleMeta extends Pick<RuleMeta, 'id' | 'description' | 'presets' | 'messages'> {
  /** The plugin's npm name: the findings' `source`, and its readme is the help link. */
  readonly plugin: string
}

/**
 * An optional style rule that passes on one retext plugin's messages, each at its place with the plugin's
 * suggestions, worded by `say`: category `style`, off unless a preset or the user turns it on, drawn as Style.
 */
export function retextRule(meta: RetextRuleMeta, plugin: AnyPlugin, say: Say, options?: unknown): Rule {
  const {plugin: name, ...own} = meta
  return {
    meta: {
      ...own,
      category: 'style',
      defaultSeverity: 'off',
      wcag: [],
      helpUrl: `https://github.com/retextjs/${name}#readme`,
      highlight: {style: 'style', label: 'Style'},
      source: name
    },
    async check(context) {
      for (const message of await retextMessages(context, plugin, options)) {
        const position = placeOf(message)
        const said = position && say(message, context.source.slice(position.start.offset, position.end.offset), context)
        if (position && said) context.report({position, suggestions: expectedOf(message), ...said})
      }
    }
  }
}
