import {createRequire} from 'node:module'
import type axeCore from 'axe-core'
import {allCaps} from './accessibility/rules/all-caps.ts'
import {imageAltEmpty} from './accessibility/rules/image-alt-empty.ts'
import {imageAltText} from './accessibility/rules/image-alt-text.ts'
import {linkTextRule} from './accessibility/rules/link-text.ts'
import {encoding} from './input/rules/encoding.ts'
import {frontMatter} from './input/rules/front-matter.ts'
import {mdx} from './input/rules/mdx.ts'
import type {Encoding} from './input/read.ts'
import type {ParsedArticle} from './input/parse.ts'
import {proseTree} from './prose/nlcst.ts'
import {conjunctionStart} from './prose/rules/conjunction-start.ts'
import {hardSentence} from './prose/rules/hard-sentence.ts'
import {hedge} from './prose/rules/hedge.ts'
import {inclusiveLanguage} from './prose/rules/inclusive-language.ts'
import {jargon} from './prose/rules/jargon.ts'
import {passiveVoice} from './prose/rules/passive-voice.ts'
import {plainLanguage} from './prose/rules/plain-language.ts'
import {readingLevel} from './prose/rules/reading-level.ts'
import {repeatedWord} from './prose/rules/repeated-word.ts'
import {uncommonWord} from './prose/rules/uncommon-word.ts'
import {undefinedAcronym} from './prose/rules/undefined-acronym.ts'
import {veryHardSentence} from './prose/rules/very-hard-sentence.ts'
import {readSentences, type SentenceInfo} from './prose/tokens.ts'
import {excerptAt, toLocation, type DraftFinding} from './report/finding.ts'
import {unknownSuppression} from './report/rules/unknown-suppression.ts'
import {unusedSuppression} from './report/rules/unused-suppression.ts'
import type {Category} from './report/schema.ts'
import {formatMessage, type AuditContext, type ReportInput, type Rule, type RuleContext, type RuleMeta, type Shared} from './rules.ts'
import type {Settings} from './settings.ts'
import {nearestName} from './validation.ts'

/**
 * Every rule faircopy itself checks, in the order the audit runs them and the README lists them. A rule's findings
 * never depend on the order: what several rules need (sentence scores, term matches) is shared, computed once.
 */
export const builtInRules: readonly Rule[] = [
  readingLevel,
  hardSentence,
  veryHardSentence,
  passiveVoice,
  plainLanguage,
  jargon,
  uncommonWord,
  undefinedAcronym,
  imageAltEmpty,
  imageAltText,
  linkTextRule,
  allCaps,
  inclusiveLanguage,
  hedge,
  repeatedWord,
  conjunctionStart,
  encoding,
  frontMatter,
  mdx,
  unknownSuppression,
  unusedSuppression
]

/** What one audit gives the rules: the article, parsed once, its source and the settings. */
export interface AuditInput {
  readonly article: ParsedArticle
  readonly source: string
  readonly encoding: Encoding
  readonly settings: Settings
  /** Called before each rule: throws when the audit's time is up (`E_TIMEOUT`). */
  readonly checkpoint?: (() => void) | undefined
}

/** What running the rules over one article gave: their findings, the rules that ran, and the audit's shared results. */
export interface RulesRun {
  readonly findings: readonly DraftFinding[]
  readonly ran: readonly RuleMeta[]
  readonly audit: AuditContext
}

let axeRules: ReadonlySet<string> | undefined

/** axe-core's rule ids. axe-core loads only when an id is not faircopy's: a run whose rules are all faircopy's starts faster. */
function axeRuleIds(): ReadonlySet<string> {
  axeRules ??= new Set((createRequire(import.meta.url)('axe-core') as typeof axeCore).getRules().map((rule) => rule.ruleId))
  return axeRules
}

/** The rules of a run, by id: faircopy's own and the user's. It drives the audit and answers every question about a rule. */
export class Registry {
  private readonly byId = new Map<string, Rule>()

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      if (this.byId.has(rule.meta.id)) throw new Error(`Two rules have the id "${rule.meta.id}".`)
      this.byId.set(rule.meta.id, rule)
    }
  }

  /** This registry with the user's rules after faircopy's. */
  with(custom: readonly Rule[]): Registry {
    return custom.length === 0 ? this : new Registry([...this.rules, ...custom])
  }

  get(id: string): Rule | undefined {
    return this.byId.get(id)
  }

  get metas(): RuleMeta[] {
    return this.rules.map((rule) => rule.meta)
  }

  /** Whether `rules` may name this id: one of these rules, or one of axe-core's. */
  isKnown(id: string): boolean {
    return this.byId.has(id) || axeRuleIds().has(id)
  }

  /** The known id nearest to a misspelt one, within two edits. */
  suggest(id: string): string | undefined {
    return nearestName(id, [...this.byId.keys(), ...axeRuleIds()])
  }

  /** Runs every rule that is on over one article, in order (only those of the `only` categories, when given), and returns their findings. */
  async run(input: AuditInput, only?: readonly Category[]): Promise<RulesRun> {
    const audit = auditContext(input)
    const findings: DraftFinding[] = []
    const ran: RuleMeta[] = []
    for (const rule of this.rules) {
      const setting = input.settings.rules[rule.meta.id]
      const severity = setting?.severity ?? rule.meta.defaultSeverity
      if (severity === 'off' || (only !== undefined && !only.includes(rule.meta.category))) continue
      ran.push(rule.meta)
      input.checkpoint?.()
      await rule.check(ruleContext(audit, rule.meta, severity, setting?.options ?? {}, findings))
    }
    return {findings, ran, audit}
  }
}

/** faircopy's own rules. */
export const registry = new Registry(builtInRules)

/** The rules an audit with these settings runs: faircopy's and the user's own. */
export function registryFor(settings: Pick<Settings, 'customRules'>): Registry {
  return registry.with(settings.customRules)
}

function auditContext(input: AuditInput): AuditContext {
  const memo = new Map<Shared<unknown>, unknown>()
  let sentences: readonly SentenceInfo[] | undefined
  const audit: AuditContext = {
    article: input.article,
    tree: input.article.tree,
    source: input.source,
    encoding: input.encoding,
    settings: input.settings,
    get sentences() {
      sentences ??= readSentences(audit.get(proseTree))
      return sentences
    },
    get<T>(result: Shared<T>): T {
      if (!memo.has(result)) memo.set(result, result.compute(audit))
      return memo.get(result) as T
    }
  }
  return audit
}

function ruleContext(audit: AuditContext, meta: RuleMeta, severity: RuleContext['severity'], options: unknown, findings: DraftFinding[]): RuleContext {
  return {
    article: audit.article,
    tree: audit.tree,
    source: audit.source,
    encoding: audit.encoding,
    settings: audit.settings,
    get sentences() {
      return audit.sentences
    },
    get: (result) => audit.get(result),
    rule: meta,
    severity,
    options,
    report(input) {
      findings.push(draftFinding(meta, severity, audit.source, input))
    }
  }
}

/** A finding of a rule, from what its check reports: the message from its template, the excerpt from the source. */
export function draftFinding(meta: RuleMeta, severity: RuleContext['severity'], source: string, input: ReportInput): DraftFinding {
  const template = meta.messages[input.messageId]
  if (input.message === undefined && template === undefined) throw new Error(`The rule ${meta.id} reported the message id "${input.messageId}", which its meta.messages lacks.`)
  const location = toLocation(input.position)
  return {
    ruleId: meta.id,
    messageId: input.messageId,
    category: meta.category,
    severity,
    message: input.message ?? formatMessage(template as string, input.data),
    excerpt: excerptAt(source, location),
    location,
    suggestions: [...(input.suggestions ?? [])],
    source: input.source ?? meta.source ?? 'faircopy',
    wcag: [...meta.wcag],
    helpUrl: meta.helpUrl,
    ...(input.fingerprintBasis === undefined ? {} : {fingerprintBasis: input.fingerprintBasis}),
    ...(input.scope === undefined ? {} : {scope: input.scope})
  }
}
