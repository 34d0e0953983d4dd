/**
 * `GET /demo/accounts/:accountNumber`: a sandbox account's credit, for the back office
 * (`/orders.html`) to show the shopper's available credit moving as orders are captured,
 * released, returned and refunded. Flexiti has no such call for merchants: it exists only while
 * the demo runs its embedded sandbox, and only for the holder of the admin key, which it checks
 * the way the handler's admin routes do.
 */
import type { Sandbox } from '../src/sandbox/index.js';

export interface DemoAccount {
  accountNumber: string;
  creditLimit: number;
  availableCredit: number;
}

const PATH = /^\/demo\/accounts\/(\d{1,16})$/;

const answer = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/**
 * Answers the route for `request`. `sandbox` is the embedded sandbox, or `undefined` when the
 * demo talks to a Flexiti environment (then there is no such route).
 */
export async function accountResponse(request: Request, options: { adminKey: string; sandbox: Sandbox | undefined }): Promise<Response> {
  const url = new URL(request.url);
  const match = PATH.exec(url.pathname);
  if (!options.sandbox || request.method !== 'GET' || !match) {
    return answer(404, { code: 'not_found', message: 'No such route.', retryable: false });
  }
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== url.origin) {
    return answer(403, { code: 'origin_not_allowed', message: 'This origin may not call this route.', retryable: false });
  }
  const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim();
  if (!token) return answer(401, { code: 'admin_key_missing', message: 'Send the admin key as `Authorization: Bearer <adminKey>`.', retryable: false });
  if (!(await sameSecret(token, options.adminKey))) {
    return answer(401, { code: 'admin_key_invalid', message: 'The admin key is not valid.', retryable: false });
  }
  const account = options.sandbox.account(Number(match[1]));
  if (!account) return answer(404, { code: 'account_not_found', message: 'The sandbox has no such account.', retryable: false });
  const body: DemoAccount = {
    accountNumber: String(account.account_number),
    creditLimit: account.credit_limit,
    availableCredit: account.available_credit,
  };
  return answer(200, body);
}

/** Compares digests, in a time that does not depend on where the strings differ. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let difference = 0;
  for (let i = 0; i < x.length; i++) difference |= x[i]! ^ y[i]!;
  return difference === 0;
}
