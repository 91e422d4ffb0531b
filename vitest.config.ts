import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Generous: some tests drive a browser or spawn the CLI many times, and CI machines can be slow and busy.
    testTimeout: 180_000,
    hookTimeout: 300_000
  }
})
