import type {Rule} from '../../rules.ts'
import {lineAt} from '../positions.ts'

export const mdx: Rule = {
  meta: {
    id: 'mdx',
    category: 'input',
    defaultSeverity: 'warning',
    wcag: [],
    description: 'An MDX file that does not parse as MDX: faircopy read it as Markdown, so JSX and expressions may be read as prose.',
    helpUrl: 'https://mdxjs.com/docs/troubleshooting-mdx/',
    messages: {unparsable: 'This MDX does not parse here ({{reason}}), so the file was read as Markdown: fix it, or the site will not build either.'}
  },
  check(context) {
    const problem = context.article.mdxProblem
    if (!problem) return
    const position = lineAt(context.source, problem.offset, context.article.place)
    if (position) context.report({position, messageId: 'unparsable', data: {reason: problem.message}})
  }
}
