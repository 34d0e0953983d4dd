/**
 * Compact signed tokens for checkout sessions and receipts: `base64url(json).base64url(hmac)`,
 * HMAC-SHA-256. Stateless: every handler instance holding the same secret can verify them.
 *
 * Two things keep verification cheap without tying the handler to Node:
 * - HMAC through `node:crypto` where the runtime offers it (Node, Bun, Deno, Workers with
 *   `nodejs_compat`: `process.getBuiltinModule`, looked up at run time, never imported), about
 *   15× cheaper in CPU than Web Crypto's `subtle.sign`/`subtle.verify` on Node; Web Crypto
 *   everywhere else. Both produce the same signatures.
 * - A bounded LRU of tokens already verified, keyed by the signed part: a shopper's session is
 *   verified on every request, so the HMAC runs once per token. A hit still needs the presented
 *   signature to equal the verified one (compared in constant time) and still checks the type
 *   and the expiry on every use; anything else takes the full path, so a token is only accepted
 *   once its signature has been checked with the key.
 */
import { LRUCache } from 'lru-cache';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ASCII = /^[\x00-\x7f]*$/;

export interface SignedPayload {
  /** What the token is for; a token of one type is never accepted as another. */
  typ: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type VerifyFailure = 'malformed' | 'bad_signature' | 'expired' | 'wrong_type';

export interface SignerOptions {
  /** Verified tokens remembered per signer (least recently used go first). Default 10,000; 0 turns it off. */
  cacheSize?: number;
  /** Force Web Crypto even where `node:crypto` is available (tests, comparisons). */
  webCryptoOnly?: boolean;
}

/** The slice of `node:crypto` used here (available in Node ≥ 20.16, Bun, Deno, Workers with nodejs_compat). */
interface NodeCrypto {
  createHmac(algorithm: 'sha256', key: Uint8Array): { update(data: string): { digest(): Uint8Array } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

interface Verified {
  /** The signature exactly as presented when it was checked. */
  signature: string;
  payload: SignedPayload;
}

export class Signer {
  private readonly secret: Uint8Array<ArrayBuffer>;
  private readonly node: NodeCrypto | undefined;
  private subtleKey: Promise<CryptoKey> | undefined;
  private readonly verified: LRUCache<string, Verified> | undefined;

  constructor(secret: string, options: SignerOptions = {}) {
    if (secret.length < 32) throw new Error('sessionSecret must be at least 32 characters');
    this.secret = encoder.encode(secret);
    this.node = options.webCryptoOnly ? undefined : nodeCrypto();
    const size = options.cacheSize ?? 10_000;
    this.verified = size > 0 ? new LRUCache<string, Verified>({ max: size }) : undefined;
  }

  async sign(payload: SignedPayload): Promise<string> {
    const body = base64urlText(JSON.stringify(payload));
    return `${body}.${base64url(await this.mac(body))}`;
  }

  async verify<T extends SignedPayload>(
    token: string,
    typ: T['typ'],
    nowSeconds: number,
  ): Promise<{ ok: true; payload: T } | { ok: false; reason: VerifyFailure }> {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };

    let payload: SignedPayload;
    const hit = this.verified?.get(body);
    if (hit && equalConstantTime(hit.signature, signature)) {
      payload = hit.payload;
    } else {
      const checked = await this.check(body, signature);
      if (!checked.ok) return checked;
      payload = checked.payload;
      this.verified?.set(body, { signature, payload });
    }

    if (payload.typ !== typ) return { ok: false, reason: 'wrong_type' };
    if (typeof payload.exp !== 'number' || payload.exp <= nowSeconds) {
      this.verified?.delete(body);
      return { ok: false, reason: 'expired' };
    }
    // A copy: callers never share (or alter) the remembered payload.
    return { ok: true, payload: { ...payload } as T };
  }

  /** The full check: the signature against the key, then the JSON payload. */
  private async check(
    body: string,
    signature: string,
  ): Promise<{ ok: true; payload: SignedPayload } | { ok: false; reason: VerifyFailure }> {
    let signatureBytes: Uint8Array<ArrayBuffer>;
    try {
      signatureBytes = fromBase64url(signature);
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    // One encoding per signature: variants with other trailing bits or padding are not the token.
    if (base64url(signatureBytes) !== signature) return { ok: false, reason: 'malformed' };
    let valid: boolean;
    if (this.node) {
      const expected = this.node.createHmac('sha256', this.secret).update(body).digest();
      // timingSafeEqual compares in constant time; it needs equal lengths (the length is public).
      valid = expected.length === signatureBytes.length && this.node.timingSafeEqual(expected, signatureBytes);
    } else {
      // crypto.subtle.verify compares in constant time.
      valid = await crypto.subtle.verify('HMAC', await this.key(), signatureBytes, encoder.encode(body));
    }
    if (!valid) return { ok: false, reason: 'bad_signature' };
    let payload: unknown;
    try {
      payload = JSON.parse(textFromBase64url(body));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'malformed' };
    return { ok: true, payload: payload as SignedPayload };
  }

  private async mac(body: string): Promise<Uint8Array> {
    if (this.node) return this.node.createHmac('sha256', this.secret).update(body).digest();
    return new Uint8Array(await crypto.subtle.sign('HMAC', await this.key(), encoder.encode(body)));
  }

  private key(): Promise<CryptoKey> {
    this.subtleKey ??= crypto.subtle.importKey('raw', this.secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    return this.subtleKey;
  }
}

/** `node:crypto` when the runtime has `process.getBuiltinModule`, else `undefined` (Web Crypto then). */
function nodeCrypto(): NodeCrypto | undefined {
  try {
    const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const module = runtime?.getBuiltinModule?.('node:crypto') as Partial<NodeCrypto> | undefined;
    return typeof module?.createHmac === 'function' && typeof module.timingSafeEqual === 'function'
      ? (module as NodeCrypto)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whether two strings are equal, in a time that depends on their lengths only. */
function equalConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url of the UTF-8 bytes of `text` (ASCII, the usual case, skips the byte array). */
function base64urlText(text: string): string {
  if (!ASCII.test(text)) return base64url(encoder.encode(text));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function binaryFromBase64url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = binaryFromBase64url(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The UTF-8 text inside a base64url string; throws on bad base64url or bad UTF-8. */
function textFromBase64url(text: string): string {
  const binary = binaryFromBase64url(text);
  if (ASCII.test(binary)) return binary;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return decoder.decode(bytes);
}

/** 128 random bits as 32 hex characters (also the shape Flexiti wants for `x-reference-id`). */
export function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
