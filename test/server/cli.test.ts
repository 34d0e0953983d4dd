/**
 * `flexiti-merchant`, the command line after the sale, against the sandbox over HTTP: in-process
 * through `runCli` for the whole lifecycle, and once as a real process through its bin entry.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryState, uniformLimits } from '../../src/server/index.js';
import { runCli } from '../../src/server/merchant/cli.js';
import { expectNoLeaks, startStack, type Stack } from './stack.js';

let stack: Stack;
let env: Record<string, string>;
/** One state for every command, as REDIS_URL gives a merchant's runs: operation keys hold across them. */
const state = memoryState();

beforeAll(async () => {
  stack = await startStack({ handler: { autoCapture: false, limits: uniformLimits({ max: 10_000, windowMs: 60_000 }) } });
  env = { FLEXITI_API_BASE: `${stack.url}/sandbox/flexiti/pos-api` };
});
afterAll(async () => {
  await stack.close();
  expectNoLeaks();
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { env, state, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

async function pay(amount: number, kind: 'promotional' | 'regular' = 'promotional') {
  const { authorizationId: id, reference } = await stack.pay(amount, kind);
  return { id, reference };
}

describe('flexiti-merchant', () => {
  it('shows, captures, returns, releases and refunds, once per --key', async () => {
    const { id, reference } = await pay(300);
    const shown = await cli('show', id);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`authorization ${id} · ${reference} · authorized (opened)`);

    const captured = await cli('capture', id, '--amount', '100', '--key', `cap-${id}`);
    expect(captured).toMatchObject({ code: 0, err: '' });
    expect(captured.out).toMatch(/^captured \$100\.00 \(capture \d+\); \$200\.00 left on authorization/);
    // The same key again: the same answer, no second capture.
    expect((await cli('capture', id, '--amount', '100', '--key', `cap-${id}`)).out).toBe(captured.out);
    const captureId = /capture (\d+)/.exec(captured.out)![1]!;

    const returned = await cli('return', id, captureId, '--amount', '25.5', '--key', `ret-${id}`, '--json');
    expect(JSON.parse(returned.out)).toMatchObject({ operation: 'return', amount: 25.5, remainingCaptureAmount: 74.5 });
    expect((await cli('release', id, '--key', `rel-${id}`)).out).toMatch(/^released \$200\.00; \$0\.00 left/);

    const after = await cli('show', id, '--json');
    expect(JSON.parse(after.out)).toMatchObject({ capturedAmount: 100, releasedAmount: 200, returnedAmount: 25.5, state: 'partly_returned' });
    expect((await cli('show', id)).out).toMatch(/capture\s+\d+\s+\S+\s+100\.00\s+74\.50/);
    expect(stack.sandbox.authorizations({ reference })[0]!.captures).toHaveLength(1);

    const regular = await pay(80, 'regular');
    await cli('capture', regular.id, '--key', `cap-${regular.id}`);
    const regularCapture = JSON.parse((await cli('show', regular.id, '--json')).out).captures[0].captureId as string;
    const refused = await cli('return', regular.id, regularCapture, '--key', `ret-${regular.id}`);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/wrong_transaction_type/);
    expect((await cli('refund', regular.id, regularCapture, '--amount', '80', '--key', `ref-${regular.id}`)).out).toMatch(/^refunded \$80\.00/);
  });

  it('refuses an over-capture with its code, and usage errors with status 2', async () => {
    const { id } = await pay(40);
    const over = await cli('capture', id, '--amount', '40.01', '--key', `over-${id}`);
    expect(over).toMatchObject({ code: 1, out: '' });
    expect(over.err).toMatch(/amount_exceeds_remaining: The authorization holds only \$40\.00/);
    expect((await cli('capture', id)).code).toBe(2);
    expect((await cli('capture', id, '--amount', '1.234', '--key', 'k')).code).toBe(2);
    expect((await cli('return', id, '--key', 'k')).code).toBe(2);
    expect((await cli('explode')).err).toMatch(/unknown command "explode"/);
    expect((await cli('--help')).out).toMatch(/^Usage: flexiti-merchant/);
  });

  it('prints the day’s activity as a table and as CSV', async () => {
    const { id, reference } = await pay(55);
    await cli('capture', id, '--amount', '50', '--key', `day-${id}`);
    const today = new Date().toISOString().slice(0, 10);
    const table = await cli('activity', '--date', today);
    expect(table.out).toMatch(new RegExp(`${id}\\s+\\d+\\s+${reference}\\s+50\\.00\\s+50\\.00\\s+promotional_purchase`));
    const csv = await cli('activity', '--date', today, '--csv');
    expect(csv.out.startsWith('\uFEFFdate,authorization,capture,reference,amount,remaining,type or state\r\n')).toBe(true);
    expect(csv.out).toMatch(new RegExp(`,${id},\\d+,${reference},50\\.00,50\\.00,promotional_purchase\\r\\n`));
  });

  it('reconciles the day against an orders file: a planted missing capture and a mismatch', async () => {
    const good = await pay(30);
    const off = await pay(31);
    await cli('capture', good.id, '--key', `r-${good.id}`);
    await cli('capture', off.id, '--key', `r-${off.id}`);
    const dir = mkdtempSync(join(tmpdir(), 'flexiti-orders-'));
    const file = join(dir, 'orders.csv');
    writeFileSync(file, `reference,amount\r\n${good.reference},30\r\n${off.reference},31.01\r\nNEVER-PAID-1,12\r\n`);
    const report = await cli('reconcile', '--orders', file, '--json');
    expect(report.code).toBe(0);
    const findings = (JSON.parse(report.out).findings as Array<{ code: string; reference: string }>).filter((f) => [good.reference, off.reference, 'NEVER-PAID-1'].includes(f.reference));
    expect(findings.map((f) => [f.code, f.reference]).sort()).toEqual([
      ['amount_mismatch', off.reference],
      ['missing_at_flexiti', 'NEVER-PAID-1'],
    ]);
    const csv = await cli('reconcile', '--orders', file, '--csv');
    expect(csv.out.startsWith('\uFEFF')).toBe(true);
    expect(csv.out).toContain('NEVER-PAID-1');
    expect((await cli('reconcile', '--orders', file)).out).toMatch(/^Reconciliation of \d{4}-\d{2}-\d{2}: \d+ findings?/);
  });

  it('runs as a program from its entry, reading FLEXITI_API_BASE', async () => {
    const { id } = await pay(20);
    // Asynchronously: the sandbox it calls is served by this very process.
    const run = (...args: string[]) =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        execFile(join('node_modules', '.bin', 'tsx'), ['src/server/cli.ts', ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
          resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const shown = await run('show', id);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`authorization ${id}`);
    const usage = await run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: flexiti-merchant/);
  });
});
