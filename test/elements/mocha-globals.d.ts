/**
 * The Mocha globals web-test-runner provides to the browser tests in this folder (the Node
 * tests import theirs from vitest). Only what the tests use is declared.
 */

interface BrowserTestContext {
  /** Changes this test's or hook's time limit (ms). */
  timeout(ms: number): void;
  /** Marks the running test as skipped. */
  skip(): never;
}

type BrowserTestFn = (this: BrowserTestContext) => void | Promise<unknown>;
type BrowserSuiteFn = (this: BrowserTestContext) => void;

interface BrowserSuiteFunction {
  (title: string, fn: BrowserSuiteFn): void;
  only(title: string, fn: BrowserSuiteFn): void;
  skip(title: string, fn: BrowserSuiteFn): void;
}

interface BrowserTestFunction {
  (title: string, fn?: BrowserTestFn): void;
  only(title: string, fn?: BrowserTestFn): void;
  skip(title: string, fn?: BrowserTestFn): void;
}

interface BrowserHookFunction {
  (fn: BrowserTestFn): void;
  (title: string, fn: BrowserTestFn): void;
}

declare const describe: BrowserSuiteFunction;
declare const it: BrowserTestFunction;
declare const before: BrowserHookFunction;
declare const after: BrowserHookFunction;
declare const beforeEach: BrowserHookFunction;
declare const afterEach: BrowserHookFunction;
