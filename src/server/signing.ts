/**
 * Compact signed tokens for checkout sessions and receipts: `base64url(json).base64url(hmac)`,
 * HMAC-SHA-256 through Web Crypto so the handler runs on any runtime. Stateless: every handler
 * instance holding the same secret can verify them.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface SignedPayload {
  /** What the token is for; a token of one type is never accepted as another. */
  typ: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type VerifyFailure = 'malformed' | 'bad_signature' | 'expired' | 'wrong_type';

export class Signer {
  private readonly key: Promise<CryptoKey>;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('sessionSecret must be at least 32 characters');
    this.key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  async sign(payload: SignedPayload): Promise<string> {
    const body = base64url(encoder.encode(JSON.stringify(payload)));
    const signature = await crypto.subtle.sign('HMAC', await this.key, encoder.encode(body));
    return `${body}.${base64url(new Uint8Array(signature))}`;
  }

  async verify<T extends SignedPayload>(
    token: string,
    typ: T['typ'],
    nowSeconds: number,
  ): Promise<{ ok: true; payload: T } | { ok: false; reason: VerifyFailure }> {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
    let signatureBytes: Uint8Array<ArrayBuffer>;
    try {
      signatureBytes = fromBase64url(signature);
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    // crypto.subtle.verify compares in constant time.
    const valid = await crypto.subtle.verify('HMAC', await this.key, signatureBytes, encoder.encode(body));
    if (!valid) return { ok: false, reason: 'bad_signature' };
    let payload: T;
    try {
      payload = JSON.parse(decoder.decode(fromBase64url(body))) as T;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (payload.typ !== typ) return { ok: false, reason: 'wrong_type' };
    if (typeof payload.exp !== 'number' || payload.exp <= nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, payload };
  }
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** 128 random bits as 32 hex characters (also the shape Flexiti wants for `x-reference-id`). */
export function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
