import {citations, quotations} from '../../prose/quotations.ts'
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
    // Quotations, examples of writing to avoid and cited works (src/prose/quotations.ts) are not the author's to recase.
    const quoted = context.get(quotations)
    const cited = context.get(citations)
    for (const sentence of context.sentences) {
      let run: Token[] = []
      // "A" and "I" are capitals in any case: before or inside a run they belong to it ("A BOOK", "READ A BOOK"), after it not.
      let pending: Token[] = []
      const flush = () => {
        const everyday = run.filter((token) => isEverydayWord(token.lower)).length
        if (run.length >= MIN_RUN && everyday >= MIN_EVERYDAY) {
          const position = span(run[0] as Token, run.at(-1) as Token)
          if (!quoted.overlaps(position) && !cited.overlaps(position)) context.report({position, messageId: 'caps'})
        }
        run = []
        pending = []
      }
      for (const token of sentence.tokens) {
        if (token.kind !== 'word') continue
        if (/^\p{Lu}$/u.test(token.text)) {
          pending.push(token)
        } else if (/\p{Lu}.*\p{Lu}/u.test(token.text) && !/\p{Ll}/u.test(token.text)) {
          for (const waiting of pending) run.push(waiting)
          run.push(token)
          pending = []
        } else {
          flush()
        }
      }
      flush()
    }
  }
}
