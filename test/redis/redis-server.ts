/**
 * A real `redis-server` (no persistence) on a free port of 127.0.0.1, as a child process of the
 * test: stopped and started again on the same port for the outage test. A missing `redis-server`
 * fails the tests that need it; nothing is skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Whether the server process is up (between `start()` and `stop()`). */
  readonly running: boolean;
  /** Starts it again on the same port and waits until it answers PING. */
  start(): Promise<void>;
  /** SIGTERM, then waits for the process to exit. Without persistence every key is gone. */
  stop(): Promise<void>;
  flushall(): Promise<void>;
  /** One command over a fresh connection; the reply decoded (strings, numbers, arrays, null). */
  command(...args: Array<string | number>): Promise<RespValue>;
}

export type RespValue = string | number | null | RespValue[];

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const live = new Set<ChildProcess>();
// Even when the test process ends without its hooks, no redis-server outlives it.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child) throw new Error('redis-server is already running');
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    live.add(started);
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000)));
    started.stderr?.on('data', (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000)));
    const failed = new Promise<never>((_, reject) => {
      started.once('error', (error) => reject(new Error(`redis-server could not be started: ${error.message}`)));
      started.once('exit', (code, signal) => reject(new Error(`redis-server exited (${code ?? signal}): ${output}`)));
    });
    failed.catch(() => {});
    started.once('exit', () => {
      live.delete(started);
      if (child === started) child = undefined;
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const pong = await Promise.race([command(port, ['PING']).catch(() => undefined), failed]);
      if (pong === 'PONG') return;
      if (Date.now() > deadline) throw new Error(`redis-server did not answer PING on port ${port}: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stop = async () => {
    const running = child;
    if (!running) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    if (running.exitCode === null && running.signalCode === null) {
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    child = undefined;
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get running() {
      return child !== undefined;
    },
    start,
    stop,
    async flushall() {
      const reply = await command(port, ['FLUSHALL']);
      if (reply !== 'OK') throw new Error(`FLUSHALL answered ${String(reply)}`);
    },
    command: (...args) => command(port, args.map(String)),
  };
}

/** Sends one RESP command on a new connection and reads one reply. */
function command(port: number, args: string[]): Promise<RespValue> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`redis ${args[0]}: no answer`));
    }, 3_000);
    const done = (error: Error | undefined, value?: RespValue) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value ?? null);
    };
    socket.once('error', (error) => done(error));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      try {
        const parsed = parse(buffer, 0);
        if (parsed) done(undefined, parsed.value);
      } catch (error) {
        done(error as Error);
      }
    });
    socket.write(`*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`);
  });
}

/** One RESP2 value at `offset`, or `undefined` while incomplete. Error replies throw. */
function parse(buffer: Buffer, offset: number): { value: RespValue; next: number } | undefined {
  const end = buffer.indexOf('\r\n', offset);
  if (end < 0) return undefined;
  const line = buffer.toString('utf8', offset + 1, end);
  switch (String.fromCharCode(buffer[offset]!)) {
    case '+':
      return { value: line, next: end + 2 };
    case '-':
      throw new Error(`redis: ${line}`);
    case ':':
      return { value: Number(line), next: end + 2 };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, next: end + 2 };
      if (buffer.length < end + 2 + length + 2) return undefined;
      return { value: buffer.toString('utf8', end + 2, end + 2 + length), next: end + 2 + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, next: end + 2 };
      const values: RespValue[] = [];
      let next = end + 2;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, next);
        if (!item) return undefined;
        values.push(item.value);
        next = item.next;
      }
      return { value: values, next };
    }
    default:
      throw new Error(`redis: unexpected reply ${line}`);
  }
}
