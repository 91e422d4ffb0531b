import type {Rule} from '../../rules.ts'
import {shorten} from '../../wording.ts'
import {altTextProblem, articleElements} from '../content.ts'

export const imageAltText: Rule = {
  meta: {
    id: 'image-alt-text',
    category: 'accessibility',
    defaultSeverity: 'warning',
    wcag: ['1.1.1'],
    description: 'Alt text that does not describe the image: a file name, a generic word, "photo of …", or over 150 characters.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html',
    messages: {
      'file-name': 'The alt text “{{alt}}” is a file name: say what the image shows.',
      generic: 'The alt text “{{alt}}” is a generic word: say what the image shows.',
      'says-image': 'The alt text “{{alt}}” starts by saying it is an image: say what the image shows.',
      'too-long': 'The alt text “{{alt}}” is {{length}} characters long: say what the image shows.'
    }
  },
  check(context) {
    for (const {element, position} of context.get(articleElements).images) {
      const alt = element.properties['alt']
      const problem = typeof alt === 'string' ? altTextProblem(alt) : undefined
      if (typeof alt === 'string' && problem) context.report({position, messageId: problem.messageId, data: {...problem.data, alt: shorten(alt)}})
    }
  }
}
