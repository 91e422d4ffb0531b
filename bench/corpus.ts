// A deterministic corpus of articles for the benchmark, written from faircopy's own sentence parts (MIT).
// The same seed gives the same articles, byte for byte, on every machine.

export type CorpusFormat = 'markdown' | 'text' | 'html'

export interface Article {
  readonly name: string
  readonly format: CorpusFormat
  readonly words: number
  readonly text: string
}

const subjects = [
  'The harbour board', 'A local baker', 'The new ferry', 'Our reporter', 'The county council', 'Three volunteers', 'The library',
  'A group of parents', 'The river trust', 'The night bus', 'Most shop owners', 'The school choir', 'A retired teacher', 'The museum'
]
const verbs = ['opened', 'closed', 'repaired', 'visited', 'praised', 'moved', 'painted', 'replaced', 'checked', 'planned', 'funded', 'cleaned']
const objects = [
  'the old pier', 'a small garden', 'the town square', 'the east road', 'the swimming pool', 'two bridges', 'the market hall', 'the bike lanes',
  'the bus shelter', 'the reading room', 'a new playground', 'the tide gates'
]
const times = ['on Monday', 'last week', 'in the spring', 'after the storm', 'before noon', 'this year', 'at dawn', 'in March']
const participles = ['repaired', 'closed', 'moved', 'painted', 'checked', 'funded', 'rebuilt', 'sold', 'built', 'taken']
const wordy = ['In order to', 'Prior to the vote,', 'Due to the fact that the rain stayed,', 'At this point in time,']
const jargon = ['to leverage their synergy', 'to circle back on the paradigm shift', 'to move the needle', 'with a deep dive']
const long = [
  'Notwithstanding considerable organizational difficulties, the municipal administration subsequently authorized comprehensive infrastructural rehabilitation initiatives across the district.',
  'The committee, having considered the representations submitted by numerous residents regarding the proposed alterations, determined that further consultation would be necessary before implementation.'
]
const acronyms = ['The RFA', 'The NHT', 'The CTB']

/** mulberry32: a small, fast, seeded generator (the labelled sets' samples use it too). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Block {
  readonly kind: 'heading' | 'paragraph' | 'list' | 'image' | 'link'
  readonly text: string | readonly string[]
}

function sentence(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const roll = next()
  if (roll < 0.14) return `${capitalize(pick(objects))} ${pick(['was', 'were'])} ${pick(participles)} ${next() < 0.5 ? `by ${pick(subjects).toLowerCase()} ` : ''}${pick(times)}.`
  if (roll < 0.22) return `${pick(wordy)} ${pick(subjects).toLowerCase()} ${pick(verbs)} ${pick(objects)}.`
  if (roll < 0.28) return `${pick(subjects)} hopes ${pick(jargon)} ${pick(times)}.`
  if (roll < 0.32) return pick(long)
  if (roll < 0.35) return `${pick(acronyms)} ${pick(verbs)} ${pick(objects)} ${pick(times)}.`
  return `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(times)}, and ${pick(subjects).toLowerCase()} ${pick(verbs)} ${pick(objects)}.`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /\w/.test(word)).length
}

/** An article of about `target` words: a title, paragraphs of three to six sentences, a list, an image and a link now and then. */
function blocks(target: number, next: () => number, index: number): Block[] {
  const out: Block[] = [{kind: 'heading', text: `Town notes ${index + 1}`}]
  let words = 3
  while (words < target) {
    const roll = next()
    if (roll < 0.08) {
      const items = [sentence(next), sentence(next), sentence(next)]
      out.push({kind: 'list', text: items})
      words += items.reduce((sum, item) => sum + countWords(item), 0)
    } else if (roll < 0.11) {
      out.push({kind: 'image', text: next() < 0.5 ? '' : 'Boats at the old pier at dawn'})
    } else if (roll < 0.14) {
      out.push({kind: 'link', text: next() < 0.5 ? 'click here' : 'the council’s timetable'})
      words += 3
    } else {
      const count = 3 + Math.floor(next() * 4)
      const sentences: string[] = []
      for (let i = 0; i < count && words < target; i++) {
        const item = sentence(next)
        sentences.push(item)
        words += countWords(item)
      }
      out.push({kind: 'paragraph', text: sentences.join(' ')})
    }
  }
  return out
}

function toMarkdown(list: readonly Block[]): string {
  return `${list
    .map((block) => {
      if (block.kind === 'heading') return `# ${block.text as string}`
      if (block.kind === 'list') return (block.text as string[]).map((item) => `- ${item}`).join('\n')
      if (block.kind === 'image') return `![${block.text as string}](pier.jpg)`
      if (block.kind === 'link') return `Read [${block.text as string}](https://example.org/timetable) for the hours.`
      return block.text as string
    })
    .join('\n\n')}\n`
}

function toText(list: readonly Block[]): string {
  return `${list
    .filter((block) => block.kind !== 'image')
    .map((block) => (block.kind === 'list' ? (block.text as string[]).join('\n') : block.kind === 'link' ? `Read ${block.text as string} for the hours.` : (block.text as string)))
    .join('\n\n')}\n`
}

function toHtmlDocument(list: readonly Block[], title: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const body = list.map((block) => {
    if (block.kind === 'heading') return `<h1>${escape(block.text as string)}</h1>`
    if (block.kind === 'list') return `<ul>\n${(block.text as string[]).map((item) => `  <li>${escape(item)}</li>`).join('\n')}\n</ul>`
    if (block.kind === 'image') return `<p><img src="pier.jpg"${(block.text as string) === '' ? '' : ` alt="${block.text as string}"`}></p>`
    if (block.kind === 'link') return `<p>Read <a href="https://example.org/timetable">${escape(block.text as string)}</a> for the hours.</p>`
    return `<p>${escape(block.text as string)}</p>`
  })
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escape(title)}</title>\n</head>\n<body>\n<main>\n${body.join('\n')}\n</main>\n</body>\n</html>\n`
}

const extension: Record<CorpusFormat, string> = {markdown: 'md', text: 'txt', html: 'html'}

/** `count` articles of about `words` words each, the formats taking turns: Markdown, text, HTML. */
export function corpus(size: 'short' | 'typical' | 'long', count: number, seed = 1): Article[] {
  const words = {short: 150, typical: 650, long: 5000}[size]
  const next = random(seed * 7919 + words)
  return Array.from({length: count}, (_, index) => {
    const format = (['markdown', 'text', 'html'] as const)[index % 3] as CorpusFormat
    const list = blocks(words, next, index)
    const text = format === 'markdown' ? toMarkdown(list) : format === 'text' ? toText(list) : toHtmlDocument(list, `Town notes ${index + 1}`)
    return {name: `${size}-${String(index + 1).padStart(4, '0')}.${extension[format]}`, format, words: countWords(toText(list)), text}
  })
}

/** One article of about `bytes` bytes of Markdown, for the big-input measurement. */
export function bigArticle(bytes: number, seed = 3): string {
  const next = random(seed)
  const parts: string[] = []
  let size = 0
  let index = 0
  while (size < bytes) {
    const part = toMarkdown(blocks(650, next, index++))
    parts.push(index === 1 ? part : part.replace(/^# /, '## '))
    size += part.length
  }
  return parts.join('\n')
}

const areas = ['parser', 'reporter', 'command line', 'config', 'docs', 'tests', 'build', 'HTML report', 'worker pool', 'baseline']
const changes = ['Fix', 'Add', 'Remove', 'Speed up', 'Document', 'Rename', 'Refactor', 'Check']
const details = ['a crash on empty files', 'the order of findings', 'the --jobs flag', 'a typo in the help', 'Windows paths', 'long lines', 'the cache folder', 'UTF-16 input']

/**
 * Release notes of about `bytes` bytes, as changelogs and release pages are written: a heading per version, lists
 * of changes each with its pull request and author, commit hashes in code, download links named by their list item,
 * a table of assets. Long real pages of this shape were the slowest files faircopy met.
 */
export function releaseNotes(bytes: number, seed = 5): string {
  const next = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const parts: string[] = ['# Releases', '']
  let version = 0
  while (parts.join('\n').length < bytes) {
    version++
    const tag = `v${Math.floor(version / 100)}.${Math.floor(version / 10) % 10}.${version % 10}`
    parts.push(`## ${tag} (2026-${String((version % 12) + 1).padStart(2, '0')}-${String((version % 28) + 1).padStart(2, '0')})`, '', '### Changes', '')
    for (let item = 0; item < 12; item++) {
      const number = 1000 + version * 12 + item
      parts.push(`- ${pick(changes)} ${pick(details)} in the ${pick(areas)} ([#${number}](https://example.org/project/pull/${number})) by @dev${number % 37} \`${(number * 2654435761).toString(16).slice(0, 7)}\``)
    }
    parts.push('', '### Downloads', '')
    for (const platform of ['Windows installer', 'macOS disk image', 'Linux tarball']) parts.push(`- ${platform}: https://example.org/project/releases/${tag}/${platform.split(' ')[0]?.toLowerCase()}.zip`)
    parts.push('', '| Asset | Size | SHA-256 |', '| --- | ---: | --- |')
    for (let asset = 0; asset < 3; asset++) parts.push(`| project-${tag}-${asset}.zip | ${(next() * 90 + 10).toFixed(1)} MB | \`${Math.floor(next() * 1e16).toString(16)}\` |`)
    parts.push('', `**Full changelog**: https://example.org/project/compare/${tag}...main`, '')
  }
  return `${parts.join('\n')}\n`
}
