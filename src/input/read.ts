import {FaircopyError} from '../errors.ts'

/** Decodes article bytes as UTF-8 and refuses what is not an article: nothing, or binary data. */
export function decodeArticle(bytes: Uint8Array, path?: string): string {
  if (bytes.includes(0)) {
    throw new FaircopyError('E_INPUT_BINARY', `${label(path)} looks like a binary file (it contains NUL bytes), not an article.`, {path})
  }
  return checkText(new TextDecoder('utf-8').decode(bytes), path)
}

/** Strips a UTF-8 byte-order mark and refuses empty or whitespace-only text. */
export function checkText(text: string, path?: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') {
    throw new FaircopyError('E_INPUT_EMPTY', `${label(path)} is empty: there is nothing to audit.`, {path})
  }
  return body
}

function label(path: string | undefined): string {
  return path ?? 'The article'
}
