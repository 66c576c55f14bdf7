/**
 * Appends each Jest run's totals to the file named by CONFER_TEST_SUMMARY (one JSON line per run),
 * so tools/test.sh can print one closing line for the whole suite: "N passed, N failed".
 */
const { appendFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.CONFER_TEST_SUMMARY;
    if (!file) return;
    appendFileSync(
      file,
      `${JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      })}\n`,
    );
  }
}

module.exports = SummaryReporter;
