import type {Rule} from '../../rules.ts'
import {quote} from '../../wording.ts'
import {termMatches} from '../jargon.ts'
import {RangeIndex} from '../ranges.ts'
import {expectedOf, placeOf, simplifyMessages} from '../retext.ts'

export const plainLanguage: Rule = {
  meta: {
    id: 'plain-language',
    category: 'jargon',
    defaultSeverity: 'info',
    wcag: ['3.1.3'],
    description: 'A wordy word or phrase has a plainer alternative.',
    helpUrl: 'https://github.com/retextjs/retext-simplify#readme',
    highlight: {style: 'plain', label: 'Plainer word available'},
    messages: {
      'use-instead': 'Use {{alternatives}} instead of “{{actual}}”.',
      'leave-out': 'Consider leaving out “{{actual}}”.'
    }
  },
  async check(context) {
    // retext-simplify's phrases first; faircopy's own plainer-word list only where retext-simplify said nothing.
    const simplified = []
    for (const message of await context.get(simplifyMessages)) {
      const position = placeOf(message)
      if (!position) continue
      simplified.push(position)
      const expected = expectedOf(message)
      const actual = message.actual ?? context.source.slice(position.start.offset, position.end.offset)
      context.report({
        position,
        source: 'retext-simplify',
        suggestions: expected,
        ...(expected.length > 0 ? {messageId: 'use-instead', data: {alternatives: expected.map(quote).join(' or '), actual}} : {messageId: 'leave-out', data: {actual}})
      })
    }
    const taken = new RangeIndex(simplified)
    for (const match of context.get(termMatches)) {
      if (match.entry.kind !== 'plain' || taken.overlaps(match.position)) continue
      context.report({
        position: match.position,
        messageId: 'use-instead',
        data: {alternatives: match.entry.replace.map(quote).join(' or '), actual: match.text},
        suggestions: match.entry.replace
      })
    }
  }
}
