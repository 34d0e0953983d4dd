#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, with one closing line
 * `N passed, N failed` (tests plus whole-project checks) for CI to read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cdnGraph } from './cdn-graph.mjs';

let passed = 0;
let failed = 0;

function run(command, args, options = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, ...options });
  return result.status === 0;
}

function check(name, ok) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${name}`);
}

const bin = (name) => join('node_modules', '.bin', name);

// Whole-project checks.
check('types (tsc --noEmit)', run(bin('tsc'), ['--noEmit']));

// The analyzer resolves --outdir against the working directory.
const manifestDir = join('.test-results', 'manifest');
rmSync(manifestDir, { recursive: true, force: true });
const analyzed = run(bin('cem'), ['analyze', '--quiet', '--outdir', manifestDir]);
// The manifest and what is generated from it (types/: VS Code data, JSX and Vue types).
const generated = ['custom-elements.json', ...readdirSync('types').map((name) => join('types', name))];
const stale = analyzed
  ? generated.filter((path) => {
      try {
        return readFileSync(join(manifestDir, path), 'utf8') !== readFileSync(path, 'utf8');
      } catch {
        return true;
      }
    })
  : generated;
if (stale.length) console.log(`Out of date: ${stale.join(', ')}. Run \`npm run analyze\` and commit.`);
check('custom-elements.json and types/ are current', stale.length === 0);

// The script-tag bundle's size budgets, gzip level 9, following each entry's imports in cdn/:
// what a page loads first for the checkout (the entry and the chunk it imports statically, what a
// cardholder paying downloads), everything the checkout may load (with the application's chunk),
// what an application page loads with cdn/flexiti-apply.js (the same, in one go), what a product
// page loads for <flexiti-message> (its entry and the chunk it shares with the
// checkout's, Lit included), and the whole of cdn/.
const BUDGETS = [
  { name: 'checkout entry, first load', entry: 'flexiti-checkout.js', lazy: false, bytes: 24 * 1024 },
  { name: 'checkout bundle, everything it may load', entry: 'flexiti-checkout.js', lazy: true, bytes: 45 * 1024 },
  { name: 'application page entry, everything it loads', entry: 'flexiti-apply.js', lazy: true, bytes: 45 * 1024 },
  { name: 'message entry, everything it loads', entry: 'flexiti-message.js', lazy: true, bytes: 12 * 1024 },
  { name: 'all of cdn/', entry: undefined, lazy: true, bytes: 45 * 1024 },
];
const built = run(bin('vite'), ['build', '--logLevel', 'warn']);
if (built) {
  const files = readdirSync('cdn', { recursive: true }).filter((name) => name.endsWith('.js')).map((name) => name.replace(/\\/g, '/'));
  const gzipped = new Map(files.map((name) => [name, gzipSync(readFileSync(join('cdn', name)), { level: 9 }).length]));
  for (const [name, bytes] of gzipped) console.log(`  cdn/${name}: ${bytes} bytes gzip`);
  for (const budget of BUDGETS) {
    const loaded = budget.entry ? cdnGraph('cdn', budget.entry, { lazy: budget.lazy }) : files;
    const bytes = loaded.reduce((sum, name) => sum + (gzipped.get(name) ?? Infinity), 0);
    console.log(`${budget.name}: ${bytes} bytes gzip (budget ${budget.bytes}): ${loaded.join(' + ')}`);
    check(`${budget.name} within ${budget.bytes / 1024} kB gzip`, bytes <= budget.bytes);
  }
} else {
  for (const budget of BUDGETS) check(`${budget.name} within ${budget.bytes / 1024} kB gzip`, false);
}

// The demo's React and Vue pages, which the demo test (vitest, below) visits.
check('demo build (React and Vue pages)', run(bin('vite'), ['build', '--config', join('demo', 'vite.config.ts'), '--logLevel', 'warn']));

// Node tests (sandbox, handler, schemas, the demo, the integrations).
const report = join(mkdtempSync(join(tmpdir(), 'vitest-')), 'report.json');
const vitestOk = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + (vitestOk || results.numFailedTests > 0 ? 0 : 1);
} catch {
  check('vitest produced a report', false);
}

// Browser tests of the elements (Chromium, Firefox ESR, WebKit; `BROWSERS` narrows them).
const wtrReport = join('.test-results', 'wtr.json');
rmSync(wtrReport, { force: true });
const wtrOk = run(process.execPath, [join('scripts', 'wtr.mjs')]);
try {
  const results = JSON.parse(readFileSync(wtrReport, 'utf8'));
  passed += results.passed;
  failed += results.failed + (wtrOk || results.failed > 0 ? 0 : 1);
} catch {
  check('browser tests produced a report', false);
}

/** Runs a script that ends with `N passed, N failed` and adds its counts. */
function counted(name, command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(result.stdout ?? '');
  const counts = /^(\d+) passed, (\d+) failed$/m.exec(result.stdout ?? '');
  if (!counts) return check(`${name} reported its results`, false);
  passed += Number(counts[1]);
  failed += Number(counts[2]) + (result.status === 0 || Number(counts[2]) > 0 ? 0 : 1);
}

// The Shopify and WooCommerce integrations: php -l, schemas, translations, no inline code.
counted('integrations', process.execPath, [join('scripts', 'check-integrations.mjs')]);

// The package as a merchant installs it: npm pack, install, import, type-check, render.
counted('package', process.execPath, [join('scripts', 'pack-test.mjs')]);

const summary = `${passed} passed, ${failed} failed`;
mkdirSync('.test-results', { recursive: true });
writeFileSync(join('.test-results', 'summary.txt'), `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed > 0 ? 1 : 0);
