import {z} from 'zod'
import type {Rule} from '../../rules.ts'
import {findUndefinedAcronyms} from '../acronyms.ts'
import {citations} from '../quotations.ts'

const options = z
  .object({allow: z.array(z.string().min(1)).default([]).describe('Acronyms that need no definition, added to the universal ones (U.S., UN, TV, CEO, …).')})
  .strict()

export const undefinedAcronym: Rule<z.infer<typeof options>> = {
  meta: {
    id: 'undefined-acronym',
    category: 'jargon',
    defaultSeverity: 'warning',
    wcag: ['3.1.4'],
    description: 'An abbreviation is used before the article says what it stands for.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/abbreviations.html',
    highlight: {style: 'acronym', label: 'Undefined acronym'},
    messages: {'spell-out': 'Spell out “{{acronym}}” the first time it is used, as “Full Name ({{acronym}})”.'},
    options
  },
  check(context) {
    // Cited works (a "Footnotes" or "References" section) set authors and titles in capitals: no acronyms there.
    const cited = context.get(citations)
    for (const token of findUndefinedAcronyms(context.sentences, context.options.allow)) {
      if (cited.overlaps(token.position)) continue
      context.report({position: token.position, messageId: 'spell-out', data: {acronym: token.text}})
    }
  }
}
