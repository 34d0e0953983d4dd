/**
 * The demo as a merchant might expose it: what the hooks heard stays on this machine, and other
 * sites' pages reach the handler only when ALLOWED_ORIGINS names them.
 */
import { describe, expect, it } from 'vitest';
import { createDemoApp } from '../../demo/app.js';

const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('the demo server', () => {
  it('shows the outcomes log to loopback clients only', async () => {
    const { app } = createDemoApp({ origin: 'http://127.0.0.1:8080' });
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect((await app.fetch(new Request('http://127.0.0.1:8080/demo/outcomes'), from(address))).status).toBe(200);
    }
    for (const address of ['203.0.113.9', '10.0.0.2', '::ffff:10.0.0.2']) {
      expect((await app.fetch(new Request('http://127.0.0.1:8080/demo/outcomes'), from(address))).status).toBe(404);
    }
  });

  it('shows a sandbox account’s credit to the admin key only, and only with its embedded sandbox', async () => {
    const { app, adminKey } = createDemoApp({ origin: 'http://127.0.0.1:8080' });
    expect(adminKey).toMatch(/^[0-9a-f]{64}$/);
    const get = (demo: typeof app, path: string, key?: string) =>
      demo.fetch(new Request(`http://127.0.0.1:8080${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }), from('127.0.0.1'));

    const account = await get(app, '/demo/accounts/20000001', adminKey);
    expect(account.status).toBe(200);
    expect(account.headers.get('cache-control')).toBe('no-store');
    expect(await account.json()).toEqual({ accountNumber: '20000001', creditLimit: 5000, availableCredit: 5000 });
    expect(await (await get(app, '/demo/accounts/20000001')).json()).toMatchObject({ code: 'admin_key_missing' });
    const wrong = await get(app, '/demo/accounts/20000001', 'f'.repeat(64));
    expect([wrong.status, ((await wrong.json()) as { code: string }).code]).toEqual([401, 'admin_key_invalid']);
    expect((await get(app, '/demo/accounts/29999999', adminKey)).status).toBe(404);

    // Against a Flexiti environment there is no sandbox to read: no such route.
    const key = 'k'.repeat(32);
    const live = createDemoApp({
      origin: 'http://127.0.0.1:8080',
      adminKey: key,
      flexiti: { apiBase: 'https://flexiti.example/flexiti/pos-api', clientId: 'id', clientSecret: 'secret' },
    });
    expect(live.adminKey).toBe(key);
    expect((await get(live.app, '/demo/accounts/20000001', key)).status).toBe(404);
  });

  it('lets the origins in ALLOWED_ORIGINS call the handler, and no other', async () => {
    const { app } = createDemoApp({ origin: 'http://127.0.0.1:8080', allowedOrigins: ['https://shop.example'] });
    const session = (origin: string) =>
      app.fetch(new Request('http://127.0.0.1:8080/api/flexiti/session', { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: '{"flow":"apply"}' }), from('203.0.113.9'));
    const allowed = await session('https://shop.example');
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect((await session('https://evil.example')).status).toBe(403);
  });
});

describe('the demo CDN (/cdn/*)', () => {
  it('serves the bundle compressed, readable from any origin, immutable when hashed', async () => {
    const { readdirSync } = await import('node:fs');
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const chunk = readdirSync('cdn/chunks').find((name) => name.endsWith('.js'));
    expect(chunk, 'run `npx vite build` first').toBeDefined();
    const { app } = createDemoApp({ origin: 'http://127.0.0.1:8080' });
    const get = (path: string, encoding: string) =>
      app.fetch(new Request(`http://127.0.0.1:8080${path}`, { headers: { 'accept-encoding': encoding, origin: 'https://shop.example' } }), from('203.0.113.9'));

    const hashed = await get(`/cdn/chunks/${chunk}`, 'gzip, deflate, br');
    expect(hashed.headers.get('content-encoding')).toBe('br');
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('access-control-allow-origin')).toBe('*');
    expect(brotliDecompressSync(Buffer.from(await hashed.arrayBuffer())).equals(readFileSync(`cdn/chunks/${chunk}`))).toBe(true);

    const entry = await get('/cdn/flexiti-checkout.js', 'gzip');
    expect(entry.headers.get('content-encoding')).toBe('gzip');
    expect(entry.headers.get('cache-control')).toBe('public, max-age=300');
    expect(entry.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(gunzipSync(Buffer.from(await entry.arrayBuffer())).equals(readFileSync('cdn/flexiti-checkout.js'))).toBe(true);

    const plain = await get('/cdn/flexiti-checkout.js', 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await get('/cdn/../package.json', 'gzip')).status).toBe(404);
  });
});
