// `npm run bench`: faircopy against the hand-written use of the same packages, on a generated corpus, in one run.
// Contenders take turns, round after round, each in a process of its own. Results go to bench/results.json,
// a Markdown table to stdout and to the README's Performance section.
//   npm run bench                 three rounds (a few minutes)
//   npm run bench -- --rounds 1   one round
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, totalmem, tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {bigArticle, corpus, releaseNotes, type Article} from './corpus.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'dist', 'cli', 'bin.js')
const {values} = parseArgs({options: {rounds: {type: 'string', default: '3'}, 'no-readme': {type: 'boolean'}}})
const rounds = Number(values.rounds)

interface Measured {
  wall: number
  peakRss: number
  cpu?: number
  names?: string[]
  outcomes?: string[]
  latencies?: number[]
  stages?: Record<string, number[]>
}

/** The resident memory of a process and all its descendants now, in bytes (0 for a process that has ended). */
function treeRss(pid: number): number {
  let total = 0
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += treeRss(Number(child))
    }
  } catch {
    // Ended between two reads.
  }
  return total
}

/** Runs a command, polls its peak resident memory (VmHWM counts every thread of the process), returns its stdout. */
function measure(command: string, args: readonly string[]): Promise<{wall: number; peakRss: number; stdout: string; code: number | null}> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {cwd: root, stdio: ['ignore', 'pipe', 'inherit']})
    let stdout = ''
    let peakRss = 0
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
        // With a browser, its processes are the run's too: the resident memory of the whole tree at this poll.
        peakRss = Math.max(peakRss, kilobytes * 1024, treeRss(child.pid ?? 0))
      } catch {
        // The process has ended between two polls.
      }
    }, 20)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(poll)
      resolve({wall: performance.now() - started, peakRss, stdout, code})
    })
  })
}

async function childRun(mode: string, folder: string, pattern = ''): Promise<Measured> {
  const result = await measure(process.execPath, ['--import', 'tsx', join(root, 'bench', 'child.ts'), mode, folder, pattern])
  const data = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Measured
  // The child's own numbers for the work; its peak memory as the kernel saw it.
  return {...data, peakRss: Math.max(data.peakRss, result.peakRss)}
}

async function cliRun(folder: string, files: readonly string[], jobs: number): Promise<Measured> {
  const output = join(folder, `..`, `out-${jobs}.json`)
  const result = await measure(process.execPath, [bin, '--jobs', String(jobs), '--fail-on', 'never', '--reporter', 'json', '--output', output, ...files.map((file) => join(folder, file))])
  if (result.code !== 0) throw new Error(`faircopy exited with ${result.code}`)
  return {wall: result.wall, peakRss: result.peakRss}
}

function write(folder: string, articles: readonly Article[]): string[] {
  mkdirSync(folder, {recursive: true})
  for (const article of articles) writeFileSync(join(folder, article.name), article.text)
  return articles.map((article) => article.name)
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

const median = (values: readonly number[]) => percentile(values, 50)
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`
const s = (value: number) => `${(value / 1000).toFixed(2)} s`
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`

const work = join(tmpdir(), `faircopy-bench-${process.pid}`)
rmSync(work, {recursive: true, force: true})
const typicalFolder = join(work, 'typical')
const typical = write(typicalFolder, corpus('typical', 120))
const mixedFolder = join(work, 'mixed')
write(mixedFolder, [...corpus('short', 60, 2), ...corpus('long', 9, 3)])
const thousandFolder = join(work, 'thousand')
const thousand = write(thousandFolder, corpus('typical', 1000, 4))
const bigFolder = join(work, 'big')
mkdirSync(bigFolder, {recursive: true})
writeFileSync(join(bigFolder, 'big.md'), bigArticle(1_500_000))
const releaseFolder = join(work, 'release')
mkdirSync(releaseFolder, {recursive: true})
writeFileSync(join(releaseFolder, 'release-300k.md'), releaseNotes(300_000))
writeFileSync(join(releaseFolder, 'release-1m.md'), releaseNotes(1_000_000))
/** The real content beside the project (../shared/corpus/real), when it is there. */
const realFolder = join(root, '..', 'shared', 'corpus', 'real')
const coldFolder = join(work, 'cold')
const cold = write(coldFolder, corpus('short', 1, 5))

const runs: Record<string, Measured[]> = {library: [], baseline: [], floor: [], cli1: [], cli2: []}
for (let round = 1; round <= rounds; round++) {
  console.error(`round ${round} of ${rounds}`)
  runs['library']?.push(await childRun('library', typicalFolder))
  runs['baseline']?.push(await childRun('baseline', typicalFolder))
  runs['floor']?.push(await childRun('floor', typicalFolder))
  runs['cli1']?.push(await cliRun(typicalFolder, typical, 1))
  runs['cli2']?.push(await cliRun(typicalFolder, typical, 2))
}
console.error('short and long articles, 1,000 articles, the 1.5 MB article, cold starts')
const shortLibrary = await childRun('library', mixedFolder, 'short-')
const shortBaseline = await childRun('baseline', mixedFolder, 'short-')
const longLibrary = await childRun('library', mixedFolder, 'long-')
const longBaseline = await childRun('baseline', mixedFolder, 'long-')
const scale = await cliRun(thousandFolder, thousand, 2)
const big = await childRun('library', bigFolder)
const release = await childRun('library', releaseFolder)
const real = existsSync(realFolder) ? await childRun('library', realFolder) : undefined
// The chromium engine, when a Chromium is installed: the same typical articles, and the real corpus.
const hasChromium = ['/usr/bin/chromium', process.env['FAIRCOPY_CHROMIUM'] ?? ''].some((path) => path !== '' && existsSync(path))
console.error(hasChromium ? 'the chromium engine' : 'the chromium engine: no Chromium here, skipped')
const chromiumTypical = hasChromium ? await childRun('chromium', typicalFolder) : undefined
const chromiumReal = hasChromium && existsSync(realFolder) ? await childRun('chromium', realFolder) : undefined
const colds: number[] = []
for (let run = 0; run < 5; run++) colds.push((await cliRun(coldFolder, cold, 1)).wall)
rmSync(work, {recursive: true, force: true})

/** The real corpus: how many files, their p50, p95 and slowest, and the run's wall and CPU time. */
function realSummary(run: Measured) {
  const latencies = run.latencies ?? []
  const slowest = latencies.indexOf(Math.max(...latencies))
  return {files: latencies.length, p50: median(latencies), p95: percentile(latencies, 95), slowest: {name: run.names?.[slowest] ?? '', wall: latencies[slowest] ?? 0}, wall: run.wall, cpu: run.cpu ?? 0, refused: (run.outcomes ?? []).filter((outcome) => outcome !== 'audited').length}
}

/** The round with the median wall time, so one slow round does not decide. */
const typicalRun = (name: string): Measured => {
  const list = [...(runs[name] ?? [])].sort((a, b) => a.wall - b.wall)
  return list[Math.floor(list.length / 2)] as Measured
}
const allLatencies = (name: string) => (runs[name] ?? []).flatMap((run) => run.latencies ?? [])
const allStage = (name: string, stage: string) => (runs[name] ?? []).flatMap((run) => run.stages?.[stage] ?? [])
const peak = (name: string) => Math.max(...(runs[name] ?? []).map((run) => run.peakRss))

const library = typicalRun('library')
const baseline = typicalRun('baseline')
const floorRun = typicalRun('floor')
const cli1 = typicalRun('cli1')
const cli2 = typicalRun('cli2')
const libraryP50 = median(allLatencies('library'))
const floorP50 = median(allLatencies('floor'))
const baselineP50 = median(allLatencies('baseline'))

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${mb(totalmem())} RAM, Node ${process.version}`
const results = {
  machine,
  date: new Date().toISOString(),
  rounds,
  typical: {
    articles: typical.length,
    library: {wall: library.wall, p50: libraryP50, p95: percentile(allLatencies('library'), 95), peakRss: peak('library'), stages: Object.fromEntries(['parse', 'prose', 'render', 'axe', 'report'].map((stage) => [stage, {p50: median(allStage('library', stage)), p95: percentile(allStage('library', stage), 95)}]))},
    baseline: {wall: baseline.wall, p50: baselineP50, p95: percentile(allLatencies('baseline'), 95), peakRss: peak('baseline'), stages: Object.fromEntries(['render', 'axe', 'prose'].map((stage) => [stage, {p50: median(allStage('baseline', stage)), p95: percentile(allStage('baseline', stage), 95)}]))},
    floor: {wall: floorRun.wall, p50: floorP50, p95: percentile(allLatencies('floor'), 95), peakRss: peak('floor')},
    cli1: {wall: cli1.wall, peakRss: peak('cli1')},
    cli2: {wall: cli2.wall, peakRss: peak('cli2')}
  },
  short: {library: {p50: median(shortLibrary.latencies ?? []), p95: percentile(shortLibrary.latencies ?? [], 95)}, baseline: {p50: median(shortBaseline.latencies ?? []), p95: percentile(shortBaseline.latencies ?? [], 95)}},
  long: {library: {p50: median(longLibrary.latencies ?? []), p95: percentile(longLibrary.latencies ?? [], 95)}, baseline: {p50: median(longBaseline.latencies ?? []), p95: percentile(longBaseline.latencies ?? [], 95)}},
  thousand: {articles: thousand.length, wall: scale.wall, peakRss: scale.peakRss},
  big: {bytes: 1_500_000, wall: big.wall, prose: big.stages?.['prose']?.[0] ?? 0, axe: big.stages?.['axe']?.[0] ?? 0, parse: big.stages?.['parse']?.[0] ?? 0, peakRss: big.peakRss},
  release: Object.fromEntries((release.names ?? []).map((name, index) => [name, {wall: release.latencies?.[index] ?? 0, outcome: release.outcomes?.[index] ?? ''}])),
  real: real === undefined ? undefined : realSummary(real),
  chromium:
    chromiumTypical === undefined
      ? undefined
      : {
          typical: {
            wall: chromiumTypical.wall,
            cpu: chromiumTypical.cpu ?? 0,
            // The first article starts the browser: cold; the rest reuse it: warm.
            cold: chromiumTypical.latencies?.[0] ?? 0,
            p50: median((chromiumTypical.latencies ?? []).slice(1)),
            p95: percentile((chromiumTypical.latencies ?? []).slice(1), 95),
            peakRss: chromiumTypical.peakRss
          },
          real: chromiumReal === undefined ? undefined : realSummary(chromiumReal)
        },
  coldStart: {median: median(colds), runs: colds}
}
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)

const t = results.typical
const stageRow = (stage: string) => {
  const own = t.library.stages[stage] as {p50: number; p95: number}
  return `| ${stage} | ${ms(own.p50)} | ${ms(own.p95)} |`
}
const table = `Measured by \`npm run bench\` on ${machine}, ${rounds} round${rounds === 1 ? '' : 's'}, ${results.date.slice(0, 10)}.
The corpus is generated (\`bench/corpus.ts\`, the project's own sentences): ${t.articles} typical articles of about 650 words,
Markdown, text and HTML in turn. The baseline is the hand-written use of the same packages (\`bench/baseline.ts\`):
a fresh jsdom window with axe-core per article, then retext with readability, passive and simplify. The floor is
axe-core in a warm window plus one retext pass.

| ${t.articles} typical articles | wall time | articles/s | per article p50 | p95 | peak RSS | vs baseline |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| hand-written baseline | ${s(t.baseline.wall)} | ${(t.articles / (t.baseline.wall / 1000)).toFixed(1)} | ${ms(t.baseline.p50)} | ${ms(t.baseline.p95)} | ${mb(t.baseline.peakRss)} | 1.00× |
| floor (warm axe + one retext pass) | ${s(t.floor.wall)} | ${(t.articles / (t.floor.wall / 1000)).toFixed(1)} | ${ms(t.floor.p50)} | ${ms(t.floor.p95)} | ${mb(t.floor.peakRss)} | ${ratio(t.floor.wall, t.baseline.wall)} |
| faircopy library, \`audit()\` | ${s(t.library.wall)} | ${(t.articles / (t.library.wall / 1000)).toFixed(1)} | ${ms(t.library.p50)} | ${ms(t.library.p95)} | ${mb(t.library.peakRss)} | ${ratio(t.library.wall, t.baseline.wall)} |
| faircopy CLI \`--jobs 1\` | ${s(t.cli1.wall)} | ${(t.articles / (t.cli1.wall / 1000)).toFixed(1)} | | | ${mb(t.cli1.peakRss)} | ${ratio(t.cli1.wall, t.baseline.wall)} |
| faircopy CLI \`--jobs 2\` | ${s(t.cli2.wall)} | ${(t.articles / (t.cli2.wall / 1000)).toFixed(1)} | | | ${mb(t.cli2.peakRss)} | ${ratio(t.cli2.wall, t.baseline.wall)} |

A warm single article takes ${ms(t.library.p50)} (p50) against the floor's ${ms(t.floor.p50)}: ${ratio(t.library.p50, t.floor.p50)}.

| faircopy stage, typical article | p50 | p95 |
| --- | ---: | ---: |
${['parse', 'prose', 'render', 'axe', 'report'].map(stageRow).join('\n')}

| other measurements | faircopy | baseline |
| --- | ---: | ---: |
| short article (150 words), p50 / p95 | ${ms(results.short.library.p50)} / ${ms(results.short.library.p95)} | ${ms(results.short.baseline.p50)} / ${ms(results.short.baseline.p95)} |
| long article (5,000 words), p50 / p95 | ${ms(results.long.library.p50)} / ${ms(results.long.library.p95)} | ${ms(results.long.baseline.p50)} / ${ms(results.long.baseline.p95)} |
| 1,000 typical articles, CLI \`--jobs 2\` | ${s(results.thousand.wall)}, peak RSS ${mb(results.thousand.peakRss)} (120: ${mb(t.cli2.peakRss)}) | |
| one 1.5 MB Markdown article | ${s(results.big.wall)} (parse ${s(results.big.parse)}, prose ${s(results.big.prose)}, axe ${s(results.big.axe)}), peak RSS ${mb(results.big.peakRss)} | |
${Object.entries(results.release).map(([name, row]) => `| release notes, ${name.includes('1m') ? '1 MB' : '300 KB'} (\`bench/corpus.ts\`) | ${row.outcome === 'audited' ? s(row.wall) : `refused (${row.outcome}) in ${ms(row.wall)}`} | |`).join('\n')}
${results.real === undefined ? '| real corpus (`../shared/corpus/real`) | not there | |' : `| real corpus (\`../shared/corpus/real\`), ${results.real.files} files, library | p50 ${ms(results.real.p50)}, p95 ${ms(results.real.p95)}, slowest ${ms(results.real.slowest.wall)} (\`${results.real.slowest.name}\`); ${s(results.real.wall)} wall, ${s(results.real.cpu)} CPU${results.real.refused > 0 ? `; ${results.real.refused} refused` : ''} | |`}
| CLI cold start to first report (one short article) | ${ms(results.coldStart.median)} (median of 5) | |
${
  results.chromium === undefined
    ? '\nThe chromium engine was not measured: no Chromium on this machine.\n'
    : `
The chromium engine (\`engine: 'chromium'\`), the same ${t.articles} typical articles in one process; CPU and peak memory
count the browser's processes too:

| chromium engine | wall | CPU | first article (browser start) | warm p50 | warm p95 | peak RSS, process tree |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| ${t.articles} typical articles | ${s(results.chromium.typical.wall)} | ${s(results.chromium.typical.cpu)} | ${ms(results.chromium.typical.cold)} | ${ms(results.chromium.typical.p50)} | ${ms(results.chromium.typical.p95)} | ${mb(results.chromium.typical.peakRss)} |
${results.chromium.real === undefined ? '' : `| real corpus, ${results.chromium.real.files} files | ${s(results.chromium.real.wall)} | ${s(results.chromium.real.cpu)} | | ${ms(results.chromium.real.p50)} | ${ms(results.chromium.real.p95)} | |\n`}`
}`
console.log(table)
if (!values['no-readme']) {
  const readmePath = join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const start = readme.indexOf('<!-- bench:start -->')
  const end = readme.indexOf('<!-- bench:end -->')
  if (start !== -1 && end > start) {
    writeFileSync(readmePath, `${readme.slice(0, start + '<!-- bench:start -->'.length)}\n${table}${readme.slice(end)}`)
    console.error('README.md: Performance section updated.')
  }
}
