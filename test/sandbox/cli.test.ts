import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT } from '../../src/sandbox/index.js';

const CLI = fileURLToPath(new URL('../../src/sandbox/cli.ts', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `onLine` may act on each stdout line (e.g. stop the server). */
function run(args: string[], onLine?: (line: string, stop: () => void) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (onLine) for (const line of chunk.split('\n').filter(Boolean)) onLine(line, () => child.kill('SIGTERM'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('flexiti-sandbox CLI', () => {
  it('prints usage with --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: flexiti-sandbox');
    expect(r.stdout).toContain('--port');
    expect(r.stdout).toContain('--token-ttl');
  });

  it('rejects unknown options', async () => {
    const r = await run(['--prot', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: flexiti-sandbox');
  });

  it('serves the API, announces it on one line and exits cleanly on SIGTERM', async () => {
    let tokenStatus = 0;
    let expiresIn = 0;
    let announced = '';
    const r = await run(['--port', '0', '--token-ttl', '90'], (line, stop) => {
      const match = /^Flexiti sandbox listening on (http:\/\/127\.0\.0\.1:\d+\/flexiti\/pos-api\/v2\.5)$/.exec(line);
      if (!match?.[1]) return;
      announced = match[1];
      void fetch(`${announced}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: SANDBOX_CLIENT.clientId,
          client_secret: SANDBOX_CLIENT.clientSecret,
          grant_type: 'client_credentials',
        }),
      })
        .then(async (res) => {
          tokenStatus = res.status;
          expiresIn = ((await res.json()) as { expires_in: number }).expires_in;
        })
        .finally(stop);
    });
    expect(announced).not.toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(tokenStatus).toBe(200);
    expect(expiresIn).toBe(90);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
