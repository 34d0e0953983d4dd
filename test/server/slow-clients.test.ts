/**
 * Slow and vanishing clients at the Node adapter: a client that trickles its headers or body is
 * cut off after the configured seconds, and one that goes away mid-body is an info line, never a
 * 500 or an error-level log.
 */
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlexitiHandler, type LogEntry } from '../../src/server/index.js';
import { createFlexitiServer } from '../../src/server/node.js';
import { SESSION_SECRET } from './stack.js';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(options: Parameters<typeof createFlexitiServer>[1] = {}) {
  const logs: LogEntry[] = [];
  const handler = createFlexitiHandler({
    apiBase: 'http://127.0.0.1:9/flexiti/pos-api',
    clientId: 'id',
    clientSecret: 'secret',
    sessionSecret: SESSION_SECRET,
    logger: (entry) => void logs.push(entry),
  });
  const server = createFlexitiServer(handler, options);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  const { session } = await handler.createSession({ flow: 'apply' });
  return { logs, port, session };
}

/** Writes `parts` with pauses; resolves with what the server sent and when it closed. */
function trickle(port: number, parts: string[], pauseMs: number): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = '';
    const socket = connect(port, '127.0.0.1', async () => {
      for (const part of parts) {
        if (socket.destroyed) break;
        socket.write(part);
        await new Promise((r) => setTimeout(r, pauseMs));
      }
    });
    socket.on('data', (chunk) => void (answer += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
  });
}

describe('createFlexitiServer', () => {
  it('cuts off a client that trickles its headers', async () => {
    const { port } = await serve({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
    const headers = 'POST /api/flexiti/session HTTP/1.1\r\nHost: shop\r\nX-Slow: '.split('');
    const { answer, closedAfterMs } = await trickle(port, headers, 100);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(closedAfterMs).toBeLessThan(headers.length * 100);
  });

  it('cuts off a client that trickles its body', async () => {
    const { port, session } = await serve({ headersTimeoutMs: 400, requestTimeoutMs: 800 });
    const head = `POST /api/flexiti/apply HTTP/1.1\r\nHost: shop\r\nAuthorization: Bearer ${session}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`;
    const body = '{"application":{"firstName":"Morgan"'.split('');
    const { closedAfterMs } = await trickle(port, [head, ...body], 100);
    expect(closedAfterMs).toBeLessThan(body.length * 100);
  });

  it('logs a client that goes away mid-body as info, never as an error', async () => {
    const { port, session, logs } = await serve();
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /api/flexiti/apply HTTP/1.1\r\nHost: shop\r\nAuthorization: Bearer ${session}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"application":`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logs.filter((entry) => entry.level === 'error')).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'info', event: 'request', code: 'request_aborted' }));
  });
});
