/**
 * Labelled sets over `../shared/corpus/real/`: the labels are the project's own, the text stays in `../shared`.
 * A label points at a span of a file by offsets and carries a fingerprint of the text there, so a changed corpus is
 * noticed instead of silently mislabelled. Files are split into a development half and a holdout half by a hash of
 * their path, fixed before any check was tuned on them: no check is ever tuned on the holdout half.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {detectFormat} from '../../src/input/format.ts'
import {parseArticle} from '../../src/input/parse.ts'
import {hastToNlcst} from '../../src/prose/nlcst.ts'
import {readSentences, type SentenceInfo} from '../../src/prose/tokens.ts'
import {normalizeOptions} from '../../src/settings.ts'

export const REAL = resolve(fileURLToPath(new URL('../../../shared/corpus/real', import.meta.url)))
export const hasReal = existsSync(REAL)

export type Half = 'dev' | 'holdout'

/** Every Markdown file of the real corpus, as paths relative to it, sorted. */
export function realFiles(): string[] {
  const found: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.mdx?$/.test(entry.name)) found.push(relative(REAL, path))
    }
  }
  walk(REAL)
  return found.sort()
}

/** The half a file belongs to: decided by its path alone, once, before tuning. */
export function halfOf(file: string): Half {
  return (createHash('sha1').update(file).digest()[0] as number) % 2 === 0 ? 'dev' : 'holdout'
}

export function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10)
}

export function readReal(file: string): string {
  return readFileSync(join(REAL, file), 'utf8')
}

/** The sentences faircopy reads in a file of the real corpus, as the audit reads them. */
export function sentencesOf(file: string, text = readReal(file)): SentenceInfo[] {
  const settings = normalizeOptions({path: file})
  const article = parseArticle(text, detectFormat(file, text), file, {templates: settings.templates, maxElements: settings.maxElements})
  return readSentences(hastToNlcst(article.tree, article.text, article.place))
}

/** The benchmark's seeded generator (mulberry32), so a sample is the same on every machine. */
export {random as seeded} from '../../bench/corpus.ts'

/** One labelled row: where it is, what was there when it was labelled, and the label's columns. */
export interface LabelRow {
  readonly file: string
  readonly start: number
  readonly end: number
  readonly fingerprint: string
  readonly label: string
  readonly extra: readonly string[]
}

/** Reads a label file: `file	start	end	fingerprint	label	…`, `#` lines are comments. */
export function readLabels(path: string): LabelRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [file = '', start = '', end = '', print = '', label = '', ...extra] = line.split('\t')
      return {file, start: Number(start), end: Number(end), fingerprint: print, label, extra}
    })
}

/** The text a row points at, or an error when the corpus changed under the label. */
export function textOf(row: LabelRow, source = readReal(row.file)): string {
  const text = source.slice(row.start, row.end)
  if (fingerprint(text) !== row.fingerprint) throw new Error(`${row.file}:${row.start}-${row.end} no longer holds the labelled text`)
  return text
}
