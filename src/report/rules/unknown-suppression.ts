import {registryFor} from '../../registry.ts'
import type {Rule} from '../../rules.ts'
import {articleControls} from '../suppress.ts'

/** A suppression comment that names a rule no one has: a typo there silently switches nothing off. */
export const unknownSuppression: Rule = {
  meta: {
    id: 'unknown-suppression',
    category: 'input',
    defaultSeverity: 'warning',
    wcag: [],
    description: 'A faircopy-disable or faircopy-enable comment that names a rule faircopy does not know, so it switches nothing off.',
    helpUrl: 'https://github.com/faircopy/faircopy#switching-a-check-off-in-the-article',
    messages: {
      unknown: 'faircopy-{{kind}} names "{{rule}}", which is not a rule, so nothing is switched off.',
      unknownNear: 'faircopy-{{kind}} names "{{rule}}", which is not a rule (did you mean "{{near}}"?), so nothing is switched off.'
    }
  },
  check(context) {
    const known = registryFor(context.settings)
    for (const control of context.get(articleControls)) {
      for (const rule of control.rules) {
        if (known.isKnown(rule)) continue
        const near = known.suggest(rule)
        context.report({
          position: control.position,
          messageId: near === undefined ? 'unknown' : 'unknownNear',
          data: {kind: control.kind, rule, ...(near === undefined ? {} : {near})},
          suggestions: near === undefined ? [] : [near],
          fingerprintBasis: `${control.kind} ${rule}`
        })
      }
    }
  }
}
