/** Every error faircopy raises on purpose carries one of these codes. */
export type FaircopyErrorCode =
  | 'E_INPUT_MISSING'
  | 'E_INPUT_UNREADABLE'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_TOO_LARGE'
  | 'E_INPUT_TOO_COMPLEX'
  | 'E_TIMEOUT'
  | 'E_OPTIONS_INVALID'
  | 'E_CONFIG_INVALID'
  | 'E_USAGE'
  /** The chosen accessibility engine cannot run here: `engine: 'chromium'` without a Chromium installed. */
  | 'E_ENGINE_UNAVAILABLE'
  /** The browser of the chromium engine failed on this file; the next file gets a new one. */
  | 'E_ENGINE_CRASHED'
  /** A fault in faircopy itself (or in a rule or plugin of yours): the file's result says what failed. */
  | 'E_INTERNAL'

/** An error a user can act on: one clear sentence and a code to branch on. */
export class FaircopyError extends Error {
  readonly code: FaircopyErrorCode
  readonly path: string | undefined

  constructor(code: FaircopyErrorCode, message: string, options: {path?: string | undefined; cause?: unknown} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'FaircopyError'
    this.code = code
    this.path = options.path
  }
}
