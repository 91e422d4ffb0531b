import type {Root} from 'hast'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {shared} from '../rules.ts'
import type {Finding} from './schema.ts'

/** One inline control comment: `<!-- faircopy-disable RULE … -->`, `-enable`, `-disable-line` or `-disable-next-line`. */
export interface Control {
  readonly kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line'
  /** Rule ids it names; empty means every rule. */
  readonly rules: readonly string[]
  /** Where the comment is in the source. */
  readonly position: Position
  readonly offset: number
  readonly startLine: number
  readonly endLine: number
}

const controlPattern = /^\s*faircopy-(disable-next-line|disable-line|disable|enable)(?=\s|$)\s*([\s\S]*?)\s*$/

/** Reads the control comments of an article's tree, in document order. */
export function readControls(tree: Root): Control[] {
  const controls: Control[] = []
  visit(tree, 'comment', (node) => {
    const position = node.position
    const match = position?.start.offset !== undefined && position.end.offset !== undefined ? controlPattern.exec(node.value) : null
    if (match && position) {
      controls.push({
        kind: match[1] as Control['kind'],
        // `-- reason` ends the list, as in ESLint: `faircopy-disable hedge -- the quote is the speaker's`.
        rules: (match[2] ?? '').split(/(?:^|\s)--(?:\s|$)/)[0]!.split(/[\s,]+/).filter(Boolean),
        position,
        offset: position.start.offset ?? 0,
        startLine: position.start.line,
        endLine: position.end.line
      })
    }
  })
  return controls
}

/** The article's control comments, read once per audit: for the rule that checks their names and for suppression. */
export const articleControls = shared('control-comments', (audit) => readControls(audit.tree))

/** A rule id a control comment names, or the whole comment when it names none: what `unused` reports. */
export interface ControlUse {
  readonly control: Control
  /** The rule id; undefined for a comment that names no rule (every rule). */
  readonly ruleId: string | undefined
}

/**
 * Splits findings into those that stand and those the article's comments switch off. A rule is off from a
 * `faircopy-disable` to the next `faircopy-enable` naming it (or any rule); `disable-line` covers the comment's own
 * line, `disable-next-line` the line after it. Findings of the whole document are off when the article disables their
 * rule anywhere. `unused` lists each disable comment (each rule id it names) that switched nothing off.
 */
export function applyControls(findings: readonly Finding[], controls: readonly Control[]): {active: Finding[]; suppressed: Finding[]; unused: ControlUse[]} {
  if (controls.length === 0) return {active: [...findings], suppressed: [], unused: []}
  const active: Finding[] = []
  const suppressed: Finding[] = []
  const used = new Set<string>()
  for (const finding of findings) {
    const by = suppressor(finding, controls)
    if (by === undefined) active.push(finding)
    else {
      suppressed.push(finding)
      used.add(useKey(by, by.rules.length === 0 ? undefined : finding.ruleId))
    }
  }
  const unused: ControlUse[] = []
  for (const control of controls) {
    if (control.kind === 'enable') continue
    for (const ruleId of control.rules.length === 0 ? [undefined] : control.rules) {
      if (!used.has(useKey(control, ruleId))) unused.push({control, ruleId})
    }
  }
  return {active, suppressed, unused}
}

function useKey(control: Control, ruleId: string | undefined): string {
  return `${control.offset}\u0000${ruleId ?? ''}`
}

function names(control: Control, ruleId: string): boolean {
  return control.rules.length === 0 || control.rules.includes(ruleId)
}

/** The comment that switches a finding off, if any. */
function suppressor(finding: Finding, controls: readonly Control[]): Control | undefined {
  const {ruleId} = finding
  const line = finding.location.start.line
  const onLine = controls.find(
    (control) =>
      names(control, ruleId) &&
      ((control.kind === 'disable-next-line' && control.endLine + 1 === line) || (control.kind === 'disable-line' && control.startLine <= line && line <= control.endLine))
  )
  if (onLine) return onLine
  if (finding.scope === 'document') return controls.find((control) => control.kind === 'disable' && names(control, ruleId))
  let off: Control | undefined
  for (const control of controls) {
    if (control.offset > finding.location.start.offset) break
    if (control.kind === 'disable' && names(control, ruleId)) off = control
    if (control.kind === 'enable' && names(control, ruleId)) off = undefined
  }
  return off
}
