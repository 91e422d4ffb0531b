// The hand-written way, as a developer would combine the same packages without faircopy (the baseline):
// for each article, render Markdown to HTML, open a fresh jsdom window, evaluate axe.source, run axe-core with
// the default tags, close the window, then run retext with readability, passive and simplify.
// Also the floor: axe-core in one warm window plus one retext pass, the least any such tool can do.
import axe from 'axe-core'
import {JSDOM, VirtualConsole} from 'jsdom'
import rehypeStringify from 'rehype-stringify'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import retextEnglish from 'retext-english'
import retextPassive from 'retext-passive'
import retextReadability from 'retext-readability'
import retextSimplify from 'retext-simplify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {CorpusFormat} from './corpus.ts'

export const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

type AxeWindow = JSDOM['window'] & {axe: typeof axe}

const markdownToHtml = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify)
const retext = unified().use(retextEnglish).use(retextReadability).use(retextPassive).use(retextSimplify)

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

/** The article as a web page, the way a developer would make one. */
export function pageOf(text: string, format: CorpusFormat): string {
  if (format === 'html') return text
  const body =
    format === 'markdown'
      ? String(markdownToHtml.processSync(text))
      : text
          .split(/\n{2,}/)
          .map((paragraph) => `<p>${escape(paragraph.trim())}</p>`)
          .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body><main>${body}</main></body></html>`
}

/** retext over the article's text, once. */
export async function retextPass(text: string): Promise<number> {
  const file = new VFile(text)
  await retext.run(retext.parse(file), file)
  return file.messages.length
}

export interface Timed {
  readonly render: number
  readonly axe: number
  readonly prose: number
}

/** The hand-written audit of one article, with the time of each part. */
export async function handWritten(text: string, format: CorpusFormat): Promise<Timed> {
  let mark = performance.now()
  const html = pageOf(text, format)
  const render = performance.now() - mark
  mark = performance.now()
  const dom = new JSDOM(html, {runScripts: 'outside-only', virtualConsole: new VirtualConsole()})
  const window = dom.window as AxeWindow
  window.eval(axe.source)
  await window.axe.run(window.document, {runOnly: {type: 'tag', values: tags}})
  window.close()
  const axeTime = performance.now() - mark
  mark = performance.now()
  await retextPass(text)
  return {render, axe: axeTime, prose: performance.now() - mark}
}

let warm: AxeWindow | undefined

/** The floor: axe-core in a window that already has it loaded, plus one retext pass. */
export async function floor(text: string, format: CorpusFormat): Promise<Timed> {
  let mark = performance.now()
  const html = pageOf(text, format)
  if (!warm) {
    warm = new JSDOM('<!doctype html><html><head></head><body></body></html>', {runScripts: 'outside-only', virtualConsole: new VirtualConsole()}).window as AxeWindow
    warm.eval(axe.source)
  }
  const parsed = new warm.DOMParser().parseFromString(html, 'text/html')
  warm.document.replaceChild(warm.document.adoptNode(parsed.documentElement), warm.document.documentElement)
  const render = performance.now() - mark
  mark = performance.now()
  await warm.axe.run(warm.document, {runOnly: {type: 'tag', values: tags}})
  const axeTime = performance.now() - mark
  mark = performance.now()
  await retextPass(text)
  return {render, axe: axeTime, prose: performance.now() - mark}
}
