import { afterEach, describe, expect, it, vi } from 'vitest';
import { Signer, type SignedPayload } from '../../src/server/signing.js';

const SECRET = 'signing-test-secret-0123456789abcdef0123';
const NOW = 1_800_000_000;

interface TestSession extends SignedPayload {
  typ: 'session';
  id: string;
  amount: number;
}

const session = (overrides: Partial<TestSession> = {}): TestSession => ({ typ: 'session', id: 'abc', amount: 250, exp: NOW + 60, ...overrides });

/** Flips one character of a base64url string to another valid one. */
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each([
  ['node:crypto where available', {}],
  ['Web Crypto', { webCryptoOnly: true }],
])('signed tokens (%s)', (_name, options) => {
  it('still expires a token that was verified and remembered before', async () => {
    const signer = new Signer(SECRET, options);
    const token = await signer.sign(session({ exp: NOW + 10 }));
    expect(await signer.verify(token, 'session', NOW)).toEqual({ ok: true, payload: session({ exp: NOW + 10 }) });
    expect(await signer.verify(token, 'session', NOW + 9)).toMatchObject({ ok: true });
    expect(await signer.verify(token, 'session', NOW + 10)).toEqual({ ok: false, reason: 'expired' });
    expect(await signer.verify(token, 'session', NOW + 3600)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a tampered token after the genuine one was remembered', async () => {
    const signer = new Signer(SECRET, options);
    const token = await signer.sign(session());
    const [body, signature] = token.split('.') as [string, string];
    expect(await signer.verify(token, 'session', NOW)).toMatchObject({ ok: true });

    // Same body, another signature (the last character also carries two padding bits: not that one).
    for (const at of [0, 10, signature.length - 2]) {
      const result = await signer.verify(`${body}.${flip(signature, at)}`, 'session', NOW);
      expect(result.ok, `signature changed at ${at}`).toBe(false);
    }
    expect(await signer.verify(`${body}.${signature.slice(0, -1)}`, 'session', NOW)).toMatchObject({ ok: false });
    expect(await signer.verify(`${body}.${signature}A`, 'session', NOW)).toMatchObject({ ok: false });
    // Another body (a larger amount) with the genuine signature.
    const forged = btoa(JSON.stringify(session({ amount: 1 }))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await signer.verify(`${forged}.${signature}`, 'session', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    // Signed with another secret.
    const other = await new Signer(`${SECRET}-other`, options).sign(session());
    expect(await signer.verify(other, 'session', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    // The genuine token is still fine, and still of one type only.
    expect(await signer.verify(token, 'session', NOW)).toMatchObject({ ok: true });
    expect(await signer.verify(token, 'receipt', NOW)).toEqual({ ok: false, reason: 'wrong_type' });
  });

  it('hands out a copy: changing a verified payload does not change the next answer', async () => {
    const signer = new Signer(SECRET, options);
    const token = await signer.sign(session());
    const first = await signer.verify<TestSession>(token, 'session', NOW);
    if (!first.ok) throw new Error('expected a valid token');
    first.payload.amount = 1;
    expect(await signer.verify(token, 'session', NOW)).toEqual({ ok: true, payload: session() });
  });

  it('keeps working past its size bound', async () => {
    const signer = new Signer(SECRET, { ...options, cacheSize: 2 });
    const tokens = await Promise.all([1, 2, 3, 4].map((n) => signer.sign(session({ id: `s${n}` }))));
    for (let round = 0; round < 2; round++) {
      for (const [i, token] of tokens.entries()) {
        expect(await signer.verify(token, 'session', NOW)).toEqual({ ok: true, payload: session({ id: `s${i + 1}` }) });
      }
    }
  });

  it('reads payloads beyond ASCII', async () => {
    const signer = new Signer(SECRET, options);
    const token = await signer.sign(session({ id: 'Québec-☃-𝄞' }));
    expect(await signer.verify(token, 'session', NOW)).toEqual({ ok: true, payload: session({ id: 'Québec-☃-𝄞' }) });
  });
});

describe('signed tokens across runtimes and the verified-token memory', () => {
  it('signs the same way with node:crypto and Web Crypto', async () => {
    const fast = new Signer(SECRET);
    const web = new Signer(SECRET, { webCryptoOnly: true });
    const token = await fast.sign(session());
    expect(await web.sign(session())).toBe(token);
    expect(await web.verify(token, 'session', NOW)).toMatchObject({ ok: true });
  });

  it('checks the signature with the key once per token, and again for anything that differs', async () => {
    const signer = new Signer(SECRET, { webCryptoOnly: true });
    const token = await signer.sign(session());
    const verify = vi.spyOn(crypto.subtle, 'verify');
    for (let i = 0; i < 3; i++) expect(await signer.verify(token, 'session', NOW)).toMatchObject({ ok: true });
    expect(verify).toHaveBeenCalledTimes(1);

    const [body, signature] = token.split('.') as [string, string];
    expect(await signer.verify(`${body}.${flip(signature, 5)}`, 'session', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never remembers a token that failed, nor one without the cache', async () => {
    const signer = new Signer(SECRET, { webCryptoOnly: true, cacheSize: 0 });
    const token = await signer.sign(session());
    const verify = vi.spyOn(crypto.subtle, 'verify');
    await signer.verify(token, 'session', NOW);
    await signer.verify(token, 'session', NOW);
    expect(verify).toHaveBeenCalledTimes(2);

    const cached = new Signer(SECRET, { webCryptoOnly: true });
    const [body, signature] = token.split('.') as [string, string];
    const bad = `${body}.${flip(signature, 3)}`;
    expect(await cached.verify(bad, 'session', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await cached.verify(bad, 'session', NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await cached.verify(token, 'session', NOW)).toMatchObject({ ok: true });
  });

  it('refuses malformed tokens', async () => {
    const signer = new Signer(SECRET);
    for (const token of ['', 'abc', 'a.b.c', '.sig', 'body.', 'e30.a+b', 'e30.ab=']) {
      expect(await signer.verify(token, 'session', NOW), token).toMatchObject({ ok: false });
    }
  });
});
