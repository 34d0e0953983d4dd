import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { RequestError } from '../../client/handler-client.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { FlexitiApprovedEvent } from '../../events/flexiti-approved.js';
import { FlexitiCancelEvent } from '../../events/flexiti-cancel.js';
import { FlexitiDeclinedEvent } from '../../events/flexiti-declined.js';
import { FlexitiErrorEvent } from '../../events/flexiti-error.js';
import {
  type LookupResponse,
  type PlanChoice,
  type PlansResponse,
  type PurchaseResponse,
  type VerifyMethod,
} from '../../schemas/index.js';
import { checkoutEn } from '../../i18n/checkout-en.js';
import { checkoutFr } from '../../i18n/checkout-fr.js';
import type { CheckoutMessages } from '../../i18n/checkout-messages.js';
import { ApplicationFlow } from '../shared/application-flow.js';
import { defineElement, setState } from '../shared/define.js';
import { SanitizedHtml } from '../shared/sanitize.js';
import { buttonStyles, decisionStyles, formStyles, panelStyles, tokens } from '../shared/styles.js';

/** Where the shopper is. */
export type CheckoutStep =
  | 'choose'
  | 'identify'
  | 'method'
  | 'code'
  | 'apply'
  | 'plans'
  | 'review'
  | 'approved'
  | 'ineligible'
  | 'ended';

type Eligible = Extract<LookupResponse, { status: 'eligible' }>;
type Approved = Extract<PurchaseResponse, { status: 'approved' }>;
interface PlanOption {
  key: string;
  title: string;
  detail: string;
  disclosures: string[];
}

/** A field's problem: the key of its message in the checkout dictionary. */
type Problem = 'required' | 'invalidCard' | 'invalidAccount' | 'notFound' | 'invalidCode' | 'wrong_verification_code';

const planKey = (plan: PlanChoice) => (plan.type === 'regular' ? 'regular' : `${plan.planId}:${plan.term}`);

/**
 * Pay an order with Flexiti: an existing cardholder finds their account and confirms it is them
 * with a code, or a new shopper applies inline; then the shopper picks a plan for the order
 * amount the server decided, reviews it, and the purchase is authorized, once.
 *
 * @summary Flexiti financing at checkout.
 * @tagname flexiti-checkout
 * @attribute {string} lang - `en-CA` or `fr-CA`; when absent, the nearest `lang` ancestor or `<html lang>`. The element never writes it: its content carries the language it resolved.
 *
 * @fires {FlexitiReadyEvent} flexiti-ready - The session for the order is ready.
 * @fires {FlexitiSubmitEvent} flexiti-submit - Cancelable; a new shopper's application is about to be sent.
 * @fires {FlexitiApprovedEvent} flexiti-approved - The application (`kind: 'application'`) or the purchase (`kind: 'purchase'`) was approved.
 * @fires {FlexitiDeclinedEvent} flexiti-declined - Flexiti declined the application or the purchase.
 * @fires {FlexitiPendingEvent} flexiti-pending - Flexiti is reviewing the application.
 * @fires {FlexitiCancelEvent} flexiti-cancel - The shopper chose another payment method (`step` says where), or closed a new Quebec account.
 * @fires {FlexitiErrorEvent} flexiti-error - A technical failure; `retryable` says whether retrying can help.
 *
 * @csspart header - The title and the order total.
 * @csspart step - The current step.
 * @csspart form - A form (the application, the account number, the code).
 * @csspart section - A group of fields.
 * @csspart legend - The title of a group of fields.
 * @csspart field - A label, its control and its messages.
 * @csspart field-invalid - A field whose value needs attention.
 * @csspart label - A field label.
 * @csspart help - Help text under a label.
 * @csspart input - A text input or select.
 * @csspart select - A select.
 * @csspart checkbox - The terms agreement checkbox.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of problems of the application form.
 * @csspart terms - The scrollable terms and conditions.
 * @csspart plans - The payment plans (a radio group).
 * @csspart plan - One plan and term.
 * @csspart disclosure - A rate or fee message Flexiti requires to be shown.
 * @csspart review - The purchase summary before confirming.
 * @csspart button - Every button.
 * @csspart submit - The main button of a step.
 * @csspart cancel - The button that leaves Flexiti checkout.
 * @csspart alert - A failure or decline message.
 * @csspart decision - A final outcome (approved, declined, cancelled).
 * @csspart facts - Amounts and references.
 * @csspart flexiti-message - Flexiti's own message on a decision.
 * @csspart badge - The test-mode badge.
 *
 * @cssproperty [--flexiti-color-primary=#0b5cad] - Buttons, links, focus.
 * @cssproperty [--flexiti-color-on-primary=#ffffff] - Text on primary buttons.
 * @cssproperty [--flexiti-color-text=#1d2330] - Body text.
 * @cssproperty [--flexiti-color-text-muted=#4a5261] - Help text.
 * @cssproperty [--flexiti-color-surface=#ffffff] - Background.
 * @cssproperty [--flexiti-color-surface-alt=#f3f5f8] - Panels and the terms.
 * @cssproperty [--flexiti-color-border=#7a8291] - Field borders.
 * @cssproperty [--flexiti-color-error=#b3261e] - Errors.
 * @cssproperty [--flexiti-color-success=#1b6e3a] - Approvals.
 * @cssproperty [--flexiti-color-focus=#0b5cad] - Focus ring.
 * @cssproperty [--flexiti-radius=6px] - Corner radius.
 * @cssproperty --flexiti-font-family - Font. Default the system font.
 * @cssproperty [--flexiti-spacing=1rem] - Base spacing.
 * @cssproperty [--flexiti-max-width=44rem] - Widest the element grows.
 *
 * @cssstate pending - A request is in flight: the lookup, the code, the plans, the purchase or the application.
 */
export class FlexitiCheckout extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    tokens,
    formStyles,
    buttonStyles,
    panelStyles,
    decisionStyles,
    css`
      :host {
        display: grid;
        gap: var(--_space);
      }
      .plans {
        display: grid;
        gap: 0.5rem;
      }
      .plan-name {
        font-weight: 650;
        margin: 0.5rem 0 0.25rem;
      }
      .plan {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 0.6rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem;
      }
      .plan:has(input:checked) {
        border: 2px solid var(--_primary);
      }
      .plan input {
        width: 1.25rem;
        min-height: 1.25rem;
        height: 1.25rem;
        margin: 0.15rem 0 0;
        accent-color: var(--_primary);
      }
      .plan .disclosure {
        grid-column: 2;
        margin: 0;
        font-size: 0.9rem;
        color: var(--_muted);
      }
      .number {
        font-variant-numeric: tabular-nums;
        letter-spacing: 0.05em;
      }
    `,
  ];

  static override properties = {
    tokenUrl: { attribute: 'token-url' },
    session: {},
    endpoint: {},
    amount: { type: Number },
    theme: { reflect: true },
    step: { attribute: false },
  };

  /** Registers the element; safe to call more than once. */
  static define(tag = 'flexiti-checkout', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  private readonly locale = new LocaleController(this);
  private readonly internals = this.attachInternals();
  private readonly connection = new SessionController(this, 'checkout');

  /** The checkout's own strings; the shared ones come from the locale controller. */
  private get texts(): CheckoutMessages {
    return this.locale.lang === 'fr-CA' ? checkoutFr : checkoutEn;
  }

  private readonly application: ApplicationFlow = new ApplicationFlow(this, {
    flow: 'checkout',
    locale: this.locale,
    html: new SanitizedHtml(),
    connection: this.connection,
    renderApprovedActions: (approval) => html`<div class="actions">
      <button class="primary" part="button submit" @click=${() => this.startPlans(approval.receipt, 'applicant', approval.cardLast4)}>
        ${this.texts.continueToPlans}
      </button>
    </div>`,
  });

  /** Where to get a session for the order: the merchant handler's `POST session` route. */
  tokenUrl = '';

  /** A session rendered by the merchant's server (`handler.createSession`), instead of `token-url`. */
  session = '';

  /** The handler's base URL for a rendered `session`. Default `/api/flexiti`. */
  endpoint = '';

  /** The order total to show until the session arrives; the session's amount is the one charged. */
  amount: number | undefined;

  /** `light`, `dark`, or `auto` (follow `prefers-color-scheme`). */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  /** The step the shopper is on (read it; the element moves it). */
  step: CheckoutStep = 'choose';

  // What the shopper typed and chose: in memory only, kept across steps and language changes.
  private by: 'card' | 'account' = 'card';
  private number = '';
  private method: VerifyMethod = 'sms';
  private code = '';
  private planChoice = '';
  private problem: Problem | undefined;
  private failure: RequestError | undefined;
  private notice = '';
  private status = '';

  private account: Eligible | undefined;
  private receipt = '';
  private kind: 'cardholder' | 'applicant' = 'cardholder';
  private cardLast4 = '';
  private ineligible = '';
  private declined = '';
  private result: Approved | undefined;

  private readonly lookupTask = new Task(this, {
    autoRun: false,
    task: async ([body]: readonly [{ cardNumber: string } | { accountNumber: string }], { signal }) => {
      const found = await this.connection.client!.request('lookup', { body, lang: this.locale.lang, signal });
      if (found.status === 'not_found') return this.showProblem('notFound');
      if (found.status === 'ineligible') {
        this.ineligible = found.code;
        this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'purchase', code: found.code }));
        return this.go('ineligible');
      }
      this.account = found;
      this.receipt = found.receipt;
      this.kind = 'cardholder';
      this.cardLast4 = found.cardLast4;
      this.method = found.contacts.sms ? 'sms' : 'email';
      this.notice = found.enoughCredit ? '' : this.texts.notEnoughCredit;
      this.go('method');
    },
    onError: (error) => this.fail(error),
  });

  private readonly verifyTask = new Task(this, {
    autoRun: false,
    task: async ([method]: readonly [VerifyMethod], { signal }) => {
      const sent = await this.connection.client!.request('verify', {
        body: { receipt: this.receipt, method },
        lang: this.locale.lang,
        signal,
      });
      if (sent.status === 'failed') {
        this.notice = this.texts[sent.code];
        if (sent.code !== 'contact_unavailable') {
          this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'purchase', code: sent.code }));
          this.ineligible = sent.code;
          return this.go('ineligible');
        }
        return this.requestUpdate();
      }
      this.notice = '';
      this.code = '';
      this.go('code');
    },
    onError: (error) => this.fail(error),
  });

  private readonly plansTask = new Task(this, {
    autoRun: false,
    task: async ([receipt]: readonly [string], { signal }) =>
      this.connection.client!.request('plans', { body: { receipt }, lang: this.locale.lang, signal }),
    onError: (error) => this.fail(error),
  });

  private readonly purchaseTask = new Task(this, {
    autoRun: false,
    task: async ([plan]: readonly [PlanChoice], { signal }) => {
      const answer = await this.connection.client!.request('purchase', {
        body: { receipt: this.receipt, plan, ...(this.kind === 'cardholder' ? { code: this.code } : {}) },
        lang: this.locale.lang,
        signal,
      });
      this.status = '';
      if (answer.status === 'approved') {
        this.result = answer;
        const { authorizationId, amount, currency, reference } = answer;
        this.dispatchEvent(new FlexitiApprovedEvent({ kind: 'purchase', authorizationId, amount, currency, reference, plan: answer.plan }));
        return this.go('approved');
      }
      this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'purchase', code: answer.code }));
      if (answer.code === 'wrong_verification_code') {
        this.code = '';
        this.go('code');
        return this.showProblem('wrong_verification_code');
      }
      if (answer.code === 'not_verified') {
        this.notice = this.texts.not_verified;
        return this.go('method');
      }
      if (answer.code === 'credit_exceeded' || answer.code === 'plan_term_not_available') {
        this.declined = answer.code;
        return this.go('plans');
      }
      this.ineligible = answer.code;
      return this.go('ineligible');
    },
    onError: (error) => this.fail(error),
  });

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const amount = this.connection.task.value?.amount ?? this.amount;
    if (amount) this.application.form.prefill({ amountRequested: String(amount) });
    const busy = [this.lookupTask, this.verifyTask, this.plansTask, this.purchaseTask].some((t) => t.status === TaskStatus.PENDING);
    setState(this.internals, 'pending', busy || this.application.busy);
  }

  /** Moves to a step and puts focus on its heading, for keyboard and screen reader users. */
  private go(step: CheckoutStep) {
    this.step = step;
    this.failure = undefined;
    if (step !== 'plans') this.declined = '';
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus());
  }

  private showProblem(problem: Problem) {
    this.problem = problem;
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  private fail(error: unknown) {
    this.status = '';
    if ((error as Error)?.name === 'AbortError') return;
    this.failure = error instanceof RequestError ? error : new RequestError('unexpected', true);
    this.dispatchEvent(new FlexitiErrorEvent({ code: this.failure.code, retryable: this.failure.retryable }));
    this.requestUpdate();
  }

  /** The shopper chose another payment method: a choice, never an error. */
  private leave() {
    this.dispatchEvent(new FlexitiCancelEvent({ reason: 'shopper', step: this.step }));
    this.go('ended');
  }

  private startPlans(receipt: string, kind: 'cardholder' | 'applicant', last4: string) {
    this.receipt = receipt;
    this.kind = kind;
    this.cardLast4 = last4;
    this.go('plans');
    void this.plansTask.run([receipt]);
  }

  private find(event: Event) {
    event.preventDefault();
    if (this.lookupTask.status === TaskStatus.PENDING) return;
    const digits = this.number.replace(/[\s-]/g, '');
    const problem: Problem | undefined = !digits
      ? 'required'
      : this.by === 'card'
        ? /^\d{16}$/.test(digits) ? undefined : 'invalidCard'
        : /^\d{1,14}$/.test(digits) ? undefined : 'invalidAccount';
    if (problem) return this.showProblem(problem);
    this.problem = undefined;
    void this.lookupTask.run([this.by === 'card' ? { cardNumber: digits } : { accountNumber: digits }]);
  }

  private enterCode(event: Event) {
    event.preventDefault();
    const code = this.code.trim();
    if (!code) return this.showProblem('required');
    if (!/^\d{4,8}$/.test(code)) return this.showProblem('invalidCode');
    this.problem = undefined;
    this.code = code;
    this.startPlans(this.receipt, 'cardholder', this.cardLast4);
  }

  private review(event: Event) {
    event.preventDefault();
    if (!this.chosenPlan()) return;
    this.go('review');
  }

  private confirm() {
    const plan = this.chosenPlan();
    if (!plan || this.purchaseTask.status === TaskStatus.PENDING) return;
    this.failure = undefined;
    this.status = this.texts.confirming;
    void this.purchaseTask.run([plan]);
  }

  private chosenPlan(): PlanChoice | undefined {
    if (this.planChoice === 'regular') return { type: 'regular' };
    const [planId, term] = this.planChoice.split(':').map(Number);
    return planId && term ? { type: 'promotional', planId, term } : undefined;
  }

  override render() {
    const m = this.locale.messages;
    const session = this.connection.task.value;
    const amount = session?.amount ?? this.amount;
    return html`<div class="content" lang=${this.locale.lang}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status || this.application.status}</div>
      <header class="panel" part="header">
        <h2>${this.texts.title}</h2>
        ${amount !== undefined ? html`<p>${this.texts.orderTotal}: <strong>${this.locale.money(amount)}</strong></p>` : nothing}
        ${session?.mode === 'sandbox' ? html`<p><span class="badge" part="badge">${m.sandboxBadge}</span></p>` : nothing}
      </header>
      <div part="step">${this.connection.task.render({
        initial: () => html`<p>${m.loading}</p>`,
        pending: () => html`<p>${m.loading}</p>`,
        error: () => html`<div class="alert" part="alert" role="alert">
          <p>${m.failure.loadFailed}</p>
          <button type="button" class="secondary" part="button" @click=${() => this.connection.task.run()}>${m.retry}</button>
        </div>`,
        complete: () => this.renderStep(),
      })}</div>
    </div>`;
  }

  private renderStep(): TemplateResult {
    switch (this.step) {
      case 'choose':
        return this.renderChoose();
      case 'identify':
        return this.renderIdentify();
      case 'method':
        return this.renderMethod();
      case 'code':
        return this.renderCode();
      case 'apply':
        return this.renderApply();
      case 'plans':
        return this.renderPlans();
      case 'review':
        return this.renderReview();
      case 'approved':
        return this.renderApproved();
      case 'ineligible':
        return this.renderEnd(this.texts.ineligibleTitle, this.ineligibleText());
      case 'ended':
        return this.renderEnd(this.texts.cancelledTitle, this.texts.cancelledText, false);
    }
  }

  private ineligibleText(): string {
    const c = this.texts;
    return this.ineligible === 'user_not_active' || this.ineligible === 'tries_exceeded' ? c[this.ineligible] : c.user_not_able_to_purchase;
  }

  private heading(text: string) {
    return html`<h3 data-step-heading tabindex="-1">${text}</h3>`;
  }

  private renderFailure() {
    const failure = this.failure;
    if (!failure) return nothing;
    const m = this.locale.messages.failure;
    const reason = failure.code === 'network' || failure.code === 'timeout' ? m.network : failure.code === 'flexiti_unavailable' ? m.unavailable : m.generic;
    return html`<div class="alert" part="alert" role="alert"><p>${reason} ${failure.retryable ? m.keepAnswers : nothing}</p></div>`;
  }

  private renderNotice() {
    return this.notice ? html`<div class="alert" part="alert" role="alert"><p>${this.notice}</p></div>` : nothing;
  }

  private renderActions(primary: TemplateResult | typeof nothing, back?: CheckoutStep) {
    const c = this.texts;
    return html`<div class="actions">
      ${primary}
      ${back ? html`<button type="button" class="secondary" part="button" @click=${() => this.go(back)}>${c.back}</button>` : nothing}
      <button type="button" class="secondary" part="button cancel" @click=${() => this.leave()}>${c.cancel}</button>
    </div>`;
  }

  private renderChoose() {
    const c = this.texts;
    return html`<section class="panel" aria-labelledby="choose-title">
      <h3 id="choose-title" data-step-heading tabindex="-1">${c.intro}</h3>
      <div class="actions">
        <button class="primary" part="button" @click=${() => this.go('identify')}>${c.haveAccount}</button>
        <button class="primary" part="button" @click=${() => this.go('apply')}>${c.applyNow}</button>
      </div>
      ${this.renderActions(nothing)}
    </section>`;
  }

  /** One text field with its label, help and error, as in the application form. */
  private renderField(name: 'number' | 'code', text: { label: string; help?: string }, value: string, extra: {
    autocomplete: string;
    inputmode: string;
    maxlength: number;
    onInput: (value: string) => void;
  }) {
    const problem = this.problem;
    const c = this.texts;
    const message = problem === 'required' ? (name === 'code' ? c.code.required : this.by === 'card' ? c.cardNumber.required : c.accountNumber.required) : problem ? c[problem] : '';
    const id = `f-${name}`;
    return html`<div class="field" part="field ${message ? 'field-invalid' : ''}">
      <label for=${id} part="label">${text.label}</label>
      ${text.help ? html`<p id="${id}-help" class="help" part="help">${text.help}</p>` : nothing}
      <input
        id=${id}
        class="number"
        part="input"
        autocomplete=${extra.autocomplete}
        inputmode=${extra.inputmode}
        maxlength=${extra.maxlength}
        spellcheck="false"
        aria-required="true"
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${[text.help ? `${id}-help` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing}
        .value=${value}
        @input=${(e: Event) => extra.onInput((e.target as HTMLInputElement).value)}
      />
      ${message ? html`<p id="${id}-error" class="error" part="error">${message}</p>` : nothing}
    </div>`;
  }

  private renderRadios<T extends string>(name: string, items: ReadonlyArray<readonly [T, string]>, checked: T, choose: (value: T) => unknown) {
    return items.map(
      ([value, label]) => html`<label class="checkbox field"
        ><input type="radio" name=${name} part="checkbox" .checked=${checked === value} @change=${() => (choose(value), this.requestUpdate())} />
        ${label}</label
      >`,
    );
  }

  private renderIdentify() {
    const c = this.texts;
    const pending = this.lookupTask.status === TaskStatus.PENDING;
    const byCard = this.by === 'card';
    return html`<section class="panel" aria-labelledby="identify-title">
      <h3 id="identify-title" data-step-heading tabindex="-1">${c.identifyTitle}</h3>
      <form part="form" novalidate @submit=${this.find}>
        <fieldset part="section">
          <legend part="legend">${c.identifyBy}</legend>
          <div class="actions">
            ${this.renderRadios('by', [['card', c.byCard], ['account', c.byAccount]], this.by, (by) => ((this.by = by), (this.problem = undefined)))}
          </div>
        </fieldset>
        ${this.renderField('number', byCard ? c.cardNumber : c.accountNumber, this.number, {
          autocomplete: byCard ? 'cc-number' : 'off',
          inputmode: 'numeric',
          maxlength: byCard ? 19 : 14,
          onInput: (value) => {
            // Card numbers are shown in groups of four, as printed on the card.
            this.number = byCard ? value.replace(/\D/g, '').slice(0, 16).replace(/(\d{4})(?=\d)/g, '$1 ') : value;
            this.problem = undefined;
            this.requestUpdate();
          },
        })}
        ${this.renderFailure()}
        ${this.renderActions(
          html`<button type="submit" class="primary" part="button submit" ?disabled=${pending}>${c.find}</button>`,
          'choose',
        )}
      </form>
    </section>`;
  }

  private renderMethod() {
    const c = this.texts;
    const contacts = this.account?.contacts ?? {};
    const pending = this.verifyTask.status === TaskStatus.PENDING;
    return html`<section class="panel" aria-labelledby="method-title">
      <h3 id="method-title" data-step-heading tabindex="-1">${c.methodTitle}</h3>
      ${this.renderNotice()}
      <form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), pending || this.verifyTask.run([this.method]))}>
        <fieldset part="section">
          <legend part="legend">${c.methodIntro}</legend>
          ${this.renderRadios(
            'method',
            [
              ...(contacts.sms ? [['sms', c.bySms(contacts.sms)] as const] : []),
              ...(contacts.email ? [['email', c.byEmail(contacts.email)] as const] : []),
            ],
            this.method,
            (method) => (this.method = method),
          )}
        </fieldset>
        ${this.renderFailure()}
        ${this.renderActions(
          html`<button type="submit" class="primary" part="button submit" ?disabled=${pending}>${c.sendCode}</button>`,
          'identify',
        )}
      </form>
    </section>`;
  }

  private renderCode() {
    const c = this.texts;
    return html`<section class="panel" aria-labelledby="code-title">
      <h3 id="code-title" data-step-heading tabindex="-1">${c.codeTitle}</h3>
      <p>${c.codeSent(this.method)}</p>
      <form part="form" novalidate @submit=${this.enterCode}>
        ${this.renderField('code', c.code, this.code, {
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          maxlength: 8,
          onInput: (value) => {
            this.code = value;
            this.problem = undefined;
            this.requestUpdate();
          },
        })}
        ${this.renderActions(html`<button type="submit" class="primary" part="button submit">${c.continue}</button>`, 'method')}
      </form>
    </section>`;
  }

  private renderApply() {
    const decision = this.application.decision;
    const finished = this.application.closed || (decision && decision.status !== 'approved');
    return html`${this.application.render()}
    ${decision?.status === 'approved' && !this.application.closed
      ? nothing
      : finished
        ? html`<p>${this.texts.otherPayment}</p>${this.renderActions(nothing)}`
        : this.renderActions(nothing, 'choose')}`;
  }

  private renderPlans() {
    const m = this.locale.messages;
    const c = this.texts;
    return html`<section class="panel" aria-labelledby="plans-title">
      <h3 id="plans-title" data-step-heading tabindex="-1">${c.plansTitle}</h3>
      ${this.declined ? html`<div class="alert" part="alert" role="alert"><p>${c[this.declined as 'credit_exceeded']}</p></div>` : nothing}
      ${this.plansTask.render({
        pending: () => html`<p>${c.loadingPlans}</p>`,
        error: () => html`${this.renderFailure()}
          <button type="button" class="secondary" part="button" @click=${() => this.plansTask.run()}>${m.retry}</button>`,
        complete: (plans) => this.renderPlanChoices(plans),
      })}
    </section>`;
  }

  /** Every plan and term the shopper can choose, described in their language. */
  private planOptions(plans: PlansResponse): PlanOption[] {
    const c = this.texts;
    const pct = (rate: number) => this.locale.percent(rate);
    const fees = (list: PlansResponse['regular']['fees']) =>
      list.map((f) => f.message || c.fee(f.description, this.locale.money(f.amount)));
    return [
      { key: 'regular', title: c.regular, detail: c.regularDetail(pct(plans.regular.rate)), disclosures: fees(plans.regular.fees) },
      ...plans.plans.flatMap((plan) =>
        plan.terms.map((term) => ({
          key: `${plan.planId}:${term.term}`,
          title: plan.name,
          detail: `${term.monthlyPayment > 0 ? c.monthly(this.locale.money(term.monthlyPayment), term.term) : c.deferred(term.term)} · ${c.rate(pct(term.rate))}`,
          disclosures: [term.rateMessage, ...fees(term.fees)].filter(Boolean),
        })),
      ),
    ];
  }

  private renderPlanChoices(plans: PlansResponse) {
    const c = this.texts;
    // One group per plan, its terms inside: a long list of terms reads as a few choices.
    const groups = new Map<string, PlanOption[]>();
    for (const option of this.planOptions(plans)) groups.set(option.title, [...(groups.get(option.title) ?? []), option]);
    const radio = (o: PlanOption, label: unknown) => html`<label class="plan" part="plan">
      <input type="radio" name="plan" value=${o.key} .checked=${this.planChoice === o.key} @change=${() => ((this.planChoice = o.key), this.requestUpdate())} />
      <span>${label}</span>
      ${o.disclosures.map((d) => html`<p class="disclosure" part="disclosure">${d}</p>`)}
    </label>`;
    return html`<form part="form" novalidate @submit=${this.review}>
      <fieldset part="section plans" class="plans">
        <legend part="legend">${c.plansLegend}</legend>
        ${[...groups].map(([title, options]) =>
          options.length === 1
            ? radio(options[0]!, html`<strong>${title}</strong><br />${options[0]!.detail}`)
            : html`<fieldset class="plans" part="section">
                <legend class="plan-name">${title}</legend>
                ${options.map((o) => radio(o, o.detail))}
              </fieldset>`,
        )}
      </fieldset>
      ${this.renderActions(html`<button type="submit" class="primary" part="button submit" ?disabled=${!this.planChoice}>${c.continue}</button>`)}
    </form>`;
  }

  private describePlan(plan: PlanChoice): PlanOption | undefined {
    const plans = this.plansTask.value;
    return plans && this.planOptions(plans).find((o) => o.key === planKey(plan));
  }

  private renderReview() {
    const c = this.texts;
    const plan = this.chosenPlan()!;
    const described = this.describePlan(plan);
    const amount = this.connection.task.value?.amount ?? 0;
    const pending = this.purchaseTask.status === TaskStatus.PENDING;
    return html`<section class="panel" aria-labelledby="review-title" part="review">
      <h3 id="review-title" data-step-heading tabindex="-1">${c.reviewTitle}</h3>
      <dl class="facts" part="facts">
        <div><dt>${c.orderTotal}</dt><dd>${this.locale.money(amount)}</dd></div>
        <div><dt>${c.plan}</dt><dd>${described?.title}</dd></div>
        <div><dt>${c.payment}</dt><dd>${described?.detail}</dd></div>
        <div><dt>${c.account}</dt><dd>${c.cardEnding(this.cardLast4)}</dd></div>
      </dl>
      ${this.renderFailure()}
      ${this.renderActions(
        html`<button class="primary" part="button submit" ?disabled=${pending} @click=${() => this.confirm()}>
          ${pending ? c.confirming : this.failure?.retryable ? this.locale.messages.retry : c.confirm(this.locale.money(amount))}
        </button>`,
        'plans',
      )}
    </section>`;
  }

  private renderApproved() {
    const c = this.texts;
    const result = this.result!;
    return html`<section class="panel decision approved" part="decision" aria-labelledby="approved-title">
      <h2 id="approved-title" data-step-heading tabindex="-1">${c.approvedTitle}</h2>
      <p>${c.approvedText}</p>
      <dl class="facts" part="facts">
        <div><dt>${c.orderTotal}</dt><dd>${this.locale.money(result.amount)}</dd></div>
        <div><dt>${c.authorization}</dt><dd class="number">${result.authorizationId}</dd></div>
        <div><dt>${c.plan}</dt><dd>${this.describePlan(result.plan)?.title}</dd></div>
      </dl>
    </section>`;
  }

  private renderEnd(title: string, text: string, offerCancel = true) {
    return html`<section class="panel decision" part="decision" aria-labelledby="end-title">
      <h2 id="end-title" data-step-heading tabindex="-1">${title}</h2>
      <p>${text}</p>
      ${offerCancel ? this.renderActions(nothing) : nothing}
    </section>`;
  }
}
