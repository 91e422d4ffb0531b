// One contender of the benchmark, in a process of its own so that its peak memory is its own:
//   node --import tsx bench/child.ts MODE FOLDER [PATTERN]
// MODE is library (faircopy's audit(), from dist/), chromium (the same with engine chromium), baseline (the
// hand-written way) or floor. The folder is read
// with its subfolders (the real corpus has them). Prints one JSON line: per-article names, latencies and
// outcomes, per-stage times, wall time, CPU time and peak RSS.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {CorpusFormat} from './corpus.ts'
import {floor, handWritten, type Timed} from './baseline.ts'

const [mode = 'library', folder = '.', pattern = ''] = process.argv.slice(2)
const formatOf = (name: string): CorpusFormat => (name.endsWith('.md') ? 'markdown' : name.endsWith('.html') ? 'html' : 'text')
const names = readdirSync(folder, {recursive: true, encoding: 'utf8'})
  .filter((name) => name.includes(pattern) && /\.(?:md|html|txt)$/.test(name))
  .sort()
const articles = names.map((name) => ({name, format: formatOf(name), text: readFileSync(join(folder, name), 'utf8')}))

const latencies: number[] = []
/** What became of each article: audited, or the error code it was refused with. */
const outcomes: string[] = []
const stages: Record<string, number[]> = {}
const record = (stage: string, milliseconds: number) => (stages[stage] ??= []).push(milliseconds)

const started = performance.now()
if (mode === 'library' || mode === 'chromium') {
  // The built package, as a user would import it, and its stage probe.
  // Named through a URL so that typechecking a fresh clone, before any build, does not look for dist/.
  const {audit} = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.ts')
  const {observeStages} = (await import(new URL('../dist/stages.js', import.meta.url).href)) as typeof import('../src/stages.ts')
  let current: Record<string, number> = {}
  observeStages((stage, milliseconds) => (current[stage] = (current[stage] ?? 0) + milliseconds))
  for (const article of articles) {
    current = {}
    const before = performance.now()
    try {
      await audit(article.text, {format: article.format, path: article.name, ...(mode === 'chromium' ? {engine: 'chromium' as const} : {})})
      outcomes.push('audited')
    } catch (error) {
      outcomes.push((error as {code?: string}).code ?? 'failed')
    }
    latencies.push(performance.now() - before)
    for (const [stage, milliseconds] of Object.entries(current)) record(stage, milliseconds)
  }
} else {
  const run: (text: string, format: CorpusFormat) => Promise<Timed> = mode === 'floor' ? floor : handWritten
  for (const article of articles) {
    const before = performance.now()
    const timed = await run(article.text, article.format)
    latencies.push(performance.now() - before)
    for (const [stage, milliseconds] of Object.entries(timed)) record(stage, milliseconds)
  }
}
if (mode === 'chromium') {
  // The browser ends with the run, so that its CPU time is counted among this process's ended children.
  const {closeBrowser} = (await import(new URL('../dist/accessibility/chromium.js', import.meta.url).href)) as typeof import('../src/accessibility/chromium.ts')
  await closeBrowser()
}
const wall = performance.now() - started
const usage = process.resourceUsage()
// With the chromium engine, the browser's processes count too: ended children's CPU from /proc (clock ticks of 1/100 s).
const [childUser = 0, childSystem = 0] = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ').slice(13, 15).map(Number)
const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1000 + (childUser + childSystem) * 10
process.stdout.write(`${JSON.stringify({mode, articles: articles.length, names, outcomes, wall, cpu, latencies, stages, peakRss: usage.maxRSS * 1024})}\n`)
