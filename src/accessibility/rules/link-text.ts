import type {Rule} from '../../rules.ts'
import {shorten} from '../../wording.ts'
import {articleElements, contextNamesLink, isBareUrl, isVagueLinkText, linkText} from '../content.ts'

export const linkTextRule: Rule = {
  meta: {
    id: 'link-text',
    category: 'accessibility',
    defaultSeverity: 'warning',
    wcag: ['2.4.4'],
    description: 'Link text that says nothing out of context: "click here", "read more", a bare URL whose sentence does not say what it is.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html',
    messages: {vague: 'The link text “{{text}}” says nothing out of context: name where it leads.'}
  },
  check(context) {
    for (const {element, position, block} of context.get(articleElements).links) {
      const text = linkText(element)
      if (text === '' || !isVagueLinkText(text)) continue
      // A bare address whose sentence or list item says what it is has its purpose in context.
      if (isBareUrl(text) && contextNamesLink(block)) continue
      context.report({position, messageId: 'vague', data: {text: shorten(text)}})
    }
  }
}
