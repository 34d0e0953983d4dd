import { html, nothing } from 'lit';
import { planOf } from '../machine.js';
import type { CheckoutView } from './context.js';
import { failure, field, heading, notice } from './parts.js';
import { describePlan } from './plans.js';

/**
 * Everything the shopper agrees to next to "Confirm and pay"; an existing cardholder types the
 * code here, where Flexiti's answer to it is shown, and can have a new one sent.
 */
export function reviewView(view: CheckoutView) {
  const c = view.texts;
  const { state } = view;
  const plan = planOf(state.plan)!;
  const described = describePlan(view, plan);
  const pending = view.busy.purchase;
  const resending = view.busy.verify;
  const cardholder = state.kind === 'cardholder';
  const destination = state.sentTo ? state.contacts[state.sentTo] : undefined;
  return html`<section class="panel" aria-labelledby="review-title" part="review" aria-busy=${pending ? 'true' : 'false'}>
    ${heading('review-title', c.reviewTitle)}
    <dl class="facts" part="facts">
      <div><dt>${c.orderTotal}</dt><dd>${view.locale.money(view.amount)}</dd></div>
      <div><dt>${c.plan}</dt><dd>${described?.title}</dd></div>
      <div><dt>${c.payment}</dt><dd>${described?.detail}</dd></div>
      <div><dt>${c.account}</dt><dd>${c.cardEnding(state.cardLast4)}</dd></div>
    </dl>
    ${described?.disclosures.length ? html`${described.disclosures.map((d) => html`<p class="disclosure" part="disclosure">${d}</p>`)}` : nothing}
    <form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), view.confirm())}>
      ${cardholder
        ? html`${state.sentTo && destination ? html`<p>${c.codeSentTo(state.sentTo, destination)}</p>` : nothing}
            ${field(view, 'code', c.code, state.code, {
              autocomplete: 'one-time-code',
              maxlength: 8,
              onInput: (value) => view.send({ type: 'typeCode', value }),
            })}
            <div class="actions">
              <button type="button" class="secondary" part="button" ?disabled=${resending || pending} @click=${() => view.sendCode(state.sentTo ?? state.method)}>
                ${resending ? c.resending : c.resendCode}
              </button>
            </div>`
        : nothing}
      ${notice(view)} ${failure(view)}
      ${view.actions(
        html`<button type="submit" class="primary" part="button submit" ?disabled=${pending}>
          ${pending ? c.confirming : view.failure?.retryable ? view.messages.retry : c.confirm(view.locale.money(view.amount))}
        </button>`,
        pending,
      )}
    </form>
  </section>`;
}
