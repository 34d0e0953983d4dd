/**
 * `npm start`: the demo in one process on PORT (default 8080). With FLEXITI_API_BASE,
 * FLEXITI_CLIENT_ID and FLEXITI_CLIENT_SECRET set, the handler talks to that Flexiti environment
 * instead of the embedded sandbox.
 */
import { serve } from '@hono/node-server';
import { createDemoApp } from './app.js';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const env = process.env;
if (env.FLEXITI_API_BASE && !(env.FLEXITI_CLIENT_ID && env.FLEXITI_CLIENT_SECRET)) {
  console.error('FLEXITI_API_BASE needs FLEXITI_CLIENT_ID and FLEXITI_CLIENT_SECRET as well.');
  process.exit(1);
}

const { app } = createDemoApp({
  origin: `http://127.0.0.1:${port}`,
  ...(env.FLEXITI_API_BASE
    ? {
        flexiti: {
          apiBase: env.FLEXITI_API_BASE,
          clientId: env.FLEXITI_CLIENT_ID!,
          clientSecret: env.FLEXITI_CLIENT_SECRET!,
          ...(env.FLEXITI_MERCHANT_USERNAME
            ? { merchantUsername: env.FLEXITI_MERCHANT_USERNAME, merchantPassword: env.FLEXITI_MERCHANT_PASSWORD ?? '' }
            : {}),
        },
      }
    : {}),
  ...(env.FLEXITI_SESSION_SECRET ? { sessionSecret: env.FLEXITI_SESSION_SECRET } : {}),
});

serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const target = env.FLEXITI_API_BASE ? `Flexiti at ${env.FLEXITI_API_BASE}` : 'embedded sandbox';
  console.log(`flexiti-checkout demo on http://${host}:${info.port}/ (${target})`);
});
