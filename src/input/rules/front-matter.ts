import type {Rule} from '../../rules.ts'
import {lineAt} from '../positions.ts'

const names = {yaml: 'YAML', toml: 'TOML', json: 'JSON'} as const

export const frontMatter: Rule = {
  meta: {
    id: 'front-matter',
    category: 'input',
    defaultSeverity: 'warning',
    wcag: [],
    description: 'The front matter does not parse: its title and settings are not read (it is never read as prose either).',
    helpUrl: 'https://gohugo.io/content-management/front-matter/',
    messages: {
      invalid: 'This {{format}} front matter does not parse ({{reason}}): fix it, or site generators may not read the title and settings either.',
      'duplicate-key': 'This YAML front matter gives a key twice; the last one counts: remove the other.'
    }
  },
  check(context) {
    const matter = context.article.frontMatter
    if (!matter?.problem) return
    const position = lineAt(context.source, matter.problem.offset, context.article.place)
    if (!position) return
    context.report({
      position,
      ...(matter.problem.kind === 'duplicate-key' ? {messageId: 'duplicate-key'} : {messageId: 'invalid', data: {format: names[matter.format], reason: matter.problem.message}})
    })
  }
}
