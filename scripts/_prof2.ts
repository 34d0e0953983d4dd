import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';
import { writeFileSync } from 'node:fs';
import { createDemoApp } from '../demo/app.js';
const server = { once: (_e: string, f: () => void) => f(), address: () => ({ port: 8791 }), close() {} } as any;
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--no-first-run','--disable-background-networking'] });
const READY = `(() => { const root = document.querySelector('flexiti-apply')?.shadowRoot; return !!(root && root.querySelector('#f-salutation option[value="ms"]') && root.querySelector('#f-phone')?.offsetParent); })()`;
for (let i = 0; i < 4; i++) {
  const p = await browser.newPage();
  await p.setCacheEnabled(false);
  await p.evaluateOnNewDocument(`(() => { const f = () => { if (${READY}) window.__interactiveAt = performance.now(); else requestAnimationFrame(f); }; requestAnimationFrame(f); })()`);
  const cdp = await p.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await p.goto(`${origin}/bench/apply.html`, { waitUntil: 'domcontentloaded' });
  await p.waitForFunction('window.__interactiveAt', { polling: 'raf' });
  const at = await p.evaluate('window.__interactiveAt');
  const { profile } = await cdp.send('Profiler.stop');
  const origin0 = await p.evaluate('performance.timeOrigin');
  if (i === 3) { writeFileSync('/tmp/prof.json', JSON.stringify({ profile, at, timeOrigin: origin0 })); console.log('interactive', at); }
  await p.close();
}
await browser.close(); server.close();
