import {createHash} from 'node:crypto'
import type {Position} from 'unist'
import type {Finding, Location} from './schema.ts'

/** A finding before fingerprinting; `fingerprintBasis` replaces the excerpt where the excerpt is not stable. */
export type DraftFinding = Omit<Finding, 'fingerprint'> & {fingerprintBasis?: string}

const MAX_EXCERPT = 300

export function toLocation(position: Position): Location {
  return {
    start: {line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0},
    end: {line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0}
  }
}

/** The source text at a location, shortened for display. */
export function excerptAt(source: string, location: Location): string {
  const text = source.slice(location.start.offset, location.end.offset)
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text
}

/** The order of a report's findings: by where they start, then end, then rule id. */
export function byPlace(a: Pick<Finding, 'location' | 'ruleId'>, b: Pick<Finding, 'location' | 'ruleId'>): number {
  return a.location.start.offset - b.location.start.offset || a.location.end.offset - b.location.end.offset || a.ruleId.localeCompare(b.ruleId)
}

/** Sorts findings by position and gives each a fingerprint that ignores where in the file it is. */
export function finalizeFindings(drafts: readonly DraftFinding[]): Finding[] {
  const sorted = [...drafts].sort(byPlace)
  const seen = new Map<string, number>()
  return sorted.map(({fingerprintBasis, ...finding}) => {
    const basis = `${finding.ruleId}\u0000${normalize(fingerprintBasis ?? finding.excerpt)}`
    const occurrence = seen.get(basis) ?? 0
    seen.set(basis, occurrence + 1)
    const fingerprint = createHash('sha256').update(`${basis}\u0000${occurrence}`).digest('hex').slice(0, 16)
    return {...finding, fingerprint}
  })
}

function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
}
