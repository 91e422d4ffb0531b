import type {Rule} from '../../rules.ts'
import {articleElements} from '../content.ts'

export const imageAltEmpty: Rule = {
  meta: {
    id: 'image-alt-empty',
    category: 'accessibility',
    defaultSeverity: 'error',
    wcag: ['1.1.1'],
    description: 'A Markdown image with no alt text: axe accepts alt="" as decorative, but in an article it is almost always a missing description.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html',
    messages: {empty: 'This image has no alt text: describe it between the brackets, ![like this](…).'}
  },
  check(context) {
    // Raw HTML's alt="" is left alone: there the author chose it.
    for (const {element, position} of context.get(articleElements).images) {
      if (element.properties['alt'] === '' && context.source.startsWith('![', position.start.offset ?? -1)) context.report({position, messageId: 'empty'})
    }
  }
}
