import type {Rule} from '../../rules.ts'
import {quote} from '../../wording.ts'
import {termMatches} from '../jargon.ts'
import {inflectAll} from '../terms.ts'

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
    // retext-simplify's list and faircopy's own, each term in its sense and in any inflection (the matcher's).
    for (const match of await context.get(termMatches)) {
      if (match.entry.kind !== 'plain' && match.entry.kind !== 'simplify') continue
      const expected = inflectAll(match.entry.replace, match.form)
      context.report({
        position: match.position,
        ...(match.entry.kind === 'simplify' ? {source: 'retext-simplify'} : {}),
        suggestions: expected,
        ...(expected.length > 0 ? {messageId: 'use-instead', data: {alternatives: expected.map(quote).join(' or '), actual: match.text}} : {messageId: 'leave-out', data: {actual: match.text}})
      })
    }
  }
}
