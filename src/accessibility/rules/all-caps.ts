import {isEverydayWord} from '../../prose/readability.ts'
import {span, type Token} from '../../prose/tokens.ts'
import type {Rule} from '../../rules.ts'

/** Fewer words in capitals in a row are not a run ("USA TODAY"). */
const MIN_RUN = 3
/**
 * A run is shouting when at least this many of its words are everyday words ("THE HARBOUR CLOSES AT NINE"); a run
 * of acronyms ("GSA PKI SSP", "NASA FBI CIA") has none, and names no one shouts.
 */
const MIN_EVERYDAY = 2

export const allCaps: Rule = {
  meta: {
    id: 'all-caps',
    category: 'accessibility',
    defaultSeverity: 'info',
    wcag: [],
    description: 'A run of three or more words in capitals (not a run of acronyms) is harder to read, and some screen readers spell it out letter by letter.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Techniques/failures/F32',
    highlight: {style: 'a11y', label: 'Accessibility (text)'},
    messages: {caps: 'Write this in sentence case: text in capitals is harder to read and may be spelled out by screen readers.'}
  },
  check(context) {
    for (const sentence of context.sentences) {
      let run: Token[] = []
      const flush = () => {
        const everyday = run.filter((token) => isEverydayWord(token.lower)).length
        if (run.length >= MIN_RUN && everyday >= MIN_EVERYDAY) context.report({position: span(run[0] as Token, run.at(-1) as Token), messageId: 'caps'})
        run = []
      }
      for (const token of sentence.tokens) {
        if (token.kind === 'word' && /\p{Lu}.*\p{Lu}/u.test(token.text) && !/\p{Ll}/u.test(token.text)) run.push(token)
        else if (token.kind === 'word') flush()
      }
      flush()
    }
  }
}
