import { html } from 'lit';
import { formatCardNumber } from '../machine.js';
import type { CheckoutView } from './context.js';
import { failure, field, heading, notice, radios } from './parts.js';

/** First: an existing cardholder, or a new shopper who applies. */
export function chooseView(view: CheckoutView) {
  const c = view.texts;
  return html`<section class="panel" aria-labelledby="choose-title">
    ${heading('choose-title', c.intro)}
    <div class="actions">
      <button class="primary" part="button" @click=${() => view.send({ type: 'existing' })}>${c.haveAccount}</button>
      <button
        class="primary"
        part="button"
        @pointerenter=${view.prefetchApplication}
        @focus=${view.prefetchApplication}
        @click=${() => view.send({ type: 'apply' })}
      >
        ${c.applyNow}
      </button>
    </div>
    ${view.actions(undefined)}
  </section>`;
}

/** The cardholder finds the account by card or account number. */
export function identifyView(view: CheckoutView) {
  const c = view.texts;
  const { by, number } = view.state;
  const byCard = by === 'card';
  const pending = view.busy.lookup;
  return html`<section class="panel" aria-labelledby="identify-title" aria-busy=${pending ? 'true' : 'false'}>
    ${heading('identify-title', c.identifyTitle)}
    <form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), view.find())}>
      <fieldset part="section" ?disabled=${pending}>
        <legend part="legend">${c.identifyBy}</legend>
        <div class="actions">
          ${radios('by', [['card', c.byCard], ['account', c.byAccount]], by, (value) => view.send({ type: 'identifyBy', by: value }))}
        </div>
      </fieldset>
      ${field(view, 'number', byCard ? c.cardNumber : c.accountNumber, byCard ? formatCardNumber(number) : number, {
        autocomplete: byCard ? 'cc-number' : 'off',
        maxlength: byCard ? 19 : 14,
        onInput: (value) => view.send({ type: 'typeNumber', value }),
      })}
      ${failure(view)}
      ${view.actions(html`<button type="submit" class="primary" part="button submit" ?disabled=${pending}>${pending ? c.finding : c.find}</button>`, pending)}
    </form>
  </section>`;
}

/** Where the one-time code goes: text message or email, as the account allows. */
export function methodView(view: CheckoutView) {
  const c = view.texts;
  const { contacts, method } = view.state;
  const pending = view.busy.verify;
  return html`<section class="panel" aria-labelledby="method-title" aria-busy=${pending ? 'true' : 'false'}>
    ${heading('method-title', c.methodTitle)} ${notice(view)}
    <form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), pending || view.sendCode(method))}>
      <fieldset part="section" ?disabled=${pending}>
        <legend part="legend">${c.methodIntro}</legend>
        ${radios(
          'method',
          [...(contacts.sms ? [['sms', c.bySms(contacts.sms)] as const] : []), ...(contacts.email ? [['email', c.byEmail(contacts.email)] as const] : [])],
          method,
          (value) => view.send({ type: 'chooseMethod', method: value }),
        )}
      </fieldset>
      ${failure(view)}
      ${view.actions(html`<button type="submit" class="primary" part="button submit" ?disabled=${pending}>${pending ? c.sending : c.sendCode}</button>`, pending)}
    </form>
  </section>`;
}
