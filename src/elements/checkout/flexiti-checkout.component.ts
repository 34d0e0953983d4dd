import { Task, TaskStatus, initialState as noTask } from '@lit/task';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { RequestError } from '../../client/handler-client.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { FlexitiApprovedEvent } from '../../events/flexiti-approved.js';
import { FlexitiCancelEvent } from '../../events/flexiti-cancel.js';
import { FlexitiDeclinedEvent } from '../../events/flexiti-declined.js';
import { FlexitiErrorEvent } from '../../events/flexiti-error.js';
import { LOOKUP_INELIGIBLE_CODES } from '../../schemas/codes.js';
import type { Lang, PlanChoice, VerifyMethod } from '../../schemas/index.js';
import { checkoutEn } from '../../i18n/checkout-en.js';
import { checkoutFr } from '../../i18n/checkout-fr.js';
import type { CheckoutMessages } from '../../i18n/checkout-messages.js';
import type { ApplicationFlow } from '../shared/application-flow.js';
import { defineElement, setState } from '../shared/define.js';
import { loadApplication } from '../shared/load-application.js';
import { buttonStyles, decisionStyles, formStyles, panelStyles, tokens } from '../shared/styles.js';
import { backFrom, codeProblem, initialState, numberProblem, planOf, transition, type CheckoutEvent, type CheckoutState, type Step } from './machine.js';
import type { CheckoutView } from './views/context.js';
import { approvedView, endedView, ineligibleView, shortView } from './views/endings.js';
import { chooseView, identifyView, methodView } from './views/identify.js';
import { plansView } from './views/plans.js';
import { reviewView } from './views/review.js';

/** Where the shopper is. */
export type CheckoutStep = Step;

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
 * @csspart progress - Where the shopper is in the application's four steps ("Step 2 of 4" and a bar).
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
 * @csspart terms - The terms and conditions (in the page's flow, no scroll box of their own).
 * @csspart plans - The payment plans (a radio group).
 * @csspart plan - One plan and term.
 * @csspart more-plans - The other plans, one step away (a disclosure).
 * @csspart disclosure - A rate or fee message Flexiti requires to be shown.
 * @csspart continue - The button to the application's next step.
 * @csspart back - The button to the application's previous step.
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
 * @cssproperty [--flexiti-loading-height=100vh] - Height held for the application form while it loads, so nothing below jumps.
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
      /* A long authorization number wraps instead of being clipped, and selects whole to copy. */
      .authorization {
        overflow-wrap: anywhere;
        user-select: all;
      }
    `,
  ];

  static override properties = {
    tokenUrl: { attribute: 'token-url' },
    session: {},
    endpoint: {},
    amount: { type: Number },
    theme: { reflect: true },
    machine: { state: true },
    failure: { state: true },
    status: { state: true },
  };

  /** Registers the element; safe to call more than once. */
  static define(tag = 'flexiti-checkout', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  private readonly locale = new LocaleController(this);
  private readonly internals = this.attachInternals();
  private readonly connection = new SessionController(this, 'checkout');

  /** The checkout's own words: its section of the language's dictionary, loaded with the checkout. */
  private get texts(): CheckoutMessages {
    return this.locale.lang === 'fr-CA' ? checkoutFr : checkoutEn;
  }

  /** A new shopper's application: a chunk of its own, loaded on "Apply now" (started early on intent). */
  private application: ApplicationFlow | undefined;
  private applicationLoad: Promise<void> | undefined;
  private applicationFailed = false;

  private loadApplication(): Promise<void> {
    this.applicationFailed = false;
    return (this.applicationLoad ??= loadApplication().then(
      ({ ApplicationFlow }) => {
        this.application ??= new ApplicationFlow(this, {
          flow: 'checkout',
          locale: this.locale,
          connection: this.connection,
          renderApprovedActions: (approval) => this.renderApproval(approval),
        });
        this.requestUpdate();
      },
      () => {
        this.applicationLoad = undefined;
        this.applicationFailed = true;
        this.requestUpdate();
      },
    ));
  }

  /** What follows a new shopper's approval: the plans, or at once why the new limit cannot pay this order. */
  private renderApproval(approval: { receipt: string; cardLast4: string; creditLimit: number; availableCredit: number }) {
    const amount = this.orderAmount;
    if (amount !== undefined && approval.availableCredit < amount) {
      return html`<div class="alert" part="alert" role="alert">
          <p>${this.texts.shortApplicant(this.locale.money(approval.creditLimit))}</p>
        </div>
        ${this.actions(undefined)}`;
    }
    return html`<div class="actions">
      <button class="primary" part="button submit" @click=${() => this.send({ type: 'applied', receipt: approval.receipt, cardLast4: approval.cardLast4 })}>
        ${this.texts.continueToPlans}
      </button>
    </div>`;
  }

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

  /** The step the shopper is on. Read-only: the element moves it. */
  get step(): CheckoutStep {
    return this.machine.step;
  }

  /** What the shopper typed and chose, and where they are: in memory only, kept across language changes. */
  private machine: CheckoutState = initialState;
  private failure: RequestError | undefined;
  /** Announced in the polite live region. */
  private status = '';

  private get orderAmount(): number | undefined {
    return this.connection.task.value?.amount ?? this.amount;
  }

  /** Moves the machine; a new step puts focus on its heading, a new problem on its field. */
  private send(event: CheckoutEvent) {
    if (event.type === 'apply') void this.loadApplication();
    const before = this.machine;
    const next = transition(before, event);
    if (next === before) return;
    this.machine = next;
    if (next.step !== before.step) {
      this.failure = undefined;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-step-heading]')?.focus());
    } else if (next.problem && next.problem !== before.problem) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }

  private readonly lookupTask = new Task(this, {
    autoRun: false,
    task: async ([body]: readonly [{ cardNumber: string } | { accountNumber: string }], { signal }) => {
      const found = await this.connection.client!.request('lookup', { body, lang: this.locale.lang, signal });
      if (found.status === 'not_found') return this.send({ type: 'notFound' });
      if (found.status === 'ineligible') {
        this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'purchase', code: found.code }));
        return this.send({ type: 'ineligible', code: found.code });
      }
      this.send({ type: 'found', account: found });
    },
    onError: (error) => this.fail(error),
  });

  private readonly verifyTask = new Task(this, {
    autoRun: false,
    task: async ([method]: readonly [VerifyMethod], { signal }) => {
      const sent = await this.connection.client!.request('verify', { body: { receipt: this.machine.receipt, method }, lang: this.locale.lang, signal });
      this.status = '';
      if (sent.status === 'sent') return this.send({ type: 'codeSent', method });
      if (sent.code === 'contact_unavailable') return this.send({ type: 'contactUnavailable' });
      this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'purchase', code: sent.code }));
      this.send({ type: 'ineligible', code: sent.code });
    },
    onError: (error) => this.fail(error),
  });

  /** The plans for the account, in the shopper's language: loaded again when the language changes. */
  private readonly plansTask = new Task(this, {
    task: ([receipt, lang]: readonly [string, Lang], { signal }) =>
      receipt ? this.connection.client!.request('plans', { body: { receipt }, lang, signal }) : noTask,
    args: (): readonly [string, Lang] => {
      const { step, receipt } = this.machine;
      return [step === 'plans' || step === 'review' || step === 'approved' ? receipt : '', this.locale.lang];
    },
    autoRun: true,
    onError: (error) => this.fail(error),
  });

  private readonly purchaseTask = new Task(this, {
    autoRun: false,
    task: async ([plan, code]: readonly [PlanChoice, string], { signal }) => {
      const cardholder = this.machine.kind === 'cardholder';
      const answer = await this.connection.client!.request('purchase', {
        body: { receipt: this.machine.receipt, plan, ...(cardholder ? { code } : {}) },
        lang: this.locale.lang,
        signal,
      });
      this.status = '';
      if (answer.status === 'approved') {
        const { authorizationId, amount, currency, reference } = answer;
        this.dispatchEvent(new FlexitiApprovedEvent({ kind: 'purchase', authorizationId, amount, currency, reference, plan: answer.plan }));
        return this.send({ type: 'paid', result: answer });
      }
      this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'purchase', code: answer.code }));
      this.send({ type: 'declined', code: answer.code });
    },
    onError: (error) => this.fail(error),
  });

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const amount = this.orderAmount;
    if (amount) this.application?.prefillAmount(amount);
    const busy = [this.lookupTask, this.verifyTask, this.plansTask, this.purchaseTask].some((t) => t.status === TaskStatus.PENDING);
    setState(this.internals, 'pending', busy || (this.application?.busy ?? false));
  }

  private fail(error: unknown) {
    this.status = '';
    if ((error as Error)?.name === 'AbortError') return;
    const failure = error instanceof RequestError ? error : new RequestError('unexpected', true);
    // An account that cannot buy is the same outcome whichever step hears it (lookup, plans, purchase).
    if ((LOOKUP_INELIGIBLE_CODES as readonly string[]).includes(failure.code)) {
      this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'purchase', code: failure.code }));
      return this.send({ type: 'ineligible', code: failure.code });
    }
    this.failure = failure;
    this.dispatchEvent(new FlexitiErrorEvent({ code: failure.code, retryable: failure.retryable }));
  }

  /** The shopper chose another payment method: a choice, never an error. */
  private leave() {
    this.dispatchEvent(new FlexitiCancelEvent({ reason: 'shopper', step: this.step }));
    this.send({ type: 'cancel' });
  }

  private find() {
    if (this.lookupTask.status === TaskStatus.PENDING) return;
    const problem = numberProblem(this.machine);
    if (problem) return this.send({ type: 'problem', problem });
    this.failure = undefined;
    const digits = this.machine.number.replace(/[\s-]/g, '');
    void this.lookupTask.run([this.machine.by === 'card' ? { cardNumber: digits } : { accountNumber: digits }]);
  }

  private sendCode(method: VerifyMethod) {
    if (this.verifyTask.status === TaskStatus.PENDING) return;
    this.failure = undefined;
    void this.verifyTask.run([method]);
  }

  private confirm() {
    const plan = planOf(this.machine.plan);
    if (!plan || this.purchaseTask.status === TaskStatus.PENDING) return;
    const cardholder = this.machine.kind === 'cardholder';
    const problem = cardholder ? codeProblem(this.machine.code) : null;
    if (problem) return this.send({ type: 'problem', problem });
    this.failure = undefined;
    this.status = this.texts.confirming;
    void this.purchaseTask.run([plan, this.machine.code.trim()]);
  }

  private actions(primary: TemplateResult | undefined, busy = false) {
    const c = this.texts;
    const back = backFrom(this.machine);
    return html`<div class="actions">
      ${primary ?? nothing}
      ${back ? html`<button type="button" class="secondary" part="button" ?disabled=${busy} @click=${() => this.send({ type: 'back' })}>${c.back}</button>` : nothing}
      <button type="button" class="secondary" part="button cancel" ?disabled=${busy} @click=${() => this.leave()}>${c.cancel}</button>
    </div>`;
  }

  private view(): CheckoutView {
    const plans = this.plansTask;
    return {
      state: this.machine,
      texts: this.texts,
      messages: this.locale.messages,
      locale: this.locale,
      amount: this.orderAmount ?? 0,
      failure: this.failure,
      busy: {
        lookup: this.lookupTask.status === TaskStatus.PENDING,
        verify: this.verifyTask.status === TaskStatus.PENDING,
        purchase: this.purchaseTask.status === TaskStatus.PENDING,
      },
      plans: { failed: plans.status === TaskStatus.ERROR, value: plans.value },
      send: (event) => this.send(event),
      // Only the module: the form values wait until the shopper actually applies.
      prefetchApplication: () => void loadApplication().catch(() => {}),
      find: () => this.find(),
      sendCode: (method) => this.sendCode(method),
      retryPlans: () => void this.plansTask.run(),
      confirm: () => this.confirm(),
      actions: (primary, busy) => this.actions(primary, busy),
    };
  }

  override render() {
    const m = this.locale.messages;
    const session = this.connection.task.value;
    const amount = this.orderAmount;
    return html`<div class="content" lang=${this.locale.lang}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.status || this.application?.status || ''}</div>
      <header class="panel" part="header">
        <h2>${this.texts.title}</h2>
        ${amount !== undefined ? html`<p>${this.texts.orderTotal}${this.texts.colon}<strong>${this.locale.money(amount)}</strong></p>` : nothing}
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
    const view = this.view();
    switch (this.machine.step) {
      case 'choose':
        return chooseView(view);
      case 'identify':
        return identifyView(view);
      case 'method':
        return methodView(view);
      case 'apply':
        return this.renderApply();
      case 'plans':
        return plansView(view);
      case 'review':
        return reviewView(view);
      case 'approved':
        return approvedView(view);
      case 'short':
        return shortView(view);
      case 'ineligible':
        return ineligibleView(view);
      case 'ended':
        return endedView(view);
    }
  }

  private renderApply() {
    const m = this.locale.messages;
    const application = this.application;
    if (!application) {
      return this.applicationFailed
        ? html`<div class="alert" part="alert" role="alert">
              <p>${m.failure.loadFailed}</p>
              <button type="button" class="secondary" part="button" @click=${() => this.loadApplication()}>${m.retry}</button>
            </div>
            ${this.actions(undefined)}`
        : html`<p class="reserve">${m.loading}</p>`;
    }
    const decision = application.decision;
    const finished = application.closed || (decision && decision.status !== 'approved');
    return html`${application.render()}
    ${decision?.status === 'approved' && !application.closed
      ? nothing
      : finished
        ? html`<p>${this.texts.otherPayment}</p>${this.actions(undefined)}`
        : this.actions(undefined)}`;
  }
}
