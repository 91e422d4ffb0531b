import type {Rule} from '../../rules.ts'
import lists from '../data/conjunctions.json' with {type: 'json'}

const conjunctions = new Set(lists.conjunctions)

/** The worked example of CONTRIBUTING.md: one module, one registry line, one fixture. */
export const conjunctionStart: Rule = {
  meta: {
    id: 'conjunction-start',
    category: 'style',
    defaultSeverity: 'off',
    wcag: [],
    description: 'A sentence starts with a conjunction (and, but, or, nor, so, yet): often a fragment of the sentence before it.',
    helpUrl: 'https://www.npmjs.com/package/faircopy#rules',
    highlight: {style: 'style', label: 'Style'},
    messages: {conjunction: 'This sentence starts with “{{word}}”: join it to the sentence before, or start it another way.'}
  },
  check(context) {
    for (const {heading, tokens} of context.sentences) {
      const first = tokens[0]
      if (!heading && first?.kind === 'word' && conjunctions.has(first.lower)) context.report({position: first.position, messageId: 'conjunction', data: {word: first.text}})
    }
  }
}
