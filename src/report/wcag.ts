import criteriaData from './data/wcag-criteria.json' with {type: 'json'}
import {wcagFromTags} from '../accessibility/findings.ts'
import type {RuleMeta} from '../rules.ts'
import type {AccessibilitySummary, Finding, WcagRow} from './schema.ts'

interface Criterion {
  readonly id: string
  readonly name: string
  readonly level: 'A' | 'AA' | 'AAA'
}

const criteria: ReadonlyMap<string, Criterion> = new Map(
  (criteriaData.criteria as Criterion[]).map((criterion) => [criterion.id, criterion])
)

/**
 * One row per WCAG success criterion the audit touched. A criterion fails when an error or warning bears on
 * it; it cannot be told when undecided rules, layout rules that applied, or only info findings touch it; else
 * it passed. The criteria of faircopy's rules that ran (reading level, unusual words, abbreviations: no axe rule
 * decides them; link purpose and text alternatives beside axe's) pass when nothing bears on them.
 */
export function wcagRows(
  findings: readonly Finding[],
  accessibility: AccessibilitySummary,
  ruleTags: ReadonlyMap<string, readonly string[]>,
  applicable: ReadonlySet<string>,
  rulesRan: readonly RuleMeta[]
): WcagRow[] {
  const rows = new Map<string, {status: WcagRow['status']; findings: string[]}>()
  const touch = (id: string, status: WcagRow['status']) => {
    const row = rows.get(id) ?? {status, findings: []}
    row.status = worst(row.status, status)
    rows.set(id, row)
    return row
  }
  for (const id of accessibility.passes) for (const criterion of wcagFromTags(ruleTags.get(id) ?? [])) touch(criterion, 'passed')
  for (const id of new Set(rulesRan.flatMap((rule) => rule.wcag))) touch(id, 'passed')
  for (const rule of accessibility.incomplete) for (const criterion of rule.wcag) touch(criterion, 'cannot-tell')
  // A layout rule leaves its criteria undecided only where it applied (object-alt says nothing without an <object>).
  for (const id of accessibility.notCheckable) {
    if (applicable.has(id)) for (const criterion of wcagFromTags(ruleTags.get(id) ?? [])) touch(criterion, 'cannot-tell')
  }
  for (const finding of findings) {
    for (const criterion of finding.wcag) {
      touch(criterion, finding.severity === 'info' ? 'cannot-tell' : 'failed').findings.push(finding.fingerprint)
    }
  }
  return [...rows]
    .flatMap(([id, row]) => {
      const criterion = criteria.get(id)
      return criterion ? [{id, name: criterion.name, level: criterion.level, status: row.status, findings: row.findings}] : []
    })
    .sort((a, b) => compareIds(a.id, b.id))
}

const order: Readonly<Record<WcagRow['status'], number>> = {passed: 0, 'cannot-tell': 1, failed: 2}

function worst(a: WcagRow['status'], b: WcagRow['status']): WcagRow['status'] {
  return order[a] >= order[b] ? a : b
}

function compareIds(a: string, b: string): number {
  const left = a.split('.').map(Number)
  const right = b.split('.').map(Number)
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
