import { Task, TaskStatus, initialState } from '@lit/task';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { HandlerClient, RequestError } from '../../client/handler-client.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { FlexitiApprovedEvent } from '../../events/flexiti-approved.js';
import { FlexitiCancelEvent } from '../../events/flexiti-cancel.js';
import { FlexitiDeclinedEvent } from '../../events/flexiti-declined.js';
import { FlexitiErrorEvent } from '../../events/flexiti-error.js';
import { FlexitiPendingEvent } from '../../events/flexiti-pending.js';
import { FlexitiReadyEvent } from '../../events/flexiti-ready.js';
import { FlexitiSubmitEvent } from '../../events/flexiti-submit.js';
import {
  ApplyResponseSchema,
  CancelApplicationResponseSchema,
  FormValuesResponseSchema,
  TermsResponseSchema,
  isProvince,
  type Application,
  type ApplyResponse,
  type Lang,
  type Province,
  type SessionResponse,
  type TermsResponse,
} from '../../schemas/index.js';
import { ApplicationFormController } from '../shared/application-form.js';
import { defineElement } from '../shared/define.js';
import { SanitizedHtml } from '../shared/sanitize.js';
import { buttonStyles, formStyles, panelStyles, tokens } from '../shared/styles.js';

/**
 * Flexiti's credit application: the terms and conditions for the shopper's province and
 * language, the complete application form, and Flexiti's decision.
 *
 * @summary A bilingual, accessible Flexiti credit application.
 * @tagname flexiti-apply
 *
 * @fires {FlexitiReadyEvent} flexiti-ready - The session is ready and the form is loading.
 * @fires {FlexitiSubmitEvent} flexiti-submit - Cancelable; the application is about to be sent.
 * @fires {FlexitiApprovedEvent} flexiti-approved - Flexiti approved the application.
 * @fires {FlexitiDeclinedEvent} flexiti-declined - Flexiti declined it, or the shopper already has an account.
 * @fires {FlexitiPendingEvent} flexiti-pending - Flexiti is reviewing the application.
 * @fires {FlexitiCancelEvent} flexiti-cancel - The shopper closed the Quebec account just opened.
 * @fires {FlexitiErrorEvent} flexiti-error - A technical failure; `retryable` says whether retrying can help.
 *
 * @csspart form - The application form.
 * @csspart section - Each group of fields (a fieldset).
 * @csspart legend - The title of a group of fields.
 * @csspart field - A label, its control and its messages.
 * @csspart field-invalid - A field whose value needs attention.
 * @csspart label - A field label.
 * @csspart help - Help text under a label.
 * @csspart input - A text input or select.
 * @csspart select - A select.
 * @csspart checkbox - The terms agreement checkbox.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of problems shown when the form is submitted with errors.
 * @csspart terms - The scrollable terms and conditions.
 * @csspart button - Every button.
 * @csspart submit - The submit button.
 * @csspart alert - A failure message with its retry.
 * @csspart decision - The decision panel.
 * @csspart facts - The amounts of an approval.
 * @csspart flexiti-message - Flexiti's own message on a decision.
 * @csspart badge - The test-mode badge.
 *
 * @cssproperty --flexiti-color-primary - Buttons, links, focus. Default `#0b5cad`.
 * @cssproperty --flexiti-color-on-primary - Text on primary buttons. Default `#ffffff`.
 * @cssproperty --flexiti-color-text - Body text. Default `#1d2330`.
 * @cssproperty --flexiti-color-text-muted - Help text. Default `#4a5261`.
 * @cssproperty --flexiti-color-surface - Background. Default `#ffffff`.
 * @cssproperty --flexiti-color-surface-alt - Panels and the terms. Default `#f3f5f8`.
 * @cssproperty --flexiti-color-border - Field borders. Default `#7a8291`.
 * @cssproperty --flexiti-color-error - Errors. Default `#b3261e`.
 * @cssproperty --flexiti-color-success - Approvals. Default `#1b6e3a`.
 * @cssproperty --flexiti-color-focus - Focus ring. Default `#0b5cad`.
 * @cssproperty --flexiti-radius - Corner radius. Default `6px`.
 * @cssproperty --flexiti-font-family - Font. Default the system font.
 * @cssproperty --flexiti-spacing - Base spacing. Default `1rem`.
 * @cssproperty --flexiti-max-width - Widest the element grows. Default `44rem`.
 */
export class FlexitiApply extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    tokens,
    formStyles,
    buttonStyles,
    panelStyles,
    css`
      .approved h2 {
        color: var(--_success);
      }
      .offers {
        margin: 0;
        padding-left: 1.25rem;
      }
    `,
  ];

  // Declared statically rather than with decorators: the same reactive properties without the
  // decorator helpers in the script-tag bundle.
  static override properties = {
    tokenUrl: { attribute: 'token-url' },
    session: {},
    endpoint: {},
    lang: { reflect: true },
    province: {},
    amount: { type: Number },
    theme: { reflect: true },
    decision: { state: true },
    failure: { state: true },
    confirmingCancel: { state: true },
    closed: { state: true },
    status: { state: true },
  };

  /** Registers the element; safe to call more than once. */
  static define(tag = 'flexiti-apply', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  private readonly locale = new LocaleController(this);
  private readonly html = new SanitizedHtml();
  private readonly internals = this.attachInternals();
  private client: HandlerClient | undefined;

  private readonly form: ApplicationFormController = new ApplicationFormController(this, {
    messages: () => this.locale.messages,
    formValues: () => this.formValuesTask.value,
    onSubmit: () => this.submit(),
    renderAfterFields: () => this.renderTermsAndSubmit(),
  });

  /** Where to get a session: the merchant handler's `POST session` route. */
  tokenUrl = '';

  /** A session rendered by the merchant's server, instead of `token-url`. */
  session = '';

  /** The handler's base URL for a server-rendered `session`. Default `/api/flexiti`. */
  endpoint = '';

  /** `en-CA` or `fr-CA`; when empty, the nearest `lang` ancestor or `<html lang>`. */
  override lang = '';

  /** Preselects the province (two letters, e.g. `QC`). */
  province = '';

  /** The amount requested, prefilled in the form (dollars). */
  amount: number | undefined;

  /** `light`, `dark`, or `auto` (follow `prefers-color-scheme`). */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  private decision: ApplyResponse | undefined;
  private failure: RequestError | undefined;
  private confirmingCancel = false;
  private closed = false;
  private status = '';

  private readonly sessionTask = new Task(this, {
    task: async ([tokenUrl, session, endpoint], { signal }) => {
      if (!tokenUrl && !session) return initialState;
      this.client = new HandlerClient({ flow: 'apply', tokenUrl, session, endpoint });
      const started = await this.client.start(signal);
      this.dispatchEvent(new FlexitiReadyEvent({ flow: 'apply', mode: started.mode }));
      return started;
    },
    args: () => [this.tokenUrl || undefined, this.session || undefined, this.endpoint || undefined] as const,
  });

  private readonly formValuesTask = new Task(this, {
    task: ([session, lang], { signal }) =>
      session && this.client
        ? this.client.request('form-values', FormValuesResponseSchema, { lang, signal })
        : initialState,
    args: () => [this.sessionTask.value, this.locale.lang] as const,
  });

  private readonly termsTask: Task<readonly [SessionResponse | undefined, Lang, Province | ''], TermsResponse> = new Task(this, {
    task: ([session, lang, province], { signal }) =>
      session && this.client && province
        ? this.client.request('terms', TermsResponseSchema, { lang, query: { province }, signal })
        : initialState,
    args: (): readonly [SessionResponse | undefined, Lang, Province | ''] => [this.sessionTask.value, this.locale.lang, this.form.province],
  });

  private readonly submitTask = new Task(this, {
    autoRun: false,
    task: async ([application]: readonly [Application], { signal }) => {
      const result = await this.client!.request('apply', ApplyResponseSchema, {
        body: { application, ...(this.termsTask.value ? { termsVersion: this.termsTask.value.version } : {}) },
        lang: this.locale.lang,
        signal,
      });
      this.decide(result);
      return result;
    },
    onError: (error) => this.fail(error),
  });

  private readonly cancelTask = new Task(this, {
    autoRun: false,
    task: async ([receipt]: readonly [string], { signal }) => {
      await this.client!.request('apply/cancel', CancelApplicationResponseSchema, { body: { receipt }, lang: this.locale.lang, signal });
      this.closed = true;
      this.confirmingCancel = false;
      this.dispatchEvent(new FlexitiCancelEvent({ reason: 'account-closed', step: 'approved' }));
      void this.focusDecision();
    },
    onError: (error) => this.fail(error),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('amount') && this.amount !== undefined && this.amount > 0) {
      this.form.prefill({ amountRequested: String(this.amount) });
    }
    if (changed.has('province') && isProvince(this.province.toUpperCase())) {
      this.form.prefill({ province: this.province.toUpperCase() });
    }
    const busy = this.submitTask.status === TaskStatus.PENDING || this.cancelTask.status === TaskStatus.PENDING;
    this.setState('pending', busy);
    this.setState('decided', this.decision !== undefined);
  }

  private setState(name: string, on: boolean) {
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // Browsers without custom states keep working without them.
    }
  }

  private submit() {
    if (this.submitTask.status === TaskStatus.PENDING) return;
    const application = this.form.submit();
    if (!application) return;
    const proceed = this.dispatchEvent(
      new FlexitiSubmitEvent({ flow: 'apply', province: application.province, amountRequested: application.amountRequested }),
    );
    if (!proceed) return;
    this.failure = undefined;
    this.status = this.locale.messages.status.submitting;
    void this.submitTask.run([application]);
  }

  private decide(result: ApplyResponse) {
    this.decision = result;
    this.status = '';
    if (result.status === 'approved') {
      const { creditLimit, availableCredit, province, cancellable } = result;
      this.dispatchEvent(new FlexitiApprovedEvent({ kind: 'application', creditLimit, availableCredit, province, cancellable }));
    } else if (result.status === 'pending') {
      this.dispatchEvent(new FlexitiPendingEvent({ kind: 'application', code: result.code }));
    } else {
      this.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'application', code: result.code }));
    }
    void this.focusDecision();
  }

  private fail(error: unknown) {
    this.status = '';
    if ((error as Error)?.name === 'AbortError') return;
    const failure = error instanceof RequestError ? error : new RequestError('unexpected', true);
    if (failure.code === 'invalid_fields') {
      this.form.showServerErrors(failure.fieldErrors);
      return;
    }
    this.failure = failure;
    this.dispatchEvent(new FlexitiErrorEvent({ code: failure.code, retryable: failure.retryable }));
  }

  private async focusDecision() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.decision h2')?.focus();
  }

  override render() {
    const m = this.locale.messages;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.status}</div>
      ${this.sessionTask.value?.mode === 'sandbox' ? html`<p><span class="badge" part="badge">${m.sandboxBadge}</span></p>` : nothing}
      ${this.closed ? this.renderClosed() : this.decision ? this.renderDecision(this.decision) : this.renderApplication()}
    `;
  }

  /** A load failure with a retry: nothing typed is lost. */
  private renderLoadFailed(retry: () => unknown) {
    const m = this.locale.messages;
    return html`<div class="alert" part="alert" role="alert">
      <p>${m.failure.loadFailed}</p>
      <button type="button" class="secondary" part="button" @click=${retry}>${m.retry}</button>
    </div>`;
  }

  private renderApplication() {
    const m = this.locale.messages;
    const loadFailed = this.renderLoadFailed(() => (this.sessionTask.value ? this.formValuesTask.run() : this.sessionTask.run()));
    if (this.sessionTask.status === TaskStatus.ERROR) return loadFailed;
    // Keep showing the form (and what was typed) while form values reload in another language.
    if (this.formValuesTask.value) return this.form.render();
    if (this.formValuesTask.status === TaskStatus.ERROR) return loadFailed;
    return html`<p>${m.loading}</p>`;
  }

  private renderTermsAndSubmit(): TemplateResult {
    const m = this.locale.messages;
    const pending = this.submitTask.status === TaskStatus.PENDING;
    return html`
      <section aria-labelledby="terms-title" part="section">
        <h2 id="terms-title" class="legend">${m.sections.terms}</h2>
        ${this.termsTask.render({
          initial: () => html`<p class="help">${m.termsNeedProvince}</p>`,
          pending: () =>
            this.termsTask.value ? this.renderTerms(this.termsTask.value.html) : html`<p class="help">${m.status.loadingTerms}</p>`,
          complete: (terms) => this.renderTerms(terms.html),
          error: () => this.renderLoadFailed(() => this.termsTask.run()),
        })}
        ${this.form.renderAgreement()}
      </section>
      ${this.failure ? this.renderFailure(this.failure) : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button submit" ?disabled=${pending} aria-disabled=${pending ? 'true' : 'false'}>
          ${pending ? m.submitting : this.failure?.retryable ? m.retry : m.submit}
        </button>
      </div>
    `;
  }

  private renderTerms(source: string) {
    return html`<div class="terms" part="terms" role="region" aria-label=${this.locale.messages.termsRegion} tabindex="0">
      ${this.html.get(source, 3)}
    </div>`;
  }

  private renderFailure(failure: RequestError) {
    const m = this.locale.messages.failure;
    const reason =
      failure.code === 'network' || failure.code === 'timeout'
        ? m.network
        : failure.code === 'application_create_error'
          ? m.createError
          : failure.code === 'flexiti_unavailable'
            ? m.unavailable
            : failure.code.startsWith('session_') || failure.code === 'no_session'
              ? m.session
              : m.generic;
    return html`<div class="alert" part="alert" role="alert">
      <h3>${m.title}</h3>
      <p>${reason} ${failure.retryable ? m.keepAnswers : nothing}</p>
    </div>`;
  }

  private renderDecision(decision: ApplyResponse) {
    const m = this.locale.messages;
    if (decision.status === 'approved') return this.renderApproved(decision);
    const texts =
      decision.status === 'declined'
        ? { title: m.declined.title, text: m.declined[decision.code] }
        : decision.status === 'pending'
          ? { title: m.pending.title, text: m.pending[decision.code] }
          : { title: m.exists.title, text: m.exists.text };
    return html`<section class="panel decision" part="decision" aria-labelledby="decision-title">
      <h2 id="decision-title" tabindex="-1">${texts.title}</h2>
      <p>${texts.text}</p>
      ${decision.message
        ? html`<div class="flexiti-message" part="flexiti-message" role="group" aria-label=${m.flexitiSays}>
            ${this.html.get(decision.message, 3)}
          </div>`
        : nothing}
    </section>`;
  }

  private renderApproved(decision: Extract<ApplyResponse, { status: 'approved' }>) {
    const m = this.locale.messages;
    const confirming = this.confirmingCancel;
    const closing = this.cancelTask.status === TaskStatus.PENDING;
    return html`<section class="panel decision approved" part="decision" aria-labelledby="decision-title">
      <h2 id="decision-title" tabindex="-1">${m.approved.title}</h2>
      <p>${m.approved.intro}</p>
      <dl class="facts" part="facts">
        <div><dt>${m.approved.creditLimit}</dt><dd>${this.locale.money(decision.creditLimit)}</dd></div>
        <div><dt>${m.approved.availableCredit}</dt><dd>${this.locale.money(decision.availableCredit)}</dd></div>
        ${decision.debtRatio !== undefined
          ? html`<div><dt>${m.quebec.debtRatio}</dt><dd>${this.locale.percent(decision.debtRatio / 100)}</dd></div>`
          : nothing}
      </dl>
      ${decision.debtRatio !== undefined ? html`<p class="help">${m.quebec.debtRatioHelp}</p>` : nothing}
      <p>${m.approved.card(decision.cardLast4)}</p>
      ${decision.offers?.length
        ? html`<h3>${m.quebec.offers}</h3>
            <ul class="offers">
              ${decision.offers.map((o) => html`<li>${m.quebec.offer(o.name, o.terms.join(', '))}</li>`)}
            </ul>`
        : nothing}
      <p>${m.approved.next}</p>
      ${decision.cancellable
        ? html`<div class="panel">
            <p>${m.quebec.cancelIntro}</p>
            ${this.failure ? this.renderFailure(this.failure) : nothing}
            ${confirming
              ? html`<div class="alert" part="alert" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
                  <h3 id="confirm-title">${m.quebec.confirmTitle}</h3>
                  <p id="confirm-text">${m.quebec.confirmText}</p>
                  <div class="actions">
                    <button
                      class="primary"
                      part="button"
                      ?disabled=${closing}
                      @click=${() => ((this.failure = undefined), this.cancelTask.run([decision.receipt]))}
                    >
                      ${closing ? m.quebec.closing : m.quebec.confirmYes}
                    </button>
                    <button class="secondary" part="button" ?disabled=${closing} @click=${() => (this.confirmingCancel = false)}>
                      ${m.quebec.confirmNo}
                    </button>
                  </div>
                </div>`
              : html`<div class="actions">
                  <button class="secondary" part="button" @click=${() => this.openConfirm()}>${m.quebec.cancel}</button>
                </div>`}
          </div>`
        : nothing}
    </section>`;
  }

  private async openConfirm() {
    this.confirmingCancel = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[role="alertdialog"] button')?.focus();
  }

  private renderClosed() {
    const m = this.locale.messages.quebec;
    return html`<section class="panel decision" part="decision" aria-labelledby="decision-title">
      <h2 id="decision-title" tabindex="-1">${m.closedTitle}</h2>
      <p>${m.closedText}</p>
    </section>`;
  }
}
