import type { Hono } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import type { FormValuesResponse, Lang, OfferPlan, Offers } from '../../schemas/index.js';
import { toCents } from '../../schemas/money.js';
import type { MessageConfig, MessagePlanConfig } from '../config.js';
import { clientAddress, langOf, type Deps, type HandlerEnv } from '../context.js';
import { errors } from '../errors.js';
import { formValues } from './catalog.js';
import { MAX_ORDER_AMOUNT } from './session.js';

/**
 * `GET offers`: the merchant's plans for the on-site message, without a session. Flexiti's names,
 * categories and terms (the cached `merchants/login`) with what the merchant configured about each
 * (`message`). The same for every shopper, so browsers and shared caches may keep it five minutes,
 * as long as the handler keeps Flexiti's answer: a change reaches product pages within ten.
 */
export function offersRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  const message = resolveMessageConfig(deps.config.message);
  const warned = new Set<string>();
  const warn = (planId: number, code: string) => {
    if (warned.has(`${planId}:${code}`)) return;
    warned.add(`${planId}:${code}`);
    deps.logger({ level: 'warn', event: 'message_config_ignored', route: `plan ${planId}`, code });
  };
  // A revalidation answered 304 keeps what a cross-origin page needs to read the stored answer.
  const validators = etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin'] });

  app.get('/offers', validators, async (c) => {
    // The origin middleware refuses a foreign `Origin`; a cross-site request may also come without
    // one (a script or image tag, a no-cors fetch): it would spend this address's budget for nothing.
    const origin = c.req.header('origin');
    if (c.req.header('sec-fetch-site') === 'cross-site' && !(origin && deps.config.allowedOrigins?.includes(origin))) {
      throw errors.originNotAllowed();
    }
    await deps.budgets.spend('offers', { perAddress: clientAddress(c, deps) });
    const lang = langOf(c);
    const offers = toOffers(await formValues(deps, lang), lang, message, warn);
    return c.json(offers, 200, { 'cache-control': 'public, max-age=300', vary: 'Origin' });
  });
}

interface ResolvedMessage {
  plans: ReadonlyMap<number, MessagePlanConfig>;
  minAmount: number;
  maxAmount: number;
}

function toOffers(values: FormValuesResponse, lang: Lang, message: ResolvedMessage, warn: (planId: number, code: string) => void): Offers {
  const listed = new Set(values.offerTypes.map((offer) => offer.planId));
  for (const planId of message.plans.keys()) if (!listed.has(planId)) warn(planId, 'plan_not_offered');
  const plans = values.offerTypes.flatMap((offer): OfferPlan[] => {
    const configured = message.plans.get(offer.planId);
    if (!Number.isInteger(offer.planId) || configured?.hidden) return [];
    const deferred = offer.category === 'deferred_payment';
    if (configured?.payments !== undefined && !deferred) warn(offer.planId, 'payments_on_equal_plan');
    return [
      {
        planId: offer.planId,
        name: offer.name,
        category: offer.category,
        terms: offer.terms,
        rate: configured?.rate ?? null,
        payments: deferred ? (configured?.payments ?? null) : null,
        fee: configured?.fee ?? null,
        minAmount: configured?.minAmount ?? message.minAmount,
        maxAmount: configured?.maxAmount ?? message.maxAmount,
      },
    ];
  });
  return { lang, currency: 'CAD', plans };
}

const PLAN_KEYS = new Set(['rate', 'payments', 'fee', 'minAmount', 'maxAmount', 'hidden']);
const MESSAGE_KEYS = new Set(['plans', 'minAmount', 'maxAmount']);

/** Checks the `message` option once, when the handler is created: a mistake there fails at start, not on a product page. */
export function resolveMessageConfig(config: MessageConfig | undefined): ResolvedMessage {
  const fail = (path: string, rule: string, value: unknown): never => {
    throw new Error(`flexiti-checkout: \`message${path}\` ${rule}; got ${JSON.stringify(value) ?? String(value)}.`);
  };
  const object = (path: string, value: unknown, keys?: Set<string>) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object', value);
    for (const key of Object.keys(value as object)) {
      if (keys && !keys.has(key)) fail(`${path}.${key}`, `is not an option (use ${[...keys].join(', ')})`, (value as Record<string, unknown>)[key]);
    }
    return value as Record<string, unknown>;
  };
  const amount = (path: string, value: unknown, fallback: number): number => {
    if (value === undefined) return fallback;
    const valid = typeof value === 'number' && Number.isFinite(value) && Math.abs(value * 100 - toCents(value)) < 1e-6;
    if (!valid || value < 0.01 || value > MAX_ORDER_AMOUNT) fail(path, `must be an amount in dollars from 0.01 to ${MAX_ORDER_AMOUNT}, in whole cents`, value);
    return value as number;
  };
  const bounds = (path: string, min: number, max: number) => {
    if (min > max) fail(path, `minAmount (${min}) must not be more than maxAmount (${max})`, { minAmount: min, maxAmount: max });
  };

  const message = object('', config ?? {}, MESSAGE_KEYS);
  const minAmount = amount('.minAmount', message.minAmount, 0.01);
  const maxAmount = amount('.maxAmount', message.maxAmount, MAX_ORDER_AMOUNT);
  bounds('', minAmount, maxAmount);
  const plans = new Map<number, MessagePlanConfig>();
  for (const [id, value] of Object.entries(object('.plans', message.plans ?? {}))) {
    const path = `.plans[${id}]`;
    const planId = Number(id);
    if (!/^\d+$/.test(id) || planId < 1 || planId > 999) fail(path, 'must be keyed by a Flexiti plan id (a whole number from 1 to 999)', id);
    const plan = object(path, value, PLAN_KEYS);
    const { rate, payments, fee, hidden } = plan;
    if (rate !== undefined && !(typeof rate === 'number' && rate >= 0 && rate < 1)) {
      fail(`${path}.rate`, 'must be an annual rate from 0 up to but not including 1 (0.0999 for 9.99 %)', rate);
    }
    if (payments !== undefined && payments !== 'none' && payments !== 'minimum') {
      fail(`${path}.payments`, "must be 'none' or 'minimum' (and only for a deferred-payment plan)", payments);
    }
    if (fee !== undefined && (typeof fee !== 'number' || !Number.isFinite(fee) || fee < 0 || Math.abs(fee * 100 - toCents(fee)) >= 1e-6)) {
      fail(`${path}.fee`, 'must be 0 or more dollars, in whole cents', fee);
    }
    if (hidden !== undefined && typeof hidden !== 'boolean') fail(`${path}.hidden`, 'must be true or false', hidden);
    const min = amount(`${path}.minAmount`, plan.minAmount, minAmount);
    const max = amount(`${path}.maxAmount`, plan.maxAmount, maxAmount);
    bounds(path, min, max);
    plans.set(planId, { ...(plan as MessagePlanConfig), minAmount: min, maxAmount: max });
  }
  return { plans, minAmount, maxAmount };
}
