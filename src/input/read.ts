import {FaircopyError} from '../errors.ts'

/** How an article's bytes were read. Anything but UTF-8 is said in a warning finding (`encoding`). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

export interface DecodedArticle {
  readonly text: string
  readonly encoding: Encoding
}

/** File signatures of common binary formats that can look like text in their first bytes. */
const signatures: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, EPUB
  [0x1f, 0x8b], // gzip
  [0x52, 0x49, 0x46, 0x46], // RIFF: WebP, WAV
  [0x7f, 0x45, 0x4c, 0x46] // ELF
]

/**
 * Decodes article bytes: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, and, when the
 * bytes are not valid UTF-8 but read as text, Windows-1252 (the superset of Latin-1 that most "ANSI" files are).
 * Refuses what is not an article: nothing, or binary data (NUL bytes, a binary file signature, control bytes).
 */
export function decodeArticle(bytes: Uint8Array, path?: string): DecodedArticle {
  if (startsWith(bytes, [0xff, 0xfe])) return {text: checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)), path), encoding: 'utf-16le'}
  if (startsWith(bytes, [0xfe, 0xff])) return {text: checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)), path), encoding: 'utf-16be'}
  const signature = signatures.find((magic) => startsWith(bytes, magic))
  if (bytes.includes(0) || signature !== undefined) {
    const why = signature === undefined ? 'it contains NUL bytes' : 'it starts like an image, PDF, archive or program'
    throw new FaircopyError('E_INPUT_BINARY', `${label(path)} looks like a binary file (${why}), not an article.`, {path})
  }
  try {
    return {text: checkText(new TextDecoder('utf-8', {fatal: true}).decode(bytes), path), encoding: 'utf-8'}
  } catch (error) {
    if (error instanceof FaircopyError) throw error
  }
  if (controlShare(bytes) > 0.01) throw new FaircopyError('E_INPUT_BINARY', `${label(path)} looks like a binary file (it is not text in any encoding faircopy reads), not an article.`, {path})
  return {text: checkText(new TextDecoder('windows-1252').decode(bytes), path), encoding: 'windows-1252'}
}

/** An article given as a string (`audit`): refused when over the size limit or holding NUL characters, like files. */
export function checkString(text: string, path: string | undefined, maxBytes: number): string {
  const size = Buffer.byteLength(text)
  if (size > maxBytes) throw tooLarge(size, maxBytes, path)
  if (text.includes('\u0000')) {
    throw new FaircopyError('E_INPUT_BINARY', `${label(path)} contains NUL characters: it looks like binary data, not an article.`, {path})
  }
  return checkText(text, path)
}

/** The text without a leading byte-order mark: report offsets never count it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Strips a UTF-8 byte-order mark and refuses empty or whitespace-only text. */
export function checkText(text: string, path?: string): string {
  const body = stripBom(text)
  if (body.trim() === '') {
    throw new FaircopyError('E_INPUT_EMPTY', `${label(path)} is empty: there is nothing to audit.`, {path})
  }
  return body
}

export function tooLarge(size: number, maxBytes: number, path: string | undefined): FaircopyError {
  return new FaircopyError('E_INPUT_TOO_LARGE', `${label(path)} is ${sizeOf(size)}, over the limit of ${sizeOf(maxBytes)} (maxFileBytes).`, {path})
}

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte)
}

/** The share of C0 control bytes other than tab, line feed, form feed and carriage return. */
function controlShare(bytes: Uint8Array): number {
  let controls = 0
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++
  return bytes.length === 0 ? 0 : controls / bytes.length
}

function label(path: string | undefined): string {
  return path ?? 'The article'
}
