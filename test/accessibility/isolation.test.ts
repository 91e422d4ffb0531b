import {execFileSync} from 'node:child_process'
import {closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Format} from '../../src/index.ts'
import {audit, expectValidReport, placesOf} from '../helpers.ts'

let server: Server
let origin = ''
const requests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    response.end('')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** Markup that would fetch from the server or change the page if anything ran or loaded. */
function hostileMarkup(): string {
  // The inline script comes first: jsdom would hold it back behind an external script that never loads.
  return [
    `<img class="unnamed" src="${origin}/photo.png" onerror="fetch('${origin}/onerror')">`,
    `<script>document.querySelector('img.unnamed').setAttribute('alt', 'fixed by script'); globalThis.faircopyScriptRan = true;</script>`,
    `<link rel="stylesheet" href="${origin}/style.css">`,
    `<style>@import url("${origin}/import.css"); main { background: url("${origin}/background.png"); }</style>`,
    `<script src="${origin}/external.js"></script>`,
    `<iframe src="${origin}/frame.html" title="Embedded page"></iframe>`,
    `<iframe srcdoc="<script>parent.faircopyScriptRan = true</script>" title="Inline page"></iframe>`,
    `<video src="${origin}/clip.mp4" poster="${origin}/poster.png"></video>`,
    `<object data="${origin}/object.svg" aria-label="Diagram"></object>`,
    `<a href="javascript:globalThis.faircopyScriptRan = true">Tide tables</a>`,
    `<meta http-equiv="refresh" content="0;url=${origin}/refresh">`,
    `<base href="${origin}/base/">`,
    `<link rel="import" href="${origin}/import.html">`,
    `<link rel="preload" as="image" href="${origin}/preload.png">`,
    `<svg><script>globalThis.faircopyScriptRan = true; fetch('${origin}/svg')</script><image href="${origin}/svg-image.png" width="4" height="4"/></svg>`,
    `<img src="relative.png" alt="Resolved against the base">`
  ].join('\n')
}

const documents: Record<Exclude<Format, 'text'>, () => string> & {'html fragment': () => string} = {
  html: () =>
    `<!doctype html>\n<html lang="en">\n<head>\n<title>Tides</title>\n<meta http-equiv="refresh" content="0; url=${origin}/refresh">\n<base href="${origin}/base/">\n</head>\n<body onload="fetch('${origin}/onload')">\n<main>\n<h1>Tides</h1>\n<p>The tide turns twice a day.</p>\n${hostileMarkup()}\n</main>\n</body>\n</html>\n`,
  'html fragment': () => `<h1>Tides</h1>\n<p>The tide turns twice a day.</p>\n${hostileMarkup()}\n`,
  markdown: () => `# Tides\n\nThe tide turns twice a day.\n\n${hostileMarkup()}\n\n![](${origin}/markdown-image.png)\n`,
  // The same attacks written as JSX, which MDX parses (its lower-case elements are HTML elements).
  mdx: () =>
    [
      '# Tides',
      'The tide turns twice a day.',
      `<img className="unnamed" src="${origin}/photo.png" onError="fetch('${origin}/onerror')" />`,
      `<script>document.querySelector('img.unnamed').setAttribute('alt', 'fixed by script'); globalThis.faircopyScriptRan = true;</script>`,
      `<link rel="stylesheet" href="${origin}/style.css" />`,
      `<iframe src="${origin}/frame.html" title="Embedded page" />`,
      `<video src="${origin}/clip.mp4" poster="${origin}/poster.png" />`,
      `<object data="${origin}/object.svg" aria-label="Diagram" />`,
      `<a href="javascript:globalThis.faircopyScriptRan = true">Tide tables</a>`,
      `<meta httpEquiv="refresh" content={"0;url=${origin}/refresh"} />`,
      `![](${origin}/markdown-image.png)`,
      ''
    ].join('\n\n')
}

describe.each(Object.keys(documents) as Array<keyof typeof documents>)('auditing hostile %s', (kind) => {
  it('makes no request and runs no script', async () => {
    requests.length = 0
    const format = kind === 'html fragment' ? 'html' : kind
    const report = expectValidReport(await audit(documents[kind](), {format}))
    // Give any stray request time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(requests).toEqual([])
    expect((globalThis as {faircopyScriptRan?: boolean}).faircopyScriptRan).toBeUndefined()
    // Had the inline script run, it would have given the image its alt text.
    expect(placesOf(report, 'image-alt').length).toBeGreaterThanOrEqual(1)
    expect(report.findings.find((finding) => finding.ruleId === 'image-alt')?.excerpt).toMatch(/class(?:Name)?="unnamed"/)
    // MDX parses this as MDX, not as Markdown after a failure.
    expect(report.findings.filter((finding) => finding.ruleId === 'mdx')).toEqual([])
  })
})

describe('plain text that looks like markup', () => {
  it('stays text: nothing is rendered as an element, fetched or run', async () => {
    requests.length = 0
    const report = expectValidReport(await audit(`The tide turns.\n\n${hostileMarkup()}\n`, {format: 'text'}))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(requests).toEqual([])
    expect(report.accessibility.violations).toEqual([])
  })
})

describe('local files the article names', () => {
  it('are never opened: a FIFO behind file: and a base URL would hang a reader, and a canary sheet would hide the image', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'faircopy-local-'))
    try {
      const fifo = join(folder, 'pipe.css')
      execFileSync('mkfifo', [fifo])
      writeFileSync(join(folder, 'canary.css'), 'img { display: none }\n')
      const heads = [
        `<link rel="stylesheet" href="file://${fifo}">`,
        `<style>@import url("file://${fifo}"); @import url("file://${join(folder, 'canary.css')}");</style>`,
        `<link rel="stylesheet" href="file://${join(folder, 'canary.css')}">`,
        `<base href="file://${folder}/"><link rel="stylesheet" href="canary.css">`,
        `<link rel="stylesheet" href="data:text/css,img%7Bdisplay:none%7D">`
      ]
      for (const head of heads) {
        const page = `<!doctype html><html lang="en"><head><title>Files</title>${head}</head><body><main><h1>Files</h1><img src="a.png"><iframe src="file://${fifo}" title="A pipe"></iframe><iframe src="file:///etc/hostname" title="A file"></iframe></main></body></html>`
        const report = await audit(page, {format: 'html'})
        // Had a sheet been read, the image would be hidden and need no text alternative.
        expect(placesOf(report, 'image-alt'), head).toHaveLength(1)
      }
      // Nobody holds the FIFO open for reading: opening it to write without blocking finds no reader.
      expect(() => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))).toThrow(/ENXIO/)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})
