import type {Category, Severity} from '../report/schema.ts'

/** What every faircopy rule declares beside its check, like an ESLint rule's `meta`. */
export interface RuleMeta {
  readonly id: string
  readonly category: Category
  readonly defaultSeverity: Severity
  readonly wcag: readonly string[]
  readonly source: string
  readonly description: string
  readonly helpUrl: string
}

export const proseRules = {
  'reading-level': {
    id: 'reading-level',
    category: 'readability',
    defaultSeverity: 'warning',
    wcag: ['3.1.5'],
    source: 'faircopy',
    description: 'The article as a whole reads above its target grade.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html'
  },
  'hard-sentence': {
    id: 'hard-sentence',
    category: 'readability',
    defaultSeverity: 'warning',
    wcag: ['3.1.5'],
    source: 'retext-readability',
    description: 'Most readability formulas put this sentence above the target grade.',
    helpUrl: 'https://github.com/retextjs/retext-readability#readme'
  },
  'passive-voice': {
    id: 'passive-voice',
    category: 'passive-voice',
    defaultSeverity: 'info',
    wcag: [],
    source: 'retext-passive',
    description: 'A passive verb hides who acts.',
    helpUrl: 'https://github.com/retextjs/retext-passive#readme'
  },
  'plain-language': {
    id: 'plain-language',
    category: 'jargon',
    defaultSeverity: 'info',
    wcag: ['3.1.5'],
    source: 'retext-simplify',
    description: 'A wordy word or phrase has a plainer alternative.',
    helpUrl: 'https://github.com/retextjs/retext-simplify#readme'
  }
} as const satisfies Record<string, RuleMeta>

export type ProseRuleId = keyof typeof proseRules
