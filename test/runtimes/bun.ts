/**
 * Bun entry: configuration from `Bun.env`, served by `Bun.serve` on an ephemeral port of
 * 127.0.0.1, which it prints as `listening <port>` for the test to read.
 */
import { createRuntimeApp } from './app.js';

// The few Bun APIs used here (the project type-checks against Node's types only).
interface BunServer {
  port: number;
  requestIP(request: Request): { address: string } | null;
}
declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { port: number; hostname: string; fetch(request: Request, server: BunServer): Promise<Response> }): BunServer;
};

const app = createRuntimeApp(Bun.env);

const server = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  fetch: (request, server) => app(request, server.requestIP(request)?.address ?? 'unknown'),
});
console.log(`listening ${server.port}`);
