/**
 * Benchmark (not a test), in Chromium with the script-tag bundle (run `npm run build` first):
 *
 * 1. navigation → interactive form: `<flexiti-apply>` alone on a page, its session and form
 *    values rendered in by the page's server, against a static page with the same 26 fields and
 *    nothing to fetch (the floor); for reference, the element minting its session from
 *    `token-url`, the floor with the element's scripts, and the demo's `/apply.html`. Loaded one
 *    after the other round by round, each from a fresh cache, from one local server in a process
 *    of its own (`bench-apply-server.ts`); the ratio of the medians is the figure (target ≤ 2×);
 *    then the rendered page and the floor again with the browser's cache, as a returning shopper
 *    loads them;
 * 2. how long `<flexiti-apply>` takes from being connected to the page to an interactive form
 *    (session from `token-url`, form values from the handler and the sandbox, every field rendered).
 *
 *   npm run bench:apply -- [runs=30]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const runs = Number(process.argv[2] ?? 30);
const server = spawn(process.execPath, [...process.execArgv, fileURLToPath(new URL('./bench-apply-server.ts', import.meta.url))], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [started] = (await once(server.stdout, 'data')) as [Buffer];
const origin = started.toString().trim();

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
/** The application's first step on screen in `root` (a shadow root), its choices (from the form values) in place. */
const FIRST_STEP_READY = `(root) => !!(root && root.querySelector('#f-salutation option[value="ms"]') && root.querySelector('#f-phone')?.offsetParent)`;

// 1. Navigation → interactive form, the element's page against the static floor. Each page checks
// itself on every animation frame from its first one and keeps the time of the first frame that
// has its form interactive, so the figure is the page's, not the time a tool takes to look.
const INTERACTIVE = {
  element: `(${FIRST_STEP_READY})(document.querySelector('flexiti-apply')?.shadowRoot)`,
  floor: `!!document.querySelector('#f-personalIdWord')`,
};
const watch = (ready: string) => `(() => {
  const frame = () => { if (${ready}) window.__interactiveAt = performance.now(); else requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})()`;
async function navigate(path: string, ready: string, cached = false): Promise<number> {
  const fresh = await browser.newPage();
  await fresh.setCacheEnabled(cached);
  await fresh.evaluateOnNewDocument(watch(ready));
  await fresh.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded' });
  const ms = (await (await fresh.waitForFunction('window.__interactiveAt', { polling: 'raf', timeout: 30_000 })).jsonValue()) as number;
  await fresh.close();
  return ms;
}
const PAGES = {
  floor: ['/bench/floor.html', INTERACTIVE.floor],
  rendered: ['/bench/apply.html', INTERACTIVE.element],
  tokenUrl: ['/bench/token-url.html', INTERACTIVE.element],
  floorScripts: ['/bench/floor-scripts.html', `${INTERACTIVE.floor} && !!customElements.get('flexiti-apply')`],
  demo: ['/apply.html', INTERACTIVE.element],
} as const;
// And the same two with the browser's cache (a shopper back on the store: the scripts are kept).
const CACHED = { floor: PAGES.floor, rendered: PAGES.rendered } as const;
const navigation = Object.fromEntries(Object.keys(PAGES).map((name) => [name, [] as number[]])) as Record<keyof typeof PAGES, number[]>;
const cached = { floor: [] as number[], rendered: [] as number[] };
for (let i = 0; i < Math.max(5, Math.floor(runs / 2)) + 2; i++) {
  for (const [name, [path, ready]] of Object.entries(PAGES) as [keyof typeof PAGES, readonly [string, string]][]) {
    const ms = await navigate(path, ready);
    if (i >= 2) navigation[name].push(ms);
  }
  for (const [name, [path, ready]] of Object.entries(CACHED) as [keyof typeof CACHED, readonly [string, string]][]) {
    const ms = await navigate(path, ready, true);
    if (i >= 2) cached[name].push(ms);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const floor = median(navigation.floor);
const line = (label: string, list: number[]) => `${label} p50 ${median(list).toFixed(1)} ms · ${(median(list) / floor).toFixed(2)}×`;
console.log(`navigation → interactive form, Chromium, ${navigation.floor.length} rounds, no cache; static floor p50 ${floor.toFixed(1)} ms`);
console.log(`${line('<flexiti-apply>, session and form values rendered in', navigation.rendered)} (target ≤ 2×)`);
console.log(line('<flexiti-apply> with token-url', navigation.tokenUrl));
console.log(line('the floor with the element\'s scripts', navigation.floorScripts));
console.log(line('the demo\'s /apply.html (its stylesheet, header and event log too)', navigation.demo));
console.log(
  `with the browser's cache: <flexiti-apply>, rendered in, p50 ${median(cached.rendered).toFixed(1)} ms · static floor p50 ${median(cached.floor).toFixed(1)} ms · ${(median(cached.rendered) / median(cached.floor)).toFixed(2)}×`,
);

// 2. Connected → interactive, on a warm page.
const page = await browser.newPage();
await page.goto(`${origin}/apply.html`, { waitUntil: 'networkidle0' });

// Plain source, so that no build step rewrites what runs in the page.
const MEASURE = `new Promise((resolve) => {
  document.querySelectorAll('flexiti-apply').forEach((old) => old.remove());
  const el = document.createElement('flexiti-apply');
  el.setAttribute('token-url', '/api/flexiti/session');
  const started = performance.now();
  document.body.append(el);
  const check = () => {
    if ((${FIRST_STEP_READY})(el.shadowRoot)) {
      resolve(performance.now() - started);
    } else requestAnimationFrame(check);
  };
  check();
})`;

const samples: number[] = [];
for (let i = 0; i < runs + 3; i++) {
  const ms = (await page.evaluate(MEASURE)) as number;
  if (i >= 3) samples.push(ms);
}
samples.sort((a, b) => a - b);
const pct = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!;
console.log(`<flexiti-apply> connected → interactive form, Chromium, ${samples.length} runs`);
console.log(`p50 ${pct(50).toFixed(1)} ms  p95 ${pct(95).toFixed(1)} ms  min ${samples[0]!.toFixed(1)} ms  max ${samples.at(-1)!.toFixed(1)} ms`);
await browser.close();
server.kill();
