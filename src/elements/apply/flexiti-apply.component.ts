import { TaskStatus } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { LocaleController } from '../../controllers/locale-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import type { FormValuesResponse } from '../../schemas/index.js';
import { isProvince } from '../../schemas/provinces.js';
import type { ApplicationFlow } from '../shared/application-flow.js';
import { defineElement, setState } from '../shared/define.js';
import { loadApplication, loadedApplication, type ApplicationModule } from '../shared/load-application.js';
import { buttonStyles, decisionStyles, formStyles, panelStyles, tokens } from '../shared/styles.js';

/** How long the form waits for a session already asked for before it shows without its lists. */
const SESSION_WAIT_MS = 50;

/**
 * Flexiti's credit application: the terms and conditions for the shopper's province and
 * language, the complete application form, and Flexiti's decision.
 *
 * A page rendered with a `session` may also carry that session's form values (the `formValues`
 * of `handler.createSession({ flow: 'apply', lang })`) as a `<script type="application/json">`
 * child: the form then shows complete without a request.
 *
 * @summary A bilingual, accessible Flexiti credit application.
 * @tagname flexiti-apply
 * @attribute {string} lang - `en-CA` or `fr-CA`; when absent, the nearest `lang` ancestor or `<html lang>`. The element never writes it: its content carries the language it resolved.
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
 * @csspart progress - Where the shopper is in the application's four steps ("Step 2 of 4" and a bar).
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
 * @csspart terms - The terms and conditions (in the page's flow, no scroll box of their own).
 * @csspart button - Every button.
 * @csspart submit - The button that sends the application (on its last step).
 * @csspart continue - The button to the application's next step.
 * @csspart back - The button to the application's previous step.
 * @csspart alert - A failure message with its retry.
 * @csspart decision - The decision panel.
 * @csspart facts - The amounts of an approval.
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
 * @cssstate pending - The application (or the closing of a new Quebec account) is being sent.
 * @cssstate decided - Flexiti has decided (approved, declined or pending).
 */
export class FlexitiApply extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [tokens, formStyles, buttonStyles, panelStyles, decisionStyles];

  // Declared statically rather than with decorators: the same reactive properties without the
  // decorator helpers in the script-tag bundle.
  static override properties = {
    tokenUrl: { attribute: 'token-url' },
    session: {},
    endpoint: {},
    province: {},
    amount: { type: Number },
    theme: { reflect: true },
  };

  /** Registers the element; safe to call more than once. */
  static define(tag = 'flexiti-apply', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  private readonly locale = new LocaleController(this);
  private readonly internals = this.attachInternals();
  /**
   * The form values when neither the page nor the session brought them, asked for the moment the
   * session arrives: the application's chunk may still be loading.
   */
  private early: { lang: string; values: Promise<FormValuesResponse> } | undefined;
  /** The form values rendered into the page (see `usePreloadedFormValues`). */
  private preloaded: FormValuesResponse | undefined;
  private readonly connection = new SessionController(
    this,
    'apply',
    (client, started) => {
      const lang = this.locale.lang;
      if (started.formValues?.lang === lang || this.preloaded?.lang === lang) return;
      const values = client.request('form-values', { lang });
      values.catch(() => {});
      this.early = { lang, values };
    },
    () => this.locale.lang,
  );

  /** The application itself: a chunk of its own, loaded as soon as the element is on the page. */
  private flow: ApplicationFlow | undefined;
  private loadFailed = false;

  /** Where to get a session: the merchant handler's `POST session` route. */
  tokenUrl = '';

  /** A session rendered by the merchant's server, instead of `token-url`. */
  session = '';

  /** The handler's base URL for a server-rendered `session`. Default `/api/flexiti`. */
  endpoint = '';

  /** Preselects the province (two letters, e.g. `QC`). */
  province = '';

  /** The amount requested, prefilled in the form (dollars). */
  amount: number | undefined;

  /** `light`, `dark`, or `auto` (follow `prefers-color-scheme`). */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  override connectedCallback(): void {
    super.connectedCallback();
    this.usePreloadedFormValues();
    void this.load();
  }

  /**
   * Form values rendered into the page with a server-rendered session: the `formValues` of the
   * handler's `createSession({ flow: 'apply', lang })` as a `<script type="application/json">`
   * child. The form then shows complete (its lists, the sandbox badge) as the element runs,
   * without a request.
   *
   * Read as the element connects, and again before it renders until found: a script loaded
   * `async` can define the element while the page is still being parsed, and the parser then
   * connects it before adding its children.
   */
  private usePreloadedFormValues() {
    const lang = this.locale.lang;
    if (this.preloaded?.lang === lang) return;
    const script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    try {
      const values = script ? (JSON.parse(script.text) as FormValuesResponse) : undefined;
      if (values?.lang === lang && Array.isArray(values.provinces)) this.preloaded = values;
    } catch {
      // Not JSON: the element asks for them as it would without.
    }
  }

  /** The application's chunk loads while the session and form values are on their way. */
  private async load() {
    if (this.flow) return;
    this.loadFailed = false;
    try {
      const module = await loadApplication();
      // Started by the first render already (see `willUpdate`).
      if (this.flow) return;
      this.usePreloadedFormValues();
      // A session on its way brings the form values (unless the page came with them): the form
      // waits for it a moment, to render once with its lists rather than twice (a frame each), but
      // no longer, so that a slow session never holds back a form the shopper could type into.
      if (!this.preloaded && this.connection.task.status !== TaskStatus.COMPLETE) {
        await Promise.race([this.connection.task.taskComplete.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, SESSION_WAIT_MS))]);
      }
      this.startFlow(module);
    } catch {
      this.loadFailed = true;
    }
    this.requestUpdate();
  }

  private startFlow({ ApplicationFlow }: ApplicationModule) {
    if (this.flow) return;
    this.flow = new ApplicationFlow(this, {
      flow: 'apply',
      locale: this.locale,
      connection: this.connection,
      preloadedFormValues: () => this.preloaded,
      // Taken once: a later language or retry asks again.
      earlyFormValues: (lang) => {
        const early = this.early?.lang === lang ? this.early.values : undefined;
        this.early = undefined;
        return early;
      },
    });
    this.prefill(true);
  }

  private prefill(all: boolean, changed?: PropertyValues<this>) {
    const flow = this.flow;
    if (!flow) return;
    // Written as the shopper's language writes it, and again when the language changes, until they type their own.
    if (this.amount !== undefined && this.amount > 0) flow.prefillAmount(this.amount);
    if ((all || changed?.has('province')) && isProvince(this.province.toUpperCase())) flow.form.prefill({ province: this.province.toUpperCase() });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The application's code already here (`cdn/flexiti-apply.js`) with the form values: the
    // first render is the form's, not a loading line the next one replaces.
    if (!this.preloaded) this.usePreloadedFormValues();
    const module = this.preloaded && loadedApplication();
    if (module) this.startFlow(module);
    this.prefill(false, changed);
    setState(this.internals, 'pending', this.flow?.busy ?? false);
    setState(this.internals, 'decided', this.flow?.decision !== undefined);
  }

  override render() {
    const m = this.locale.messages;
    // The language goes on the content, not on the host: a page without one still tells
    // assistive technology what language the element speaks.
    return html`<div class="content" lang=${this.locale.lang}>
      <div class="visually-hidden" role="status" aria-live="polite">${this.flow?.status ?? ''}</div>
      ${this.connection.task.value?.mode === 'sandbox' || this.preloaded?.mode === 'sandbox' ? html`<p><span class="badge" part="badge">${m.sandboxBadge}</span></p>` : nothing}
      ${this.flow
        ? this.flow.render()
        : this.loadFailed
          ? html`<div class="alert" part="alert" role="alert">
              <p>${m.failure.loadFailed}</p>
              <button type="button" class="secondary" part="button" @click=${() => this.load()}>${m.retry}</button>
            </div>`
          : html`<p class="reserve">${m.loading}</p>`}
    </div>`;
  }
}
