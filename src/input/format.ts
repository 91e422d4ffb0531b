import {extname} from 'node:path'
import type {Format} from '../report/schema.ts'

const byExtension: Readonly<Record<string, Format>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mdx': 'mdx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text'
}

/** The format named by the file's extension, else a guess from the content: markup means HTML, else Markdown. */
export function detectFormat(path: string | undefined, text: string): Format {
  const known = path === undefined ? undefined : byExtension[extname(path).toLowerCase()]
  if (known) return known
  if (/^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body)\b/i.test(text)) return 'html'
  return 'markdown'
}

/** Whether HTML source is a whole document (it has a doctype, `<html>`, `<head>` or `<body>`), not a fragment. */
export function isHtmlDocument(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype|html|head|body)\b/i.test(text) || /<body[\s>]/i.test(text)
}
