import { html, nothing } from 'lit';
import type { CheckoutView } from './context.js';
import { heading } from './parts.js';
import { describePlan } from './plans.js';

export function approvedView(view: CheckoutView) {
  const c = view.texts;
  const result = view.state.result!;
  return html`<section class="panel decision approved" part="decision" aria-labelledby="approved-title">
    ${heading('approved-title', c.approvedTitle, 2)}
    <p>${c.approvedText}</p>
    <dl class="facts" part="facts">
      <div><dt>${c.orderTotal}</dt><dd>${view.locale.money(result.amount)}</dd></div>
      <div><dt>${c.authorization}</dt><dd class="number authorization">${result.authorizationId}</dd></div>
      <div><dt>${c.plan}</dt><dd>${describePlan(view, result.plan)?.title}</dd></div>
    </dl>
  </section>`;
}

/** The account's credit does not cover the order: said at once, with the way out. */
export function shortView(view: CheckoutView) {
  return endView(view, view.texts.shortTitle, view.texts.shortText);
}

export function ineligibleView(view: CheckoutView) {
  const c = view.texts;
  const code = view.state.ending;
  const text = code === 'user_not_active' || code === 'tries_exceeded' ? c[code] : c.user_not_able_to_purchase;
  return endView(view, c.ineligibleTitle, text);
}

export function endedView(view: CheckoutView) {
  return endView(view, view.texts.cancelledTitle, view.texts.cancelledText, false);
}

function endView(view: CheckoutView, title: string, text: string, offerCancel = true) {
  return html`<section class="panel decision" part="decision" aria-labelledby="end-title">
    ${heading('end-title', title, 2)}
    <p>${text}</p>
    ${offerCancel ? view.actions(undefined) : nothing}
  </section>`;
}
