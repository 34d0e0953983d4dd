/**
 * The demo as `npm start` serves it, in Chromium: every page under its strict
 * Content-Security-Policy, with nothing blocked, no page errors, and its elements rendered from
 * the script-tag bundle (React and Vue pages from the demo build); the back office at
 * /orders.html moving an order's money. Needs both builds first (`npm test` builds them before
 * it runs).
 */
import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../demo/app.js';

let browser: Browser;
let origin: string;
let adminKey: string;
let close: () => void;

beforeAll(async () => {
  for (const built of ['cdn/flexiti-checkout.js', 'demo/.build/react.js']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npx vite build && npx vite build --config demo/vite.config.ts\` first`);
  }
  const server = serve({ fetch: (request, env) => demo.app.fetch(request, env), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const demo = createDemoApp({ origin, unlimited: true });
  adminKey = demo.adminKey;
  close = () => {
    (server as import('node:http').Server).closeAllConnections();
    server.close();
  };
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  close?.();
});

/** A page that reports every page error, console error and blocked resource in `problems`. */
async function watchedPage() {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP blocked ${event.effectiveDirective} ${event.blockedURI || 'inline'}`),
    );
  });
  return { page, problems };
}

/** A shopper pays the fixed cart (checkout.html's) with Alex's card through the handler's routes. */
async function payFixedCart(): Promise<{ authorizationId: string; reference: string }> {
  const call = async (path: string, body: unknown, session?: string) => {
    const response = await fetch(`${origin}/api/flexiti/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const { session } = await call('session', { flow: 'checkout' });
  const { receipt } = await call('lookup', { cardNumber: '6374980000000001' }, session);
  await call('verify', { receipt, method: 'sms' }, session);
  const plans = (await call('plans', { receipt }, session)) as unknown as { plans: Array<{ category: string; planId: number; terms: Array<{ term: number }> }> };
  const choice = plans.plans.find((plan) => plan.category === 'equal_billing')!;
  const paid = await call('purchase', { receipt, plan: { type: 'promotional', planId: choice.planId, term: choice.terms[0]!.term }, code: '2222' }, session);
  expect(paid.status).toBe('approved');
  return { authorizationId: paid.authorizationId!, reference: paid.reference! };
}

/** Loads a page and waits until `tag` shows `text` in its shadow root. */
async function visit(path: string, tag: string, text: RegExp, act?: (page: Page) => Promise<unknown>) {
  const { page, problems } = await watchedPage();
  const response = await page.goto(`${origin}${path}`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  await act?.(page);
  await page.waitForFunction(
    (tag: string, source: string) => new RegExp(source).test(document.querySelector(tag)?.shadowRoot?.textContent ?? ''),
    { timeout: 15_000 },
    tag,
    text.source,
  );
  await page.close();
  return { policy, problems };
}

describe('the demo', () => {
  it.each([
    ['/checkout.html', 'flexiti-checkout', /I have a Flexiti account/],
    ['/checkout.html?lang=fr-CA', 'flexiti-checkout', /J’ai un compte Flexiti|compte Flexiti/],
    ['/apply.html', 'flexiti-apply', /Province/],
    ['/react.html', 'flexiti-checkout', /I have a Flexiti account/],
    ['/vue.html?lang=fr-CA', 'flexiti-checkout', /compte Flexiti/],
    ['/', 'flexiti-message', /0% interest for \d+ months with Flexiti/],
    ['/?lang=fr-CA', 'flexiti-message', /0\s% d’intérêt pendant \d+\smois avec Flexiti/],
  ])('%s renders under a strict policy with nothing blocked', async (path, tag, text) => {
    const { policy, problems } = await visit(path, tag, text);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(problems).toEqual([]);
  }, 30_000);

  it.each(['en-CA', 'fr-CA'])('/apply.html (%s) starts complete in its language, its session and form values in the page', async (lang) => {
    const { page, problems } = await watchedPage();
    await page.goto(`${origin}/apply.html?lang=${lang}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await page.waitForFunction(() => !!document.querySelector('flexiti-apply')?.shadowRoot?.querySelector('#f-salutation option[value="ms"]'), { timeout: 15_000 });
    const loads = (await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ name: entry.name, start: entry.startTime, end: entry.responseEnd })),
    )) as Array<{ name: string; start: number; end: number }>;
    const entry = loads.find((load) => load.name.endsWith('/cdn/flexiti-apply.js'))!;
    const chunks = loads.filter((load) => /\/cdn\/chunks\//.test(load.name));
    // Each chunk the entry imports asked for once, by the page, before the script tag had even
    // arrived; the session and the form's lists came with the page, in its language.
    expect(chunks.some((chunk) => /\/application-flow-/.test(chunk.name))).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.name)).size).toBe(chunks.length);
    for (const chunk of chunks) expect(chunk.start).toBeLessThan(entry.end);
    expect(loads.filter((load) => /\/api\/flexiti\/(form-values|session)/.test(load.name))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  it.each([
    ['/apply.html', 'flexiti-apply', /Province/],
    ['/checkout.html', 'flexiti-checkout', /I have a Flexiti account/],
    ['/', 'flexiti-message', /with Flexiti/],
  ])('%s loads on a phone without moving what is below (cumulative layout shift ≤ 0.02)', async (path, tag, text) => {
    const page = await browser.newPage();
    // Lighthouse's mobile viewport; a slow network makes every late arrival count.
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const session = await page.createCDPSession();
    await session.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await page.evaluateOnNewDocument(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(
      (tag: string, source: string) => new RegExp(source).test(document.querySelector(tag)?.shadowRoot?.textContent ?? ''),
      { timeout: 30_000 },
      tag,
      text.source,
    );
    // Late arrivals (the terms, the sanitiser) settle.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const cls = await page.evaluate(() => (window as unknown as { shifts: number }).shifts);
    await page.close();
    console.log(`${path}: cumulative layout shift ${cls.toFixed(4)} at 412 px on a slow network`);
    expect(cls).toBeLessThanOrEqual(0.02);
  }, 60_000);

  it('/orders.html lists the orders and moves money under the strict policy, in English and French', async () => {
    const order = await payFixedCart();
    // Each visit is a new tab: the admin key is asked for again.
    const openOrders = async (lang: 'en-CA' | 'fr-CA') => {
      const { page, problems } = await watchedPage();
      const response = await page.goto(`${origin}/orders.html?lang=${lang}`);
      const policy = response?.headers()['content-security-policy'] ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
      await page.waitForSelector('#admin-key');
      expect(await page.$eval('html', (html) => html.lang)).toBe(lang);
      await page.type('#admin-key', adminKey);
      await page.click('form.admin-key button[type="submit"]');
      await page.waitForSelector(`#order-${order.authorizationId}`);
      return { page, problems };
    };
    const confirmAndWait = async (page: Page, button: string, outcome: RegExp) => {
      await page.click(button);
      await page.waitForSelector('dialog[open]');
      await page.click('#orders-confirm-ok');
      await page.waitForFunction(
        (source: string) => new RegExp(source).test(document.querySelector('#orders-status')?.textContent ?? ''),
        { timeout: 15_000 },
        outcome.source,
      );
    };

    const english = await openOrders('en-CA');
    await confirmAndWait(english.page, `#capture-${order.authorizationId}`, /^Captured \$1,249\.99 of order/);
    await english.page.close();
    expect(english.problems).toEqual([]);

    const french = await openOrders('fr-CA');
    const returnId = await french.page.$eval(`button[id^="return-${order.authorizationId}-"]`, (button) => button.id);
    await french.page.type(`#${returnId}-amount`, '249,99');
    await confirmAndWait(french.page, `#${returnId}`, /^249,99\s\$ retournés sur la commande/);
    await french.page.close();
    expect(french.problems).toEqual([]);
  }, 60_000);

  it('the store shows Flexiti’s message under the price, following the quantity typed, and for the cart total', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${origin}/`);
    /** The headline of the message `id`, once it says something; and the amount it is about. */
    const headline = (id: string, pattern: RegExp) =>
      page.waitForFunction(
        (id: string, source: string) => {
          const text = document.getElementById(id)?.shadowRoot?.querySelector('[part="headline"]')?.textContent ?? '';
          return new RegExp(source).test(text) && text;
        },
        { timeout: 15_000 },
        id,
        pattern.source,
      );
    const amount = (id: string) => page.$eval(`#${id}`, (el) => (el as HTMLElement & { amount: number }).amount);
    /** "Learn more" opens the dialog, which names the amount; Close closes it. */
    const dialogText = async (id: string) => {
      const learnMore = await page.waitForFunction((id: string) => document.getElementById(id)?.shadowRoot?.querySelector('[part="learn-more"]'), {}, id);
      await (learnMore as import('puppeteer-core').ElementHandle<HTMLButtonElement>).click();
      const text = await page.waitForFunction((id: string) => {
        const dialog = document.getElementById(id)?.shadowRoot?.querySelector('dialog');
        return dialog?.open && dialog.textContent?.replace(/\s+/g, ' ');
      }, {}, id);
      await page.keyboard.press('Escape');
      return (await text.jsonValue()) as string;
    };

    await headline('product-message', /^0% interest for \d+ months with Flexiti$/);
    expect(await amount('product-message')).toBe(1249.99);
    // Right under the price, with nothing between them.
    const placement = await page.$eval('#product-message', (el) => {
      const price = el.previousElementSibling!;
      return { price: price.textContent, gap: el.getBoundingClientRect().top - price.getBoundingClientRect().bottom };
    });
    expect(placement.price).toContain('$1,249.99');
    expect(placement.gap).toBeGreaterThanOrEqual(0);
    expect(placement.gap).toBeLessThan(40);
    expect(await page.$eval('#cart-message', (el) => (el as HTMLElement).hidden)).toBe(true);

    // Each keystroke in the quantity is a new amount: price × quantity.
    await page.focus('#quantity');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('3');
    expect(await amount('product-message')).toBe(3749.97);
    expect(await dialogText('product-message')).toContain('Ways to pay $3,749.97 with Flexiti financing.');

    // The cart, kept on the server, gets its own message for its total.
    await page.click('#add button[type="submit"]');
    await page.waitForFunction(() => /= \$3,749\.97/.test(document.querySelector('#cart')?.textContent ?? ''));
    await headline('cart-message', /with Flexiti/);
    expect(await amount('cart-message')).toBe(3749.97);
    expect(await page.$eval('#cart-message', (el) => (el as HTMLElement).hidden)).toBe(false);

    // Both follow the page's language, switched in place.
    await page.click('a[data-lang="fr-CA"]');
    await headline('product-message', /avec Flexiti$/);
    await headline('cart-message', /avec Flexiti$/);
    expect(await dialogText('cart-message')).toMatch(/Les façons de payer 3\s749,97\s\$ avec le financement Flexiti\./);
    await page.close();
    expect(problems).toEqual([]);
  }, 40_000);

  it('the store puts the checkout on the page once the cart has the table', async () => {
    const { problems } = await visit('/', 'flexiti-checkout', /I have a Flexiti account/, async (page) => {
      await page.click('#add button[type="submit"]');
      await page.waitForSelector('#checkout:not([hidden]) input[name="method"][value="flexiti"]');
      await page.click('input[name="method"][value="flexiti"]');
    });
    expect(problems).toEqual([]);
  }, 30_000);
});
