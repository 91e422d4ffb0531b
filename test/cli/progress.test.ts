import {describe, expect, it} from 'vitest'
import {Progress, progressLine} from '../../src/cli/progress.ts'

describe('progressLine', () => {
  it('shows files done, time and the current file', () => {
    expect(progressLine(3, 12, 'posts/tides.md', 4200, 80)).toBe('[#####...............] 3/12 4.2s posts/tides.md')
  })

  it('shortens a long path from the left to fit the terminal', () => {
    expect(progressLine(1, 2, 'content/very/long/path/to/an/article.md', 0, 50)).toBe('[##########..........] 1/2 0.0s …to/an/article.md')
  })
})

describe('Progress', () => {
  it('draws on a terminal and clears the line at the end', () => {
    const written: string[] = []
    const progress = new Progress({isTTY: true, columns: 80, write: (text: string) => written.push(text)}, 2)
    progress.tick('a.md')
    progress.tick('b.md')
    progress.finish()
    expect(written).toHaveLength(3)
    expect(written[1]).toMatch(/^\r\u001B\[2K\[#{20}\] 2\/2 \d+\.\ds b\.md$/)
    expect(written[2]).toBe('\r\u001B[2K')
  })

  it('stays silent off a terminal and for a single file', () => {
    const written: string[] = []
    const pipe = new Progress({isTTY: false, write: (text: string) => written.push(text)}, 5)
    pipe.tick('a.md')
    pipe.finish()
    const single = new Progress({isTTY: true, write: (text: string) => written.push(text)}, 1)
    single.tick('a.md')
    single.finish()
    expect(written).toEqual([])
  })
})
