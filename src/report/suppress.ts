import type {Root} from 'hast'
import {visit} from 'unist-util-visit'
import type {Finding} from './schema.ts'

/** One inline control comment: `<!-- faircopy-disable RULE … -->`, `-enable`, or `-disable-next-line`. */
interface Control {
  readonly kind: 'disable' | 'enable' | 'disable-next-line'
  /** Rule ids it names; empty means every rule. */
  readonly rules: readonly string[]
  readonly offset: number
  readonly endLine: number
}

const controlPattern = /^\s*faircopy-(disable-next-line|disable|enable)\b\s*([\s\S]*?)\s*$/

/** Reads the control comments of an article's tree, in document order. */
export function readControls(tree: Root): Control[] {
  const controls: Control[] = []
  visit(tree, 'comment', (node) => {
    const match = node.position?.start && node.position.end ? controlPattern.exec(node.value) : null
    if (match && node.position) {
      controls.push({
        kind: match[1] as Control['kind'],
        rules: (match[2] ?? '').split(/[\s,]+/).filter(Boolean),
        offset: node.position.start.offset ?? 0,
        endLine: node.position.end.line
      })
    }
  })
  return controls
}

/**
 * Splits findings into those that stand and those the article's comments switch off. A rule is off from a
 * `faircopy-disable` to the next `faircopy-enable` naming it (or any rule); `disable-next-line` covers the
 * line after the comment. Findings of the whole document are off when the article disables their rule anywhere.
 */
export function applyControls(findings: readonly Finding[], controls: readonly Control[]): {active: Finding[]; suppressed: Finding[]} {
  if (controls.length === 0) return {active: [...findings], suppressed: []}
  const active: Finding[] = []
  const suppressed: Finding[] = []
  for (const finding of findings) (isSuppressed(finding, controls) ? suppressed : active).push(finding)
  return {active, suppressed}
}

function names(control: Control, ruleId: string): boolean {
  return control.rules.length === 0 || control.rules.includes(ruleId)
}

function isSuppressed(finding: Finding, controls: readonly Control[]): boolean {
  const {ruleId} = finding
  const start = finding.location.start
  if (controls.some((control) => control.kind === 'disable-next-line' && control.endLine + 1 === start.line && names(control, ruleId))) return true
  if (finding.scope === 'document') {
    return controls.some((control) => control.kind === 'disable' && names(control, ruleId))
  }
  let off = false
  for (const control of controls) {
    if (control.offset > start.offset) break
    if (control.kind === 'disable' && names(control, ruleId)) off = true
    if (control.kind === 'enable' && names(control, ruleId)) off = false
  }
  return off
}
