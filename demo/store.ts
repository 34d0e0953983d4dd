/**
 * The demo store's own data: carts and what the merchant hooks heard. In memory by default; with
 * `REDIS_URL`, in Redis, so several demo processes act as one store.
 */
import type { ApplicationOutcome, PurchaseOutcome } from '../src/server/index.js';

export interface Cart {
  quantity: number;
  /** The order this cart becomes; a new one once it is paid or changed. */
  reference: string;
}

export type Outcome = ApplicationOutcome | PurchaseOutcome;

export interface DemoStore {
  cart(id: string): Promise<Cart | undefined>;
  saveCart(id: string, cart: Cart): Promise<void>;
  /** Records a hook's outcome; an approved purchase empties the cart it paid. */
  record(outcome: Outcome): Promise<void>;
  /** The latest outcomes, newest last. */
  outcomes(): Promise<Outcome[]>;
  /** The approval recorded for an order, if any. */
  approval(reference: string): Promise<PurchaseOutcome | undefined>;
}

const isApproval = (outcome: Outcome): outcome is PurchaseOutcome => 'authorizationId' in outcome && outcome.status === 'approved';
const KEEP = 200;

export function memoryStore(): DemoStore {
  const carts = new Map<string, Cart>();
  const outcomes: Outcome[] = [];
  return {
    cart: async (id) => carts.get(id),
    saveCart: async (id, cart) => void carts.set(id, cart),
    async record(outcome) {
      outcomes.push(outcome);
      if (outcomes.length > KEEP) outcomes.shift();
      if (isApproval(outcome)) for (const cart of carts.values()) if (cart.reference === outcome.reference) cart.quantity = 0;
    },
    outcomes: async () => [...outcomes],
    approval: async (reference) => outcomes.find((o): o is PurchaseOutcome => isApproval(o) && o.reference === reference),
  };
}

/** The part of a node-redis client the demo uses. */
export interface DemoRedis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: { EX: number }): Promise<unknown>;
  rPush(key: string, value: string): Promise<unknown>;
  lTrim(key: string, start: number, stop: number): Promise<unknown>;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
}

const DAY = 24 * 3600;

export function redisStore(redis: DemoRedis, prefix = 'flexiti-demo:'): DemoStore {
  const key = (...parts: string[]) => prefix + parts.join(':');
  const json = <T>(text: string | null) => (text === null ? undefined : (JSON.parse(text) as T));
  return {
    cart: async (id) => json<Cart>(await redis.get(key('cart', id))),
    async saveCart(id, cart) {
      await redis.set(key('cart', id), JSON.stringify(cart), { EX: DAY });
      await redis.set(key('cart-of', cart.reference), id, { EX: DAY });
    },
    async record(outcome) {
      await redis.rPush(key('outcomes'), JSON.stringify(outcome));
      await redis.lTrim(key('outcomes'), -KEEP, -1);
      if (!isApproval(outcome)) return;
      await redis.set(key('paid', outcome.reference), JSON.stringify(outcome), { EX: DAY });
      const id = await redis.get(key('cart-of', outcome.reference));
      const cart = id ? json<Cart>(await redis.get(key('cart', id))) : undefined;
      if (id && cart?.reference === outcome.reference) await redis.set(key('cart', id), JSON.stringify({ ...cart, quantity: 0 }), { EX: DAY });
    },
    outcomes: async () => (await redis.lRange(key('outcomes'), 0, -1)).map((text) => JSON.parse(text) as Outcome),
    approval: async (reference) => json<PurchaseOutcome>(await redis.get(key('paid', reference))),
  };
}
