import type {Rule} from '../../rules.ts'

const names = {
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Latin-1), since it is not valid UTF-8'
} as const

export const encoding: Rule = {
  meta: {
    id: 'encoding',
    category: 'input',
    defaultSeverity: 'warning',
    wcag: [],
    description: 'The file is not UTF-8: faircopy read it as UTF-16 or Windows-1252 (Latin-1), and says so.',
    helpUrl: 'https://www.w3.org/International/questions/qa-choosing-encodings',
    messages: {'not-utf-8': 'This file was read as {{encoding}}: save it as UTF-8 so that every tool reads the same characters.'}
  },
  check(context) {
    // One warning at the top of the article: the web and most tools expect UTF-8.
    if (context.encoding === 'utf-8') return
    context.report({position: context.article.firstLine, scope: 'document', messageId: 'not-utf-8', data: {encoding: names[context.encoding]}, fingerprintBasis: 'document'})
  }
}
