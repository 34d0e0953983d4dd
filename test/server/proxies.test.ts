/**
 * The client address behind proxies, as the per-address budgets see it: only what the merchant's
 * own proxies appended counts. Measured through `POST session` with a budget of 2 per address.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { FlexitiHandlerConfig } from '../../src/server/index.js';
import { expectNoLeaks, startStack, type Stack } from './stack.js';

const stacks: Stack[] = [];
afterAll(async () => {
  await Promise.all(stacks.map((stack) => stack.close()));
  expectNoLeaks();
});

async function behind(trustProxy: FlexitiHandlerConfig['trustProxy']) {
  const stack = await startStack({
    handler: { ...(trustProxy === undefined ? {} : { trustProxy }), limits: { sessions: { perAddress: { max: 2, windowMs: 60_000 } } } },
  });
  stacks.push(stack);
  return (headers: Record<string, string> = {}) => stack.api('session', { body: { flow: 'apply' }, headers }).then((r) => r.status);
}

describe('trustProxy', () => {
  it('one proxy (nginx appends the peer): a spoofed prefix changes nothing', async () => {
    const mint = await behind(true);
    const statuses = [];
    for (const spoofed of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push(await mint({ 'x-forwarded-for': `${spoofed}, 203.0.113.7` }));
    expect(statuses).toEqual([201, 201, 429]);
    expect(await mint({ 'x-forwarded-for': '1.1.1.1, 203.0.113.8' })).toBe(201);
  });

  it('two proxies (a CDN, then nginx): the client is the second entry from the right', async () => {
    const mint = await behind(2);
    const chain = (spoofed: string, client: string) => ({ 'x-forwarded-for': `${spoofed}, ${client}, 198.51.100.1` });
    expect([await mint(chain('9.9.9.1', '203.0.113.20')), await mint(chain('9.9.9.2', '203.0.113.20')), await mint(chain('9.9.9.3', '203.0.113.20'))]).toEqual([201, 201, 429]);
    expect(await mint(chain('9.9.9.3', '203.0.113.21'))).toBe(201);
  });

  it('a request that did not pass the proxies keeps its socket address', async () => {
    const mint = await behind(2);
    // Missing header, then a chain shorter than the proxies: both are 127.0.0.1 (the test's socket).
    expect([await mint(), await mint({ 'x-forwarded-for': '203.0.113.30' }), await mint({ 'x-forwarded-for': '203.0.113.31' })]).toEqual([201, 201, 429]);
  });

  it('a platform header (Cloudflare) wins over X-Forwarded-For, which a client can write', async () => {
    const mint = await behind({ header: 'cf-connecting-ip' });
    const from = (ip: string, spoofed: string) => ({ 'cf-connecting-ip': ip, 'x-forwarded-for': spoofed });
    expect([await mint(from('203.0.113.40', '1.1.1.1')), await mint(from('203.0.113.40', '2.2.2.2')), await mint(from('203.0.113.40', '3.3.3.3'))]).toEqual([201, 201, 429]);
    expect(await mint(from('203.0.113.41', '3.3.3.3'))).toBe(201);
  });

  it('off by default: X-Forwarded-For is ignored', async () => {
    const mint = await behind(undefined);
    expect([await mint({ 'x-forwarded-for': '1.1.1.1' }), await mint({ 'x-forwarded-for': '2.2.2.2' }), await mint({ 'x-forwarded-for': '3.3.3.3' })]).toEqual([201, 201, 429]);
  });
});
