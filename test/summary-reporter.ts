import type {Reporter, SerializedError, TestModule, TestRunEndReason} from 'vitest/node'

/** Ends every run with how long it took, then the plain line CI reads: `N passed, N failed, N skipped`. */
export default class SummaryReporter implements Reporter {
  private started = performance.now()

  onInit(): void {
    this.started = performance.now()
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = [], reason?: TestRunEndReason): void {
    const counts = {passed: 0, failed: 0, skipped: 0}
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
    }
    // An error outside any test (the typecheck or the build in the global setup) fails the run: it counts as failed.
    counts.failed += unhandledErrors.length
    if (reason === 'failed' && counts.failed === 0) counts.failed = 1
    const seconds = Math.round((performance.now() - this.started) / 1000)
    const time = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`
    process.stdout.write(`\nnpm test took ${time} (wall clock, the build included)\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
}
