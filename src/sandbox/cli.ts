#!/usr/bin/env node
/** `flexiti-sandbox`: runs the Flexiti POS API sandbox on a local port. */
import { parseArgs } from 'node:util';
import { serveSandbox } from './node.js';

const USAGE = `Usage: flexiti-sandbox [options]

Runs a local, in-memory simulator of the Flexiti POS API (v2.5 / v2.5.1) with fixed test
personas. It is a test double: no real credit is checked and no money moves.

Options:
  --port <n>         Port to listen on (default 4010; 0 picks a free port)
  --host <address>   Address to bind (default 127.0.0.1)
  --token-ttl <s>    Access token lifetime in seconds (default 1200)
  --ignore-reference-filter
                     GET authorizations ignores \`reference\`, as the real API may
  -h, --help         Show this help

Credentials: client id flexitidemo, secret 77fde15a-9d33-4e15-930a-76e4b3ae33e9,
merchant merchantonline / dice-manila-purism, SMS and e-mail code 2222.
`;

function fail(message: string): never {
  process.stderr.write(`flexiti-sandbox: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) fail(`--${name} must be a whole number of at least ${min}`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'token-ttl': { type: 'string' },
        'ignore-reference-filter': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = wholeNumber(values.port, 'port', 4010, 0);
  if (port > 65535) fail('--port must be at most 65535');
  const host = values.host ?? '127.0.0.1';
  const tokenTtlSeconds = wholeNumber(values['token-ttl'], 'token-ttl', 1200, 1);

  const served = await serveSandbox({
    port,
    host,
    tokenTtlSeconds,
    ignoreReferenceFilter: values['ignore-reference-filter'] ?? false,
  });
  process.stdout.write(`Flexiti sandbox listening on ${served.url}/flexiti/pos-api/v2.5\n`);

  const stop = (): void => {
    served.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`flexiti-sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
