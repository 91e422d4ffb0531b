/** The stages of one audit, as the benchmark times them. */
export type Stage = 'parse' | 'prose' | 'render' | 'axe' | 'report'

export type StageObserver = (stage: Stage, milliseconds: number) => void

let observer: StageObserver | undefined

/** Hears the time each stage of every audit in this thread takes (the benchmark's probe); `undefined` stops it. */
export function observeStages(next: StageObserver | undefined): void {
  observer = next
}

/** A stopwatch for one audit: each `lap` tells the observer how long the stage since the last lap took. */
export function stopwatch(): {lap(stage: Stage): void; restart(): void; observer: StageObserver | undefined} {
  const current = observer
  let mark = performance.now()
  return {
    observer: current,
    lap(stage) {
      const now = performance.now()
      current?.(stage, now - mark)
      mark = now
    },
    restart() {
      mark = performance.now()
    }
  }
}
