import { html } from 'lit';
import type { PlanChoice, PlansResponse } from '../../../schemas/index.js';
import { termCost } from '../../../schemas/plan-cost.js';
import { planKey } from '../machine.js';
import type { CheckoutView } from './context.js';
import { failure, heading, notice } from './parts.js';

export interface PlanOption {
  key: string;
  title: string;
  detail: string;
  disclosures: string[];
  /** Equal payments: the monthly payment, and whether the plan costs nothing beyond the price. */
  monthly?: number;
  free?: boolean;
}

/**
 * Every plan and term the shopper can choose, described in their language: what they pay each
 * month and for how long, every fee, and the total repaid where Flexiti's figures make it
 * computable, or what is left when a promotion ends. A rate is in the headline only where it is
 * charged on the payments; a deferred plan's rate is in Flexiti's own words below it.
 */
export function planOptions(view: CheckoutView, plans: PlansResponse): PlanOption[] {
  const c = view.texts;
  const money = (amount: number) => view.locale.money(amount);
  const pct = (rate: number) => view.locale.percent(rate);
  const fees = (list: PlansResponse['regular']['fees']) => list.map((f) => f.message || c.fee(f.description, money(f.amount)));
  return [
    { key: 'regular', title: c.regular, detail: c.regularDetail(pct(plans.regular.rate)), disclosures: fees(plans.regular.fees) },
    ...plans.plans.flatMap((plan) =>
      plan.terms.map((term) => {
        const cost = termCost(plans.amount, plan.category, term);
        const detail =
          cost.kind === 'equal'
            ? [c.monthly(money(cost.monthlyPayment), term.term), c.rate(pct(term.rate)), c.totalRepaid(money(cost.totalRepaid), cost.costOfBorrowing > 0 ? money(cost.costOfBorrowing) : null)]
            : cost.kind === 'minimum'
              ? [c.minimum(money(cost.monthlyPayment), term.term), c.leftAtEnd(money(cost.balanceAtEnd)), c.payInFull(money(cost.payInFullBy), term.term)]
              : [c.deferred(term.term), c.payInFull(money(cost.payInFullBy), term.term)];
        return {
          key: `${plan.planId}:${term.term}`,
          title: plan.name,
          detail: detail.join(' · '),
          disclosures: [term.rateMessage, ...fees(term.fees)].filter(Boolean),
          ...(cost.kind === 'equal' ? { monthly: cost.monthlyPayment, free: cost.costOfBorrowing === 0 } : {}),
        };
      }),
    ),
  ];
}

export function describePlan(view: CheckoutView, plan: PlanChoice): PlanOption | undefined {
  const plans = view.plans.value;
  return plans && planOptions(view, plans).find((o) => o.key === planKey(plan));
}

export function plansView(view: CheckoutView) {
  const c = view.texts;
  const { failed, value } = view.plans;
  // Plans already shown stay while they reload in another language.
  const body = failed
    ? html`${failure(view)}<button type="button" class="secondary" part="button" @click=${() => view.retryPlans()}>${view.messages.retry}</button>`
    : value
      ? planChoices(view, value)
      : html`<p>${c.loadingPlans}</p>`;
  return html`<section class="panel" aria-labelledby="plans-title">
    ${heading('plans-title', c.plansTitle)} ${notice(view)} ${body}
  </section>`;
}

/**
 * A few options first — the lowest monthly payment with no interest, and the lowest monthly payment
 * of all — each with what it costs; every other way to pay one step away, grouped by plan.
 */
function planChoices(view: CheckoutView, plans: PlansResponse) {
  const c = view.texts;
  const chosen = view.state.plan;
  const options = planOptions(view, plans);
  const byMonthly = options.filter((o) => o.monthly).sort((a, b) => a.monthly! - b.monthly!);
  const featured = [...new Set([byMonthly.find((o) => o.free), byMonthly[0]])].filter((o) => o !== undefined);
  const rest = options.filter((o) => !featured.includes(o));
  const groups = new Map<string, PlanOption[]>();
  for (const option of rest) groups.set(option.title, [...(groups.get(option.title) ?? []), option]);
  const radio = (o: PlanOption, label: unknown) => html`<label class="plan" part="plan">
    <input type="radio" name="plan" value=${o.key} .checked=${chosen === o.key} @change=${() => view.send({ type: 'choosePlan', plan: o.key })} />
    <span>${label}</span>
    ${o.disclosures.map((d) => html`<p class="disclosure" part="disclosure">${d}</p>`)}
  </label>`;
  const titled = (o: PlanOption) => radio(o, html`<strong>${o.title}</strong><br />${o.detail}`);
  return html`<form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), view.send({ type: 'review' }))}>
    <fieldset part="section plans" class="plans">
      <legend part="legend">${c.plansLegend}</legend>
      ${featured.map(titled)}
      <details class="plans" part="more-plans" ?open=${rest.some((o) => o.key === chosen)}>
        <summary>${c.morePlans(rest.length)}</summary>
        ${[...groups].map(([title, list]) =>
          list.length === 1
            ? titled(list[0]!)
            : html`<fieldset class="plans" part="section">
                <legend class="plan-name">${title}</legend>
                ${list.map((o) => radio(o, o.detail))}
              </fieldset>`,
        )}
      </details>
    </fieldset>
    ${view.actions(html`<button type="submit" class="primary" part="button submit" ?disabled=${!chosen}>${c.continue}</button>`)}
  </form>`;
}
