import type {Rule} from '../../rules.ts'
import {quote} from '../../wording.ts'
import {simplifyMatches, termMatches} from '../jargon.ts'
import {RangeIndex} from '../ranges.ts'
import {inflect} from '../terms.ts'

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
    // retext-simplify's phrases first; its list in other inflections and faircopy's own list only where it said nothing.
    const taken = []
    for (const match of await context.get(simplifyMatches)) {
      taken.push(match.position)
      const expected = match.suggestions
      context.report({
        position: match.position,
        source: 'retext-simplify',
        suggestions: expected,
        ...(expected.length > 0 ? {messageId: 'use-instead', data: {alternatives: expected.map(quote).join(' or '), actual: match.actual}} : {messageId: 'leave-out', data: {actual: match.actual}})
      })
    }
    const covered = new RangeIndex(taken)
    for (const match of await context.get(termMatches)) {
      if ((match.entry.kind !== 'plain' && match.entry.kind !== 'simplify') || covered.overlaps(match.position)) continue
      const expected = match.entry.replace.map((suggestion) => inflect(suggestion, match.form))
      context.report({
        position: match.position,
        ...(match.entry.kind === 'simplify' ? {source: 'retext-simplify'} : {}),
        suggestions: expected,
        ...(expected.length > 0 ? {messageId: 'use-instead', data: {alternatives: expected.map(quote).join(' or '), actual: match.text}} : {messageId: 'leave-out', data: {actual: match.text}})
      })
    }
  }
}
