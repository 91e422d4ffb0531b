import type {Root} from 'nlcst'
import retextPassive from 'retext-passive'
import retextReadability from 'retext-readability'
import retextSimplify from 'retext-simplify'
import {unified, type Processor} from 'unified'
import type {Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {excerptAt, toLocation, type DraftFinding} from '../report/finding.ts'
import type {Jargon, PassiveVoice, Readability} from '../report/schema.ts'
import {ruleSeverity, type Settings} from '../settings.ts'
import {measureReadability, proseSentences} from './readability.ts'
import {proseRules, type ProseRuleId} from './rules.ts'
import {countUncommonWords} from './uncommon.ts'

export interface ProseResult {
  readonly findings: DraftFinding[]
  readonly readability: Readability
  readonly passiveVoice: PassiveVoice
  readonly jargon: Jargon
}

type NlcstProcessor = Processor<undefined, Root, Root>
const processors = new Map<number, NlcstProcessor>()

/** retext processors are built once per target age and frozen. */
function retextFor(targetGrade: number): NlcstProcessor {
  const age = Math.round(targetGrade + 5)
  let processor = processors.get(age)
  if (!processor) {
    processor = unified()
      .use(retextReadability, {age})
      .use(retextPassive)
      .use(retextSimplify)
      .freeze() as unknown as NlcstProcessor
    processors.set(age, processor)
  }
  return processor
}

export async function checkProse(tree: Root, source: string, settings: Settings): Promise<ProseResult> {
  const file = new VFile({value: source})
  await retextFor(settings.targetGrade).run(tree, file)
  const findings = file.messages.flatMap((message) => fromMessage(message, source, settings))
  const sentences = proseSentences(tree)
  const readability = measureReadability(tree, sentences, settings.targetGrade)
  findings.push(...readingLevel(readability, tree, settings))
  const passiveStarts = findings.filter((finding) => finding.ruleId === 'passive-voice').map((finding) => finding.location.start.offset)
  const passiveSentences = sentences.filter((sentence) =>
    passiveStarts.some((offset) => offset >= (sentence.position?.start.offset ?? 0) && offset < (sentence.position?.end.offset ?? 0))
  ).length
  const uncommon = countUncommonWords(sentences)
  return {
    findings,
    readability,
    passiveVoice: {
      sentences: sentences.length,
      passiveSentences,
      percent: percent(passiveSentences, sentences.length)
    },
    jargon: {
      byKind: {'plain-language': findings.filter((finding) => finding.ruleId === 'plain-language').length},
      uncommonWords: uncommon.uncommon,
      uncommonWordPercent: percent(uncommon.uncommon, uncommon.words)
    }
  }
}

const ruleBySource: Readonly<Record<string, ProseRuleId>> = {
  'retext-readability': 'hard-sentence',
  'retext-passive': 'passive-voice',
  'retext-simplify': 'plain-language'
}

function fromMessage(message: VFileMessage, source: string, settings: Settings): DraftFinding[] {
  const ruleId = message.source ? ruleBySource[message.source] : undefined
  const place = message.place
  if (!ruleId || !place || !('start' in place)) return []
  const rule = proseRules[ruleId]
  const severity = ruleSeverity(settings, ruleId, rule.defaultSeverity)
  if (severity === 'off') return []
  const location = toLocation(place as Position)
  const excerpt = excerptAt(source, location)
  const expected = (message.expected ?? []).filter((value): value is string => typeof value === 'string')
  return [
    {
      ruleId,
      category: rule.category,
      severity,
      message: describe(ruleId, message, expected, settings.targetGrade),
      excerpt,
      location,
      suggestions: expected,
      source: rule.source,
      wcag: [...rule.wcag],
      helpUrl: message.url ?? rule.helpUrl
    }
  ]
}

function describe(ruleId: ProseRuleId, message: VFileMessage, expected: string[], targetGrade: number): string {
  const actual = message.actual ?? ''
  switch (ruleId) {
    case 'hard-sentence': {
      const agreeing = /(\d+) out of (\d+)|all (\d+)/.exec(message.reason)
      const votes = agreeing ? (agreeing[1] ? `${agreeing[1]} of ${agreeing[2]}` : `all ${agreeing[3]}`) : 'most'
      return `This sentence is hard to read: ${votes} readability formulas place it above grade ${targetGrade}.`
    }
    case 'passive-voice':
      return `“${actual}” is passive voice: say who did it.`
    case 'plain-language':
      return expected.length > 0
        ? `Use ${expected.map((word) => `“${word}”`).join(' or ')} instead of “${actual}”.`
        : `Consider leaving out “${actual}”.`
    default:
      return message.reason
  }
}

function readingLevel(readability: Readability, tree: Root, settings: Settings): DraftFinding[] {
  const rule = proseRules['reading-level']
  const severity = ruleSeverity(settings, rule.id, rule.defaultSeverity)
  if (severity === 'off' || readability.words === 0 || readability.gradeLevel <= readability.targetGrade || !tree.position) return []
  return [
    {
      ruleId: rule.id,
      category: rule.category,
      severity,
      message: `The article reads at grade ${readability.gradeLevel}, above its target of grade ${readability.targetGrade}: shorten sentences and prefer shorter words.`,
      excerpt: '',
      location: toLocation({start: tree.position.start, end: tree.position.start}),
      suggestions: [],
      source: rule.source,
      wcag: [...rule.wcag],
      helpUrl: rule.helpUrl,
      fingerprintBasis: 'document'
    }
  ]
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10
}
