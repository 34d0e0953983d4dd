import type { Hono } from 'hono';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import * as v from 'valibot';
import type { FormValuesResponse, Lang, OfferPlan, Offers } from '../../schemas/index.js';
import { isWholeCents } from '../../schemas/money.js';
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

const AMOUNT = `must be an amount in dollars from 0.01 to ${MAX_ORDER_AMOUNT}, in whole cents`;
const amount = v.pipe(
  v.number(AMOUNT),
  v.check((n) => Number.isFinite(n) && isWholeCents(n) && n >= 0.01 && n <= MAX_ORDER_AMOUNT, AMOUNT),
);
/** An object's own message, or for a key it does not have, the keys it has. */
const objectMessage = (keys: readonly string[]) => (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never' ? `is not an option (use ${keys.join(', ')})` : 'must be an object';
const strictObject = <T extends v.ObjectEntries>(entries: T) => v.strictObject(entries, objectMessage(Object.keys(entries)));

const RATE = 'must be an annual rate from 0 up to but not including 1 (0.0999 for 9.99 %)';
const FEE = 'must be 0 or more dollars, in whole cents';
const PLAN_ID = 'must be keyed by a Flexiti plan id (a whole number from 1 to 999)';
const MessagePlanSchema = strictObject({
  rate: v.exactOptional(v.pipe(v.number(RATE), v.check((rate) => rate >= 0 && rate < 1, RATE))),
  payments: v.exactOptional(v.picklist(['none', 'minimum'], "must be 'none' or 'minimum' (and only for a deferred-payment plan)")),
  fee: v.exactOptional(v.pipe(v.number(FEE), v.check((fee) => Number.isFinite(fee) && fee >= 0 && isWholeCents(fee), FEE))),
  minAmount: v.exactOptional(amount),
  maxAmount: v.exactOptional(amount),
  hidden: v.exactOptional(v.boolean('must be true or false')),
});
const MessageConfigSchema = strictObject({
  plans: v.exactOptional(
    v.pipe(
      // (A record takes an array for an object.)
      v.custom<Record<string, unknown>>((plans) => typeof plans === 'object' && plans !== null && !Array.isArray(plans), 'must be an object'),
      v.record(
        v.pipe(v.string(), v.regex(/^\d+$/, PLAN_ID), v.check((id) => Number(id) >= 1 && Number(id) <= 999, PLAN_ID)),
        MessagePlanSchema,
      ),
    ),
  ),
  minAmount: v.exactOptional(amount),
  maxAmount: v.exactOptional(amount),
});

/** Checks the `message` option once, when the handler is created: a mistake there fails at start, not on a product page. */
export function resolveMessageConfig(config: MessageConfig | undefined): ResolvedMessage {
  const fail = (path: string, rule: string, value: unknown): never => {
    throw new Error(`flexiti-checkout: \`message${path}\` ${rule}; got ${JSON.stringify(value) ?? String(value)}.`);
  };
  const parsed = v.safeParse(MessageConfigSchema, config ?? {}, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path ?? [];
    // `.plans[7].fee`: a plan by its id, every other step by its name.
    const where = path.map((step, i) => (path[i - 1]?.key === 'plans' && i === 1 ? `[${String(step.key)}]` : `.${String(step.key)}`)).join('');
    // A key that is not an option is shown with its value; a plan id that is not one, as itself.
    const last = path.at(-1);
    return fail(where, issue.message, issue.expected === 'never' && last ? last.value : issue.input);
  }
  const bounds = (path: string, min: number, max: number) => {
    if (min > max) fail(path, `minAmount (${min}) must not be more than maxAmount (${max})`, { minAmount: min, maxAmount: max });
  };
  const message = parsed.output;
  const minAmount = message.minAmount ?? 0.01;
  const maxAmount = message.maxAmount ?? MAX_ORDER_AMOUNT;
  bounds('', minAmount, maxAmount);
  const plans = new Map<number, MessagePlanConfig>();
  for (const [id, plan] of Object.entries(message.plans ?? {})) {
    const min = plan.minAmount ?? minAmount;
    const max = plan.maxAmount ?? maxAmount;
    bounds(`.plans[${id}]`, min, max);
    plans.set(Number(id), { ...plan, minAmount: min, maxAmount: max });
  }
  return { plans, minAmount, maxAmount };
}
