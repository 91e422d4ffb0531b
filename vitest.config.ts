import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'

/** The tests that drive a real browser or a real editor: a project of their own, run by `npm test` all the same. */
const browserTests = ['test/**/*.browser.test.ts', 'test/**/*.editor.test.ts', 'test/accessibility/chromium.test.ts']

/** What both projects share. The global setup (one build of dist/) is the root's alone, so it runs once. */
const shared = {
  setupFiles: ['./test/setup.ts'],
  // One module graph per worker, not per file: the engine (jsdom, axe-core, the tagger, the word lists) loads once
  // per worker instead of once per test file. No test mocks a module, stubs a global or changes the process.
  isolate: false,
  // Generous: some tests drive a browser or spawn the CLI many times, and CI machines can be slow and busy.
  testTimeout: 180_000,
  hookTimeout: 300_000
}

export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Every core: most of the suite's time is spent in the CLI processes its tests start, not in the tests' own thread.
    maxWorkers: availableParallelism(),
    projects: [
      {test: {...shared, name: 'unit', include: ['test/**/*.test.ts'], exclude: browserTests}},
      {test: {...shared, name: 'browser', include: browserTests}}
    ]
  }
})
