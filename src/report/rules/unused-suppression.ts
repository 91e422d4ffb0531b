import {draftFinding, type Registry} from '../../registry.ts'
import type {Rule} from '../../rules.ts'
import type {DraftFinding} from '../finding.ts'
import type {Severity} from '../schema.ts'
import type {ControlUse} from '../suppress.ts'

/**
 * A disable comment that switched nothing off: the finding it was for is gone, or it never covered it. Off unless
 * turned on (`--report-unused-disable-directives`, or a level in `rules`). Whether a comment was used is known only
 * when every rule and axe-core have run, so the audit reports these through `unusedFindings`, after suppression.
 */
export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    category: 'input',
    defaultSeverity: 'off',
    wcag: [],
    description: 'A faircopy-disable comment that switched no finding off (turned on by --report-unused-disable-directives).',
    helpUrl: 'https://github.com/faircopy/faircopy#switching-a-check-off-in-the-article',
    messages: {
      unusedRule: 'This faircopy-{{kind}} comment switches off {{rule}}, which found nothing here: the comment can go.',
      unusedAll: 'This faircopy-{{kind}} comment switches off every rule, and none found anything here: the comment can go.'
    }
  },
  check() {
    // Nothing to check before the other findings exist: see unusedFindings, which the audit calls after suppression.
  }
}

/** The findings for the disable comments no finding used; comments naming unknown rules are unknown-suppression's. */
export function unusedFindings(unused: readonly ControlUse[], source: string, severity: Severity, known: Pick<Registry, 'isKnown'>): DraftFinding[] {
  return unused
    .filter(({ruleId}) => ruleId === undefined || known.isKnown(ruleId))
    .map(({control, ruleId}) =>
      draftFinding(unusedSuppression.meta, severity, source, {
        position: control.position,
        messageId: ruleId === undefined ? 'unusedAll' : 'unusedRule',
        data: {kind: control.kind, ...(ruleId === undefined ? {} : {rule: ruleId})},
        fingerprintBasis: `${control.kind} ${ruleId ?? '*'}`
      })
    )
}
