/**
 * Cloudflare Workers entry (workerd under Miniflare): configuration from the Worker's bindings,
 * the handler created on the first request (Workers allow no I/O or timers at module scope) and
 * kept for the isolate's lifetime.
 */
import { createRuntimeApp, type RuntimeEnv } from './app.js';

let app: ReturnType<typeof createRuntimeApp> | undefined;

export default {
  fetch(request: Request, env: RuntimeEnv): Promise<Response> {
    app ??= createRuntimeApp(env);
    return app(request, request.headers.get('cf-connecting-ip') ?? 'unknown');
  },
};
