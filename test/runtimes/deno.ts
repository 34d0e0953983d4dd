/**
 * Deno entry: configuration from `Deno.env`, served by `Deno.serve` on an ephemeral port of
 * 127.0.0.1, which it prints as `listening <port>` for the test to read.
 */
import { createRuntimeApp } from './app.js';

// The few Deno APIs used here (the project type-checks against Node's types only).
declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(
    options: { port: number; hostname: string; onListen(address: { port: number }): void },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
  ): unknown;
};

const app = createRuntimeApp(Deno.env.toObject());

Deno.serve(
  { port: 0, hostname: '127.0.0.1', onListen: ({ port }) => console.log(`listening ${port}`) },
  (request, info) => app(request, info.remoteAddr.hostname),
);
