import type {Reporter, TestModule} from 'vitest/node'

/** Ends every run with how long it took, then the plain line CI reads: `N passed, N failed, N skipped`. */
export default class SummaryReporter implements Reporter {
  private started = performance.now()

  onInit(): void {
    this.started = performance.now()
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = {passed: 0, failed: 0, skipped: 0}
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
    }
    const seconds = Math.round((performance.now() - this.started) / 1000)
    const time = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`
    process.stdout.write(`\nnpm test took ${time} (wall clock, the build included)\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
}
