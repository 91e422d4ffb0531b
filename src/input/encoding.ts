import type {DraftFinding} from '../report/finding.ts'
import {findingsFor, type RuleMeta} from '../rules.ts'
import type {Settings} from '../settings.ts'
import type {Encoding} from './read.ts'

export const encodingRule: RuleMeta = {
  id: 'encoding',
  category: 'input',
  defaultSeverity: 'warning',
  wcag: [],
  description: 'The file is not UTF-8: faircopy read it as UTF-16 or Windows-1252 (Latin-1), and says so.',
  helpUrl: 'https://www.w3.org/International/questions/qa-choosing-encodings'
}

const names: Record<Exclude<Encoding, 'utf-8'>, string> = {
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Latin-1), since it is not valid UTF-8'
}

/** One warning at the top of an article that was not UTF-8: the web and most tools expect UTF-8. */
export function checkEncoding(encoding: Encoding, settings: Settings, source: string): DraftFinding[] {
  if (encoding === 'utf-8') return []
  const start = {line: 1, column: 1, offset: 0}
  return findingsFor(encodingRule, settings, source, [
    {position: {start, end: start}, message: `This file was read as ${names[encoding]}: save it as UTF-8 so that every tool reads the same characters.`}
  ])
}
