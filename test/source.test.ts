import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'

const src = new URL('../src/', import.meta.url).pathname

/** Every TypeScript file under src/. */
const files = readdirSync(src, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.ts'))

// A spread into a call passes each element as an argument, and V8 takes only so many: `Math.max(...findings)` of a
// large article threw "Maximum call stack size exceeded" and lost every file's output. Spreads into calls are loops
// instead, unless the line says why its array is bounded.
it('spreads no array of unbounded length into a call (push, unshift, Math.max, Math.min, fromCharCode, apply)', () => {
  expect(files.length).toBeGreaterThan(50)
  const offending = files.flatMap((name) =>
    readFileSync(join(src, name), 'utf8')
      .split('\n')
      .flatMap((line, index) => (/\b(?:push|unshift|max|min|fromCharCode|fromCodePoint|apply|call)\(\s*\.\.\./.test(line) && !/\/\/ bounded: \S/.test(line) ? [`src/${name}:${index + 1}: ${line.trim()}`] : []))
  )
  expect(offending).toEqual([])
})
