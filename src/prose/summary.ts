import type {RulesRun} from '../registry.ts'
import type {Jargon, PassiveVoice, Readability} from '../report/schema.ts'
import {passivePhrases} from './passive.ts'
import {documentReadability} from './readability.ts'
import {uncommonWords} from './uncommon.ts'

/** The report's prose sections, from the rules' shared results: they are there whether or not each rule is on. */
export async function proseSections(rules: RulesRun): Promise<{readability: Readability; passiveVoice: PassiveVoice; jargon: Jargon}> {
  const readability = await rules.audit.get(documentReadability)
  // The share of prose sentences (headings left out) with a passive phrase.
  const passive = new Set(rules.audit.get(passivePhrases).flatMap((found) => (found.sentence.heading ? [] : [found.sentence]))).size
  // The jargon rules' findings, counted before suppression.
  const byKind: Record<string, number> = {}
  for (const finding of rules.findings) if (finding.category === 'jargon') byKind[finding.ruleId] = (byKind[finding.ruleId] ?? 0) + 1
  const uncommon = await rules.audit.get(uncommonWords)
  return {
    readability,
    passiveVoice: {sentences: readability.sentences, passiveSentences: passive, percent: percent(passive, readability.sentences)},
    jargon: {byKind, uncommonWords: uncommon.uncommon.length, uncommonWordPercent: percent(uncommon.uncommon.length, uncommon.words)}
  }
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10
}
