/**
 * Benchmark (not a test): how long `<flexiti-apply>` takes from being connected to the page to
 * an interactive form (session from `token-url`, form values from the handler and the sandbox,
 * every field rendered), in Chromium, with the script-tag bundle. Run `npm run build` first.
 *
 *   npm run bench:apply -- [runs=30]
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { createDemoApp } from '../demo/app.js';

const runs = Number(process.argv[2] ?? 30);
let origin = '';
const server = serve({ fetch: (request, env) => demo.app.fetch(request, env), port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const demo = createDemoApp({ origin, unlimited: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
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
    const root = el.shadowRoot;
    if (root && root.querySelector('#f-province option[value="QC"]') && root.querySelector('#f-personalIdWord')) {
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
server.close();
