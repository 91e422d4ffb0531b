import type {Rule} from '../../rules.ts'
import {quote} from '../../wording.ts'
import {termMatches} from '../jargon.ts'
import {inflectAll} from '../terms.ts'

export const jargon: Rule = {
  meta: {
    id: 'jargon',
    category: 'jargon',
    defaultSeverity: 'warning',
    wcag: ['3.1.3'],
    description: 'A buzzword or a term of a trade that general readers may not know.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/unusual-words.html',
    highlight: {style: 'jargon', label: 'Jargon'},
    messages: {
      try: '“{{term}}” is {{trade}}: try {{alternatives}}.',
      explain: '“{{term}}” is {{trade}}: explain it the first time you use it.'
    }
  },
  async check(context) {
    // A term with a plainer word is reported at every use; one without is explained once.
    const explained = new Set<string>()
    for (const match of await context.get(termMatches)) {
      if (match.entry.kind === 'plain' || match.entry.kind === 'simplify') continue
      const trade = match.entry.kind === 'custom' ? 'jargon' : `${match.entry.kind} jargon`
      const replace = inflectAll(match.entry.replace, match.form)
      if (replace.length === 0) {
        const key = match.entry.term.toLowerCase()
        if (explained.has(key)) continue
        explained.add(key)
      }
      context.report({
        position: match.position,
        suggestions: replace,
        ...(replace.length > 0 ? {messageId: 'try', data: {term: match.text, trade, alternatives: replace.map(quote).join(' or ')}} : {messageId: 'explain', data: {term: match.text, trade}})
      })
    }
  }
}
