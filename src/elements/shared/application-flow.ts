import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { RequestError } from '../../client/handler-client.js';
import type { LocaleController } from '../../controllers/locale-controller.js';
import type { SessionController } from '../../controllers/session-controller.js';
import { FlexitiApprovedEvent } from '../../events/flexiti-approved.js';
import { FlexitiCancelEvent } from '../../events/flexiti-cancel.js';
import { FlexitiDeclinedEvent } from '../../events/flexiti-declined.js';
import { FlexitiErrorEvent } from '../../events/flexiti-error.js';
import { FlexitiPendingEvent } from '../../events/flexiti-pending.js';
import { FlexitiSubmitEvent } from '../../events/flexiti-submit.js';
import {
  type Application,
  type ApplyResponse,
  type FormValuesResponse,
  type Lang,
  type Province,
  type SessionResponse,
  type TermsResponse,
} from '../../schemas/index.js';
import { en } from '../../i18n/en.js';
import { fr } from '../../i18n/fr.js';
import type { Messages } from '../../i18n/messages.js';
import { ApplicationFormController, formatAmount } from './application-form.js';
import { failureReason } from './failure.js';
import { FlexitiHtml } from './flexiti-html.js';
import { applicationLoaded } from './load-application.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type Approval = Extract<ApplyResponse, { status: 'approved' }>;

interface FlowState {
  decision: ApplyResponse | undefined;
  failure: RequestError | undefined;
  confirmingCancel: boolean;
  closed: boolean;
  status: string;
}

/**
 * A whole Flexiti credit application, shared by `<flexiti-apply>` and `<flexiti-checkout>`: form
 * values and terms for the shopper's language and province, the form, the submission (vetoable,
 * never twice), Flexiti's decision with its events, Quebec's cancellation, and failures that
 * keep every value. The host supplies the session and renders `render()`.
 */
export class ApplicationFlow implements ReactiveController, FlowState {
  decision: ApplyResponse | undefined;
  failure: RequestError | undefined;
  confirmingCancel = false;
  closed = false;
  /** Announced in the host's polite live region. */
  status = '';

  readonly form: ApplicationFormController;
  /** Flexiti's HTML (terms, messages), sanitised. */
  private readonly html = new FlexitiHtml();

  constructor(
    private readonly host: Host,
    private readonly options: {
      flow: 'apply' | 'checkout';
      locale: LocaleController;
      connection: SessionController;
      /** Form values already asked for with the session, in that language (once). */
      earlyFormValues?: (lang: Lang) => Promise<FormValuesResponse> | undefined;
      /** Form values rendered into the page. */
      preloadedFormValues?: () => FormValuesResponse | undefined;
      /** What an approval offers next (the checkout continues to the plans). */
      renderApprovedActions?: (approval: Approval) => TemplateResult;
    },
  ) {
    host.addController(this);
    this.form = new ApplicationFormController(host, {
      messages: () => this.messages,
      formValues: () => this.formValues(),
      onSubmit: () => this.submit(),
      renderAfterFields: () => this.renderTerms(),
      renderSubmit: (next) => this.renderSubmit(next),
    });
  }

  hostConnected(): void {}

  /**
   * The form values the session brought or the page was rendered with, in the shopper's language: the
   * form's first render has its lists, without waiting for the task that reads them to settle.
   */
  private knownFormValues(): FormValuesResponse | undefined {
    const lang = this.options.locale.lang;
    return [this.options.connection.task.value?.formValues, this.options.preloadedFormValues?.()].find((values) => values?.lang === lang);
  }

  /** The application's words, in the shopper's language. */
  get messages(): Messages {
    return this.options.locale.lang === 'fr-CA' ? fr : en;
  }

  /** The order's amount in the amount field, as the shopper's language writes it (until they type their own). */
  prefillAmount(amount: number): void {
    this.form.prefill({ amountRequested: formatAmount(amount, this.options.locale.lang) });
  }

  get busy(): boolean {
    return this.submitTask.status === TaskStatus.PENDING || this.cancelTask.status === TaskStatus.PENDING;
  }

  private set(patch: Partial<FlowState>) {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /**
   * Flexiti's choices when the session did not bring them in the shopper's language (a session
   * rendered by the server, the checkout's, another language since): asked for by `hostUpdate`,
   * so that a session that brought them costs no second render.
   */
  private readonly formValuesTask = new Task(this.host, {
    autoRun: false,
    task: ([session, lang], { signal }) => {
      const client = this.options.connection.client;
      if (!(session && client)) return initialState;
      return this.options.earlyFormValues?.(lang) ?? client.request('form-values', { lang, signal });
    },
    args: () => [this.options.connection.task.value, this.options.locale.lang] as const,
  });
  private formValuesAsked: readonly unknown[] | undefined;

  private termsAsked: readonly unknown[] | undefined;

  /**
   * Asks for what the form needs when what it depends on changed: the form values (unless the
   * session brought them in the shopper's language) and the province's terms (once there is a
   * province). Run by hand rather than by the tasks themselves, since a task run that has nothing
   * to ask still renders the element once more.
   */
  hostUpdate(): void {
    const session = this.options.connection.task.value;
    const lang = this.options.locale.lang;
    const province = this.form.province;
    if (!session) return;
    if (!this.knownFormValues() && !same(this.formValuesAsked, [session, lang])) {
      this.formValuesAsked = [session, lang];
      void this.formValuesTask.run([session, lang]);
    }
    if (province && !same(this.termsAsked, [session, lang, province])) {
      this.termsAsked = [session, lang, province];
      void this.termsTask.run([session, lang, province]);
    }
  }

  /** The form values in the shopper's language, or the last ones while those load. */
  private formValues(): FormValuesResponse | undefined {
    const loaded = this.formValuesTask.value;
    return this.knownFormValues() ?? loaded ?? this.options.connection.task.value?.formValues ?? this.options.preloadedFormValues?.();
  }

  private readonly termsTask: Task<readonly [SessionResponse | undefined, Lang, Province | ''], TermsResponse> = new Task(this.host, {
    task: ([session, lang, province], { signal }) => {
      const client = this.options.connection.client;
      if (!(session && client && province)) return initialState;
      return client.request('terms', { lang, query: { province }, signal });
    },
    autoRun: false,
    args: (): readonly [SessionResponse | undefined, Lang, Province | ''] => [
      this.options.connection.task.value,
      this.options.locale.lang,
      this.form.province,
    ],
  });

  private readonly submitTask = new Task(this.host, {
    autoRun: false,
    task: async ([application, termsVersion]: readonly [Application, string], { signal }) => {
      const result = await this.options.connection.client!.request('apply', {
        body: { application, termsVersion },
        lang: this.options.locale.lang,
        signal,
      });
      this.decide(result);
      return result;
    },
    onError: (error) => this.fail(error),
  });

  private readonly cancelTask = new Task(this.host, {
    autoRun: false,
    task: async ([receipt]: readonly [string], { signal }) => {
      await this.options.connection.client!.request('apply/cancel', {
        body: { receipt },
        lang: this.options.locale.lang,
        signal,
      });
      this.set({ closed: true, confirmingCancel: false });
      this.host.dispatchEvent(new FlexitiCancelEvent({ reason: 'account-closed', step: 'approved' }));
      void this.focusDecision();
    },
    onError: (error) => this.fail(error),
  });

  private submit() {
    if (this.submitTask.status === TaskStatus.PENDING) return;
    const application = this.form.submit();
    if (!application) return;
    // Terms that could not load were not read: they are loaded again and accepted again.
    const terms = this.termsTask.value;
    if (!terms) {
      this.form.withdrawAgreement('terms_not_accepted');
      void this.termsTask.run();
      return;
    }
    const proceed = this.host.dispatchEvent(
      new FlexitiSubmitEvent({ flow: this.options.flow, province: application.province, amountRequested: application.amountRequested }),
    );
    if (!proceed) return;
    this.set({ failure: undefined, status: this.messages.status.submitting });
    void this.submitTask.run([application, terms.version]);
  }

  private decide(result: ApplyResponse) {
    this.set({ decision: result, status: '' });
    if (result.status === 'approved') {
      const { creditLimit, availableCredit, province, cancellable } = result;
      this.host.dispatchEvent(new FlexitiApprovedEvent({ kind: 'application', creditLimit, availableCredit, province, cancellable }));
    } else if (result.status === 'pending') {
      this.host.dispatchEvent(new FlexitiPendingEvent({ kind: 'application', code: result.code }));
    } else {
      this.host.dispatchEvent(new FlexitiDeclinedEvent({ kind: 'application', code: result.code }));
    }
    void this.focusDecision();
  }

  private fail(error: unknown) {
    this.set({ status: '' });
    if ((error as Error)?.name === 'AbortError') return;
    const failure = error instanceof RequestError ? error : new RequestError('unexpected', true);
    if (failure.code === 'invalid_fields') {
      this.form.showServerErrors(failure.fieldErrors);
      return;
    }
    if (failure.code === 'terms_changed') {
      // Flexiti revised its terms since they were shown: show the new ones and ask again.
      void this.termsTask.run();
      this.form.withdrawAgreement('terms_changed');
      return;
    }
    this.set({ failure });
    this.host.dispatchEvent(new FlexitiErrorEvent({ code: failure.code, retryable: failure.retryable }));
  }

  async focusDecision() {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.decision h2')?.focus();
  }

  /** A load failure with a retry: nothing typed is lost. */
  private renderLoadFailed(retry: () => unknown) {
    const m = this.messages;
    return html`<div class="alert" part="alert" role="alert">
      <p>${m.failure.loadFailed}</p>
      <button type="button" class="secondary" part="button" @click=${retry}>${m.retry}</button>
    </div>`;
  }

  /** The form, the decision, or the closed account: whichever the shopper is at. */
  render(): TemplateResult {
    if (this.closed) return this.renderClosed();
    if (this.decision) return this.renderDecision(this.decision);
    return this.renderApplication();
  }

  private renderApplication() {
    const loadFailed = this.renderLoadFailed(() => (this.options.connection.task.value ? this.formValuesTask.run() : this.options.connection.task.run()));
    if (this.options.connection.task.status === TaskStatus.ERROR) return loadFailed;
    if (this.formValuesTask.status === TaskStatus.ERROR && !this.formValuesTask.value) return loadFailed;
    // The form shows at once, to type into while the session and Flexiti's choices (the form values)
    // are on their way; its lists fill in when they come, and stay while they reload in another language.
    return this.form.render();
  }

  private renderTerms(): TemplateResult {
    const m = this.messages;
    return html`
      <section aria-labelledby="terms-title" part="section">
        <h2 id="terms-title" class="legend">${m.sections.terms}</h2>
        ${this.form.province
          ? this.termsTask.render({
              initial: () => html`<p class="help">${m.status.loadingTerms}</p>`,
              pending: () =>
                this.termsTask.value ? this.renderTermsText(this.termsTask.value.sanitizedHtml) : html`<p class="help">${m.status.loadingTerms}</p>`,
              complete: (terms) => this.renderTermsText(terms.sanitizedHtml),
              error: () => this.renderLoadFailed(() => this.termsTask.run()),
            })
          : html`<p class="help">${m.termsNeedProvince}</p>`}
        ${this.form.renderAgreement()}
      </section>
      ${this.failure ? this.renderFailure(this.failure) : nothing}
    `;
  }

  /** "Continue" before the last step; then the application's own button. */
  private renderSubmit(next: boolean): TemplateResult {
    const m = this.messages;
    if (next) return html`<button type="submit" class="primary" part="button continue">${m.continue}</button>`;
    const pending = this.submitTask.status === TaskStatus.PENDING;
    return html`<button type="submit" class="primary" part="button submit" ?disabled=${pending} aria-disabled=${pending ? 'true' : 'false'}>
      ${pending ? m.submitting : this.failure?.retryable ? m.retry : m.submit}
    </button>`;
  }

  /** The terms in the page's own flow: no box scrolling inside the page, which traps a phone's finger. */
  private renderTermsText(source: string) {
    return html`<div class="terms" part="terms" role="region" aria-label=${this.messages.termsRegion}>${this.html.get(source, 3)}</div>`;
  }

  private renderFailure(failure: RequestError) {
    const m = this.messages.failure;
    return html`<div class="alert" part="alert" role="alert">
      <h3>${m.title}</h3>
      <p>${failureReason(failure, m)} ${failure.retryable ? m.keepAnswers : nothing}</p>
    </div>`;
  }

  private renderDecision(decision: ApplyResponse) {
    const m = this.messages;
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
      ${decision.sanitizedMessage
        ? html`<div class="flexiti-message" part="flexiti-message" role="group" aria-label=${m.flexitiSays}>
            ${this.html.get(decision.sanitizedMessage, 3)}
          </div>`
        : nothing}
    </section>`;
  }

  private renderApproved(decision: Extract<ApplyResponse, { status: 'approved' }>) {
    const m = this.messages;
    const confirming = this.confirmingCancel;
    const closing = this.cancelTask.status === TaskStatus.PENDING;
    return html`<section class="panel decision approved" part="decision" aria-labelledby="decision-title">
      <h2 id="decision-title" tabindex="-1">${m.approved.title}</h2>
      <p>${m.approved.intro}</p>
      <dl class="facts" part="facts">
        <div><dt>${m.approved.creditLimit}</dt><dd>${this.options.locale.money(decision.creditLimit)}</dd></div>
        <div><dt>${m.approved.availableCredit}</dt><dd>${this.options.locale.money(decision.availableCredit)}</dd></div>
        ${decision.debtRatio !== undefined
          ? html`<div><dt>${m.quebec.debtRatio}</dt><dd>${this.options.locale.percent(decision.debtRatio / 100)}</dd></div>`
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
      ${this.options.renderApprovedActions?.(decision) ?? nothing}
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
                      @click=${() => (this.set({ failure: undefined }), this.cancelTask.run([decision.receipt]))}
                    >
                      ${closing ? m.quebec.closing : m.quebec.confirmYes}
                    </button>
                    <button class="secondary" part="button" ?disabled=${closing} @click=${() => this.set({ confirmingCancel: false })}>
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
    this.set({ confirmingCancel: true });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLButtonElement>('[role="alertdialog"] button')?.focus();
  }

  private renderClosed() {
    const m = this.messages.quebec;
    return html`<section class="panel decision" part="decision" aria-labelledby="decision-title">
      <h2 id="decision-title" tabindex="-1">${m.closedTitle}</h2>
      <p>${m.closedText}</p>
    </section>`;
  }
}

/** Whether a task was last asked with these arguments. */
function same(asked: readonly unknown[] | undefined, args: readonly unknown[]): boolean {
  return !!asked && asked.length === args.length && asked.every((value, i) => value === args[i]);
}

// A page that loads this code with the elements has it at once (see `loadApplication`).
applicationLoaded({ ApplicationFlow });
