import { Miniflare } from 'miniflare';
for (const flags of [[], ['nodejs_compat']]) {
  try {
    const mf = new Miniflare({ modules: true, scriptPath: '/tmp/wk.mjs', compatibilityDate: '2026-04-01', compatibilityFlags: flags, bindings: { FLEXITI_API_BASE: 'http://127.0.0.1:1/x', FLEXITI_CLIENT_ID: 'a', FLEXITI_CLIENT_SECRET: 'b', FLEXITI_MERCHANT_USERNAME: 'c', FLEXITI_MERCHANT_PASSWORD: 'd', FLEXITI_SESSION_SECRET: 'x'.repeat(40) } });
    const r = await mf.dispatchFetch('http://shop.test/_outcomes');
    console.log(flags, r.status, (await r.text()).slice(0, 200));
    await mf.dispose();
  } catch (e) { console.log(flags, 'ERR', e.message.slice(0, 300)); }
}
