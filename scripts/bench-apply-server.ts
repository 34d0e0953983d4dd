/**
 * The server `npm run bench:apply` measures against, in a process of its own (as a storefront's
 * server is: the browser's automation runs in the bench's process). Serves the demo (handler,
 * sandbox, `cdn/`) and the bench pages, and prints its origin:
 *
 * - `/bench/floor.html`: the application's 26 fields as plain HTML, nothing to fetch;
 * - `/bench/apply.html`: `<flexiti-apply>` alone on a page, with its session and form values
 *   rendered in by the page's server (`handler.createSession({ flow: 'apply', lang })`) and the
 *   application page's script tag (`cdn/flexiti-apply.js`) with what it imports named beside it;
 * - `/bench/token-url.html`: the same element minting its session from `token-url` instead;
 * - `/bench/floor-scripts.html`: the floor with the same scripts, to tell their cost from the
 *   element's.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createDemoApp, entryImports } from '../demo/app.js';
import { formValuesScript } from '../src/server/index.js';

const FIELDS = ['amountRequested', 'salutation', 'firstName', 'middleName', 'lastName', 'dob', 'email', 'phone', 'address1', 'address2', 'city', 'province', 'postalCode', 'govIdType', 'govIdIssuedBy', 'govIdNumber', 'govIdExpiry', 'sin', 'personalIncome', 'householdIncome', 'housingType', 'occupation', 'employer', 'securityQuestion', 'personalIdWord', 'termsAccepted'];
const head = (title: string, extra = '') =>
  `<!doctype html><html lang="en-CA"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>${extra}</head>`;
const FLOOR = `${head('floor')}<body><form>${FIELDS.map((name) => `<p><label for="f-${name}">${name}</label><input id="f-${name}" name="${name}"></p>`).join('')}<button>Apply</button></form></body></html>`;

// `cdn/flexiti-apply.js`, run as soon as it arrives (as the README shows), and what it imports,
// named beside it so that all of it is fetched at once.
const imports = entryImports('cdn')('flexiti-apply.js');
const SCRIPTS = `<script type="module" async src="/cdn/flexiti-apply.js"></script>${imports.map((name) => `<link rel="modulepreload" href="/cdn/${name}">`).join('')}`;

const PAGES: Record<string, () => Promise<string> | string> = {
  '/bench/floor.html': () => FLOOR,
  '/bench/floor-scripts.html': () => FLOOR.replace('</head>', `${SCRIPTS}</head>`),
  '/bench/token-url.html': () => `${head('element', SCRIPTS)}<body><flexiti-apply token-url="/api/flexiti/session" amount="1500"></flexiti-apply></body></html>`,
  '/bench/apply.html': async () => {
    const { session, formValues } = await demo.handler.createSession({ flow: 'apply', lang: 'en-CA' });
    return `${head('element', SCRIPTS)}<body><flexiti-apply session="${session}" amount="1500">${formValuesScript(formValues)}</flexiti-apply></body></html>`;
  },
};
let origin = '';
const server = serve({
  fetch: async (request, env) => {
    const page = PAGES[new URL(request.url).pathname];
    return page ? new Response(await page(), { headers: { 'content-type': 'text/html' } }) : demo.app.fetch(request, env);
  },
  port: Number(process.env.PORT ?? 0),
  hostname: '127.0.0.1',
});
await new Promise((resolve) => server.once('listening', resolve));
origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const demo = createDemoApp({ origin, unlimited: true });
console.log(origin);

