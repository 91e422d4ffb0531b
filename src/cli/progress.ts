/** One line of the progress bar: files done of total, the current file, time so far. Pure, for testing. */
export function progressLine(done: number, total: number, current: string, elapsedMs: number, width: number): string {
  const bar = 20
  const filled = total === 0 ? bar : Math.round((done / total) * bar)
  const head = `[${'#'.repeat(filled)}${'.'.repeat(bar - filled)}] ${done}/${total} ${(elapsedMs / 1000).toFixed(1)}s `
  const room = Math.max(0, width - head.length - 1)
  const name = current.length > room ? `…${current.slice(current.length - room + 1)}` : current
  return `${head}${name}`
}

export interface ProgressStream {
  readonly isTTY?: boolean | undefined
  readonly columns?: number | undefined
  write(text: string): unknown
}

/**
 * A carriage return and "erase line" (CSI 2K): the one cursor control the bar needs. It is not a style, so
 * styleText has nothing for it, and it is only ever written to a terminal.
 */
const REWRITE_LINE = '\r\u001B[2K'

/** A progress bar on a terminal's stderr; silent anywhere else, so it never reaches a report or a log. */
export class Progress {
  private done = 0
  private readonly started = Date.now()
  private readonly active: boolean

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number
  ) {
    this.active = stream.isTTY === true && total > 1
  }

  tick(current: string): void {
    this.done++
    if (this.active) this.stream.write(`${REWRITE_LINE}${progressLine(this.done, this.total, current, Date.now() - this.started, this.stream.columns ?? 80)}`)
  }

  finish(): void {
    if (this.active) this.stream.write(REWRITE_LINE)
  }
}
