/**
 * Prints candidates for labelling from `../shared/corpus/real/`, one per line, for a person to label by grammar and
 * sense before any check is tuned on them (see the README's Accuracy section):
 *
 *   tsx scripts/label-candidates.ts sentences dev 150 [seed]   a seeded sample of sentences (passive voice, hard sentences)
 *   tsx scripts/label-candidates.ts be-sentences dev 150 [seed] sentences with a form of be or get before a word that may be
 *                                                               a past participle (-ed, -en, irregular): a passive-rich sample,
 *                                                               found by that pattern alone, not by faircopy's check
 *   tsx scripts/label-candidates.ts terms holdout 150 [seed]   occurrences of listed terms in any inflection (plain-language, jargon)
 *   tsx scripts/label-candidates.ts acronyms dev 150 [seed]    the first use of each word in capitals per file (undefined-acronym)
 *
 * Each line: file, start, end, fingerprint (the columns a label file starts with), then what to label.
 */
import {readFileSync} from 'node:fs'
import {patterns} from '../node_modules/retext-simplify/lib/patterns.js'
import presets from '../src/presets.json' with {type: 'json'}
import irregular from '../src/prose/data/irregular-verbs.json' with {type: 'json'}
import plainWords from '../src/prose/data/plain-words.json' with {type: 'json'}
import {stems} from '../src/prose/stems.ts'
import type {SentenceInfo} from '../src/prose/tokens.ts'
import {fingerprint, halfOf, readReal, realFiles, seeded, sentencesOf, type Half} from '../test/labelled/real.ts'

const [kind, half = 'dev', countText = '150', seedText = '1'] = process.argv.slice(2) as [string, Half, string, string]
const random = seeded(Number(seedText))
const files = realFiles().filter((file) => halfOf(file) === half)

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

function sample<T>(items: T[], count: number): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other] as T, copy[index] as T]
  }
  return copy.slice(0, count)
}

interface Candidate {
  readonly file: string
  readonly start: number
  readonly end: number
  readonly columns: readonly string[]
}

function print(candidates: readonly Candidate[]) {
  for (const candidate of candidates) {
    const text = readReal(candidate.file).slice(candidate.start, candidate.end)
    console.log([candidate.file, candidate.start, candidate.end, fingerprint(text), ...candidate.columns].join('\t'))
  }
}

const offsets = (sentence: SentenceInfo) => ({start: sentence.position.start.offset ?? 0, end: sentence.position.end.offset ?? 0})

if (kind === 'sentences') {
  const all: Candidate[] = []
  for (const file of files) {
    const source = readReal(file)
    for (const sentence of sentencesOf(file, source)) {
      if (sentence.heading || sentence.words.length < 5) continue
      const {start, end} = offsets(sentence)
      all.push({file, start, end, columns: [oneLine(source.slice(start, end))]})
    }
  }
  print(sample(all, Number(countText)).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start))
} else if (kind === 'be-sentences') {
  const auxiliaries = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten', 'getting', "isn't", "aren't", "wasn't", "weren't"])
  const participles = new Set(irregular.verbs.flatMap((forms) => forms.slice(2) as string[]))
  const maybeParticiple = (word: string) => /[a-z]{2}(?:ed|en)$/.test(word) || participles.has(word)
  const labelled = new Set(
    readFileSync(new URL(`../test/fixtures/real-labels/passive.${half}.tsv`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t').slice(0, 3).join(':'))
  )
  const all: Candidate[] = []
  for (const file of files) {
    const source = readReal(file)
    for (const sentence of sentencesOf(file, source)) {
      if (sentence.heading || sentence.words.length < 5) continue
      const words = sentence.words.map((word) => word.lower.replace(/’/g, "'"))
      const hit = words.some((word, index) => auxiliaries.has(word) && words.slice(index + 1, index + 4).some(maybeParticiple))
      const {start, end} = offsets(sentence)
      if (hit && !labelled.has(`${file}:${start}:${end}`)) all.push({file, start, end, columns: [oneLine(source.slice(start, end))]})
    }
  }
  print(sample(all, Number(countText)).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start))
} else if (kind === 'terms') {
  // Every listed term of the default preset, matched broadly: each word in any inflection, regular or irregular.
  const baseOf = new Map<string, string>()
  for (const [base, ...forms] of irregular.verbs) for (const form of forms) baseOf.set(form as string, base as string)
  const terms: Array<{words: string[]; replace: readonly string[]; list: string}> = []
  for (const [term, pattern] of Object.entries(patterns)) terms.push({words: term.split(' '), replace: pattern.replace, list: 'retext-simplify'})
  for (const entry of plainWords.entries) terms.push({words: entry.term.toLowerCase().split(/\s+/), replace: entry.replace, list: 'plain-words'})
  for (const domain of presets.presets.general.domains) {
    const list = (await import(`../src/prose/data/jargon/${domain}.json`, {with: {type: 'json'}})).default as {entries: Array<{term: string; replace: string[]}>}
    for (const entry of list.entries) terms.push({words: entry.term.toLowerCase().split(/\s+/), replace: entry.replace, list: domain})
  }
  const forms = (word: string) => new Set([...stems(word), baseOf.get(word) ?? word])
  const all: Candidate[] = []
  for (const file of files) {
    const source = readReal(file)
    for (const sentence of sentencesOf(file, source)) {
      const words = sentence.words
      for (let index = 0; index < words.length; index++) {
        for (const term of terms) {
          const matched = term.words.every((word, offset) => {
            const token = words[index + offset]
            return token !== undefined && forms(token.lower.replace(/’/g, "'")).has(word)
          })
          if (!matched) continue
          const first = words[index]!
          const last = words[index + term.words.length - 1]!
          const start = first.position.start.offset ?? 0
          const end = last.position.end.offset ?? 0
          const {start: from, end: to} = offsets(sentence)
          const marked = `${source.slice(from, start)}[[${source.slice(start, end)}]]${source.slice(end, to)}`
          all.push({file, start, end, columns: [term.words.join(' '), term.replace.join(' | ') || '(explain it)', term.list, oneLine(marked)]})
        }
      }
    }
  }
  // One candidate per place: the longest term there.
  const byPlace = new Map<string, Candidate>()
  for (const candidate of all) {
    const key = `${candidate.file}:${candidate.start}`
    const known = byPlace.get(key)
    if (!known || candidate.end > known.end) byPlace.set(key, candidate)
  }
  print(sample([...byPlace.values()], Number(countText)).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start))
} else if (kind === 'acronyms') {
  const all: Candidate[] = []
  for (const file of files) {
    const source = readReal(file)
    const seen = new Set<string>()
    for (const sentence of sentencesOf(file, source)) {
      for (const word of sentence.words) {
        if (!/^(?:\p{Lu}[\p{Lu}\d&.-]*\p{Lu}|\p{Lu}\.\p{Lu}\.?)s?$/u.test(word.text) || seen.has(word.text)) continue
        seen.add(word.text)
        const {start, end} = offsets(sentence)
        const at = word.position.start.offset ?? 0
        const to = word.position.end.offset ?? 0
        all.push({file, start: at, end: to, columns: [word.text, oneLine(`${source.slice(start, at)}[[${source.slice(at, to)}]]${source.slice(to, end)}`)]})
      }
    }
  }
  print(sample(all, Number(countText)).sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start))
} else {
  console.error('usage: tsx scripts/label-candidates.ts sentences|be-sentences|terms|acronyms dev|holdout [count] [seed]')
  process.exit(2)
}
