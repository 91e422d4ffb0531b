import {allCapsRule, altTextRule, emptyMarkdownAltRule, linkTextRule} from './accessibility/content.ts'
import {encodingRule} from './input/encoding.ts'
import {acronymRule} from './prose/acronyms.ts'
import {hardSentenceRule, readingLevelRule, veryHardSentenceRule} from './prose/hard-sentences.ts'
import {jargonRule, plainLanguageRule} from './prose/jargon.ts'
import {passiveRule} from './prose/passive.ts'
import {hedgeRule, inclusiveLanguageRule, repeatedWordRule} from './prose/style.ts'
import {uncommonWordRule} from './prose/uncommon.ts'
import type {RuleMeta} from './rules.ts'

/** Every rule faircopy itself checks (axe-core's rules come from axe-core), in the order the README lists them. */
export const faircopyRules: readonly RuleMeta[] = [
  readingLevelRule,
  hardSentenceRule,
  veryHardSentenceRule,
  passiveRule,
  plainLanguageRule,
  jargonRule,
  uncommonWordRule,
  acronymRule,
  emptyMarkdownAltRule,
  altTextRule,
  linkTextRule,
  allCapsRule,
  inclusiveLanguageRule,
  hedgeRule,
  repeatedWordRule,
  encodingRule
]
