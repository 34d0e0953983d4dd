/**
 * The server `npm run bench:apply` measures against, in a process of its own (as a storefront's
 * server is: the browser's automation runs in the bench's process). Serves the demo (handler,
 * sandbox, `cdn/`) and two bench pages, and prints its origin:
 *
 * - `/bench/floor.html`: the application's 26 fields as plain HTML, nothing to fetch;
 * - `/bench/apply.html`: `<flexiti-apply>` alone on a page the way the README tells a merchant to
 *   carry it: the script tag and its chunks named beside it (`modulepreload`), nothing else.
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createDemoApp } from '../demo/app.js';

export const FIELDS = ['amountRequested', 'salutation', 'firstName', 'middleName', 'lastName', 'dob', 'email', 'phone', 'address1', 'address2', 'city', 'province', 'postalCode', 'govIdType', 'govIdIssuedBy', 'govIdNumber', 'govIdExpiry', 'sin', 'personalIncome', 'householdIncome', 'housingType', 'occupation', 'employer', 'securityQuestion', 'personalIdWord', 'termsAccepted'];
const head = (title: string, extra = '') =>
  `<!doctype html><html lang="en-CA"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>${extra}</head>`;
const FLOOR = `${head('floor')}<body><form>${FIELDS.map((name) => `<p><label for="f-${name}">${name}</label><input id="f-${name}" name="${name}"></p>`).join('')}<button>Apply</button></form></body></html>`;

const chunks = Object.keys(JSON.parse(readFileSync('cdn/integrity.json', 'utf8')) as Record<string, string>).filter((name) => /^chunks\/(shared|application-flow)-/.test(name));
const ELEMENT = `${head(
  'element',
  `<script type="module" src="/cdn/flexiti-checkout.js"></script>${chunks.map((name) => `<link rel="modulepreload" href="/cdn/${name}">`).join('')}`,
)}<body><flexiti-apply token-url="/api/flexiti/session" amount="1500"></flexiti-apply></body></html>`;

const PAGES: Record<string, string> = { '/bench/floor.html': FLOOR, '/bench/apply.html': ELEMENT };
let origin = '';
const server = serve({
  fetch: (request, env) => {
    const page = PAGES[new URL(request.url).pathname];
    return page ? new Response(page, { headers: { 'content-type': 'text/html' } }) : demo.app.fetch(request, env);
  },
  port: 0,
  hostname: '127.0.0.1',
});
await new Promise((resolve) => server.once('listening', resolve));
origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const demo = createDemoApp({ origin, unlimited: true });
console.log(origin);
