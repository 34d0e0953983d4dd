/**
 * Canonical tokens and honest orders: a signature in another encoding of the same bytes is not the
 * token, and an order is checked after rounding to cents (more than zero, finite, under the
 * documented ceiling) with a printable ASCII reference Flexiti accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlexitiHandler, type FlexitiHandler } from '../../src/server/index.js';
import { SESSION_SECRET } from './stack.js';

let handler: FlexitiHandler;
beforeAll(() => {
  handler = createFlexitiHandler({
    apiBase: 'http://127.0.0.1:9/flexiti/pos-api',
    clientId: 'id',
    clientSecret: 'secret',
    sessionSecret: SESSION_SECRET,
    logger: false,
  });
});
afterAll(() => {});

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('signed tokens', () => {
  it('refuses a session whose signature is another encoding of the same bytes', async () => {
    const { session } = await handler.createSession({ flow: 'apply' });
    const last = session.at(-1)!;
    // 32 bytes take 43 characters: the last one's two lowest bits carry nothing.
    const variant = session.slice(0, -1) + ALPHABET[ALPHABET.indexOf(last) ^ 1];
    const ask = (token: string) =>
      handler(new Request('http://shop.test/api/flexiti/terms?province=ON', { headers: { authorization: `Bearer ${token}` } })).then(
        async (r) => ({ status: r.status, code: ((await r.json()) as { code?: string }).code }),
      );
    expect(await ask(variant)).toEqual({ status: 401, code: 'session_invalid' });
    // The genuine token passes the signature check (and then fails only on the unreachable Flexiti).
    expect((await ask(session)).code).not.toMatch(/^session_/);
  });
});

describe('orders from createSession and resolveOrder', () => {
  it.each([0, 0.004, -1, Number.NaN, Number.POSITIVE_INFINITY, 100_000.01])('refuses the amount %s', async (amount) => {
    await expect(handler.createSession({ flow: 'checkout', amount, reference: 'ORDER-1' })).rejects.toThrow(/amount/);
  });

  it.each(['', 'A'.repeat(41), 'commande-é', 'ORDER\n1', 'ORDER\u202e1', 'ORDER\u00001'])('refuses the reference %j', async (reference) => {
    await expect(handler.createSession({ flow: 'checkout', amount: 10, reference })).rejects.toThrow(/reference/);
  });

  it('accepts the ceiling, a cent, and printable references', async () => {
    await expect(handler.createSession({ flow: 'checkout', amount: 100_000, reference: 'ORDER 12-ab/#' })).resolves.toMatchObject({ amount: 100_000 });
    await expect(handler.createSession({ flow: 'checkout', amount: 0.01, reference: 'A'.repeat(40) })).resolves.toMatchObject({ amount: 0.01 });
  });
});

describe('free text at the handler', () => {
  it('refuses hidden characters on the field, before Flexiti is called', async () => {
    const { application } = await import('../schemas/fixtures.js');
    const { session } = await handler.createSession({ flow: 'apply' });
    const response = await handler(
      new Request('http://shop.test/api/flexiti/apply', {
        method: 'POST',
        headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
        body: JSON.stringify({ application: application({ lastName: 'Tester\u202egnp.exe' }), termsVersion: 'unread' }),
      }),
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'invalid_fields', fieldErrors: [{ field: 'lastName', code: 'invalid_characters' }] });
  });
});

describe('rotating the session secret', () => {
  const OLD = 'old-session-secret-0123456789abcdef0123456789';
  const NEW = 'new-session-secret-0123456789abcdef0123456789';
  const make = (sessionSecret: string | string[]) =>
    createFlexitiHandler({ apiBase: 'http://127.0.0.1:9/flexiti/pos-api', clientId: 'id', clientSecret: 's', sessionSecret, logger: false });
  const ask = async (h: FlexitiHandler, token: string) => {
    const response = await h(new Request('http://shop.test/api/flexiti/apply', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"termsVersion":"unread"}',
    }));
    return ((await response.json()) as { code: string }).code;
  };

  it('keeps sessions signed with the previous secret valid during the grace period, then refuses them', async () => {
    const before = await make(OLD).createSession({ flow: 'apply' });
    const during = make([NEW, OLD]);
    // Past the signature: the body is what is wrong now.
    expect(await ask(during, before.session)).toBe('invalid_fields');
    const fresh = await during.createSession({ flow: 'apply' });
    expect(await ask(make(NEW), fresh.session)).toBe('invalid_fields');
    expect(await ask(make(NEW), before.session)).toBe('session_invalid');
  });
});
