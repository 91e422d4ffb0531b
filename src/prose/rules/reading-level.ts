import type {Rule} from '../../rules.ts'
import {documentReadability} from '../readability.ts'

export const readingLevel: Rule = {
  meta: {
    id: 'reading-level',
    category: 'readability',
    defaultSeverity: 'warning',
    wcag: ['3.1.5'],
    description: 'The article as a whole reads above its target grade.',
    helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reading-level.html',
    messages: {
      'above-target': 'The article reads at grade {{grade}}, above its target of grade {{target}}: shorten sentences and prefer shorter words.'
    }
  },
  async check(context) {
    const readability = await context.get(documentReadability)
    if (readability.words === 0 || readability.gradeLevel <= readability.targetGrade) return
    context.report({
      position: context.article.firstLine,
      scope: 'document',
      messageId: 'above-target',
      data: {grade: readability.gradeLevel, target: readability.targetGrade},
      // A new score must not make the finding new: its fingerprint is the rule's alone.
      fingerprintBasis: 'document'
    })
  }
}
