/**
 * Test pages are served under a strict Content-Security-Policy (no `unsafe-inline`, no
 * `unsafe-eval`; see `web-test-runner.config.mjs`). Anything it blocks fails the test that caused
 * it: a blocked inline style or script could otherwise go unnoticed.
 */
const violations: string[] = [];

document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
});

/** The violations so far, which then no longer fail the test (for tests of the policy itself). */
export function takeViolations(): string[] {
  return violations.splice(0);
}

afterEach(function () {
  // The event is dispatched asynchronously after the blocked action.
  return new Promise<void>((resolve) => setTimeout(resolve)).then(() => {
    const found = violations.splice(0);
    if (found.length) throw new Error(`Content-Security-Policy violations: ${found.join('; ')}`);
  });
});
