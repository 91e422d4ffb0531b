import {z} from 'zod'
import type {Rule} from '../../rules.ts'
import {DEFAULT_COMMON_WORDS, uncommonWords} from '../uncommon.ts'

const options = z
  .object({
    commonWords: z.number().int().positive().default(DEFAULT_COMMON_WORDS).describe('How many of the most frequent English words count as common.')
  })
  .strict()

export const uncommonWord: Rule<z.infer<typeof options>> = {
  meta: {
    id: 'uncommon-word',
    category: 'jargon',
    // Off by default: on a judged random sample of its findings over real pages only 9 of 80 were right (see the
    // README's Accuracy section), and no frequency threshold of the list lifts that above a third.
    defaultSeverity: 'off',
    wcag: ['3.1.3'],
    description: 'A word outside the most frequent English words; many readers will not know it. Off by default: word frequency alone is a poor judge of what readers know.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/unusual-words.html',
    highlight: {style: 'uncommon', label: 'Uncommon word'},
    messages: {uncommon: '“{{word}}” is not a common word: use a more familiar one, or explain it.'},
    options
  },
  async check(context) {
    // One finding per distinct word, at its first use.
    const seen = new Set<string>()
    for (const token of (await context.get(uncommonWords)).uncommon) {
      if (seen.has(token.lower)) continue
      seen.add(token.lower)
      context.report({position: token.position, messageId: 'uncommon', data: {word: token.text}})
    }
  }
}
