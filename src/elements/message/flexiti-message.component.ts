import { LitElement, css, html, nothing } from 'lit';
import { LangController } from '../../controllers/lang-controller.js';
import { FlexitiLearnMoreEvent } from '../../events/flexiti-learn-more.js';
import { FlexitiReadyEvent } from '../../events/flexiti-ready.js';
import { messageEn } from '../../i18n/message-en.js';
import { messageFr } from '../../i18n/message-fr.js';
import type { MessageWords } from '../../i18n/messages.js';
import { formatPercent } from '../../i18n/numbers.js';
import type { Lang } from '../../schemas/contract.js';
import { summarizeOffers, type OfferOption, type OfferPlan, type OfferSummary } from '../../schemas/offers.js';
import { defineElement, setState } from '../shared/define.js';
import { tokens } from '../shared/tokens.js';
import { loadOffers } from './offers-client.js';

/**
 * `<flexiti-message amount="1249.99">`: one line next to a price saying what Flexiti financing
 * makes of it ("0% interest for 12 months with Flexiti", "From $52.08/month with Flexiti", "No
 * payments for 12 months with Flexiti"), and a "Learn more" dialog with the merchant's plans and
 * a worked example for that amount. Its figures come from the merchant handler's session-free
 * `GET offers` and the computation the handler shares (`schemas/offers.ts`): nothing that needs a
 * rate the merchant did not configure is shown.
 *
 * It keeps its line's height from the first frame (one line where the element is at least 32rem
 * wide, two below), so nothing on the page moves when the plans arrive or the amount changes.
 *
 * @summary A financing message for product and cart pages.
 *
 * @tagname flexiti-message
 * @attribute {string} lang - `en-CA` or `fr-CA`; when absent, the nearest `lang` ancestor or `<html lang>`. The element never writes it: its content carries the language it resolved.
 *
 * @slot apply - Replaces the dialog's link to the merchant's apply page.
 *
 * @fires {FlexitiReadyEvent} flexiti-ready - The plans are loaded; `detail.status` says what they allow for the amount (`available`, `below`, `above`, `unavailable`), again when it changes.
 * @fires {FlexitiLearnMoreEvent} flexiti-learn-more - "Learn more" was pressed; cancelable, to keep the dialog closed.
 *
 * @csspart message - The line next to the price.
 * @csspart headline - The line's text.
 * @csspart learn-more - The "Learn more" button.
 * @csspart dialog - The dialog.
 * @csspart example - The worked example in the dialog.
 * @csspart plans - The list of every plan in the dialog.
 * @csspart legal - The credit approval wording.
 * @csspart apply - The link to the apply page.
 * @csspart close - The dialog's close button.
 *
 * @cssproperty [--flexiti-color-text=inherit] - The line's text; the dialog's text defaults to #1d2330.
 * @cssproperty [--flexiti-color-primary=inherit] - "Learn more"; the dialog's links and button default to #0b5cad.
 * @cssproperty [--flexiti-color-on-primary=#ffffff] - Text on the dialog's button.
 * @cssproperty [--flexiti-color-text-muted=#4a5261] - Secondary text in the dialog.
 * @cssproperty [--flexiti-color-surface=#ffffff] - The dialog's background.
 * @cssproperty [--flexiti-color-surface-alt=#f3f5f8] - The worked example's background.
 * @cssproperty [--flexiti-color-border=#7a8291] - The dialog's border.
 * @cssproperty [--flexiti-color-focus=#0b5cad] - Focus ring.
 * @cssproperty [--flexiti-radius=6px] - Corner radius.
 * @cssproperty --flexiti-font-family - Font. Default the system font.
 * @cssproperty [--flexiti-spacing=1rem] - Base spacing in the dialog.
 * @cssproperty [--flexiti-message-font-size=0.9375rem] - The line's font size.
 *
 * @cssstate unavailable - No plan applies to the amount (none configured, or not an amount): the line is empty.
 */
export class FlexitiMessage extends LitElement {
  static override styles = [
    tokens,
    css`
      /* The line is part of the merchant's page: its text and links in the page's colours. */
      :host {
        max-width: none;
        color: var(--flexiti-color-text, inherit);
        background: transparent;
        font-size: var(--flexiti-message-font-size, 0.9375rem);
        container-type: inline-size;
      }

      /* The line keeps its height whatever it says: one line when wide, two when narrow. */
      .line {
        margin: 0;
        min-height: 1.5em;
      }

      @container (max-width: 32rem) {
        .line {
          min-height: 3em;
        }
      }

      .waiting {
        visibility: hidden;
      }

      .link {
        font: inherit;
        color: var(--flexiti-color-primary, inherit);
        background: none;
        border: 0;
        padding: 0;
        text-decoration: underline;
        text-underline-offset: 0.15em;
        cursor: pointer;
      }

      .link:focus-visible,
      a:focus-visible,
      button:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
        border-radius: 2px;
      }

      dialog {
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 1.5);
        width: min(36rem, calc(100vw - 2rem));
        max-height: calc(100dvh - 2rem);
        font-size: 1rem;
        line-height: 1.5;
      }

      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }

      h2 {
        font-size: 1.25rem;
        margin: 0 0 0.5rem;
      }

      h2:focus {
        outline: none;
      }

      h3 {
        font-size: 1rem;
        margin: 1rem 0 0.25rem;
      }

      .example {
        background: var(--_surface-alt);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin: 1rem 0;
      }

      .example p,
      li p {
        margin: 0;
      }

      ul {
        margin: 0;
        padding-left: 1.25rem;
      }

      .muted,
      .legal {
        color: var(--_muted);
        font-size: 0.9rem;
      }

      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        justify-content: space-between;
        margin-top: 1.5rem;
      }

      a {
        color: var(--_primary);
      }

      .close,
      .retry {
        font: inherit;
        font-weight: 600;
        min-height: 2.75rem;
        padding: 0.5rem 1.25rem;
        border-radius: var(--_radius);
        border: 1px solid var(--_primary);
        color: var(--_on-primary);
        background: var(--_primary);
        cursor: pointer;
      }
    `,
  ];

  static override properties = {
    amount: { type: Number },
    endpoint: {},
    applyUrl: { attribute: 'apply-url' },
    theme: { reflect: true },
    plans: { state: true },
    failed: { state: true },
  };

  /** The price the message is about, in dollars. Change it when the price changes (a variant, a quantity). */
  amount = 0;
  /** The merchant handler's base URL; the plans come from its `GET offers`. */
  endpoint = '/api/flexiti';
  /** The merchant's page to apply for Flexiti financing, linked from the dialog (or put your own link in the `apply` slot). */
  applyUrl = '';
  /** `auto` (follows `prefers-color-scheme`), `light` or `dark`. */
  theme: 'auto' | 'light' | 'dark' = 'auto';

  private plans: readonly OfferPlan[] | undefined;
  private failed = false;
  private readonly locale = new LangController(this);
  private readonly internals = this.attachInternals();
  /** Which plans are loaded (or loading): the shopper's language and the handler. */
  private loadedFor: { lang: Lang; endpoint: string } | undefined;
  /** What the plans make of the amount, worked out once per update. */
  private summary: OfferSummary | undefined;
  /** The last status announced with `flexiti-ready`. */
  private announced: OfferSummary['status'] | undefined;

  /** Registers the element; safe to call more than once. */
  static define(tag = 'flexiti-message', registry: CustomElementRegistry = customElements): void {
    defineElement(tag, this, registry);
  }

  protected override willUpdate(): void {
    // The plans' names are Flexiti's, in the shopper's language: a language change loads them again.
    if (this.loadedFor?.lang !== this.locale.lang || this.loadedFor.endpoint !== this.endpoint) this.load();
    this.summary = this.plans ? summarizeOffers(this.plans, this.amount) : undefined;
  }

  /** Loads the plans for the language and handler of now; an answer that comes after another request is dropped. */
  private async load() {
    const wanted = (this.loadedFor = { lang: this.locale.lang, endpoint: this.endpoint });
    this.failed = false;
    try {
      const offers = await loadOffers(wanted.endpoint, wanted.lang);
      if (this.loadedFor === wanted) this.plans = offers.plans;
    } catch {
      if (this.loadedFor === wanted) this.failed = true;
    }
  }

  protected override updated(): void {
    const { summary } = this;
    setState(this.internals, 'unavailable', summary?.status === 'unavailable');
    if (summary && summary.status !== this.announced) {
      this.announced = summary.status;
      this.dispatchEvent(new FlexitiReadyEvent({ flow: 'message', status: summary.status }));
    }
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private open() {
    if (!this.dispatchEvent(new FlexitiLearnMoreEvent({ amount: this.amount }))) return;
    this.dialog?.showModal();
    // Read from the top: the title, not the first link at the bottom of a long dialog.
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  /** Tab and Shift+Tab go round the dialog's controls (and a slotted apply link) instead of out to the browser. */
  private keepFocus(event: KeyboardEvent) {
    if (event.key !== 'Tab') return;
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="apply"]');
    const slotted = (slot?.assignedElements({ flatten: true }) ?? []).flatMap((el) => [el, ...el.querySelectorAll('*')]);
    const inDialog = [...this.dialog!.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    const controls = [...slotted, ...inDialog].filter((el): el is HTMLElement => el instanceof HTMLElement && el.matches('a[href], button:not([disabled]), input, select, textarea'));
    if (controls.length === 0) return;
    const first = controls[0]!;
    const last = controls.at(-1)!;
    const active = (this.shadowRoot?.activeElement ?? document.activeElement) as HTMLElement | null;
    const current = slotted.includes(document.activeElement as Element) ? (document.activeElement as HTMLElement) : active;
    if (event.shiftKey && (current === first || current?.id === 'title')) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && current === last) {
      event.preventDefault();
      first.focus();
    }
  }

  private closed() {
    // Back to where the shopper was, in every engine.
    this.renderRoot.querySelector<HTMLButtonElement>('.link')?.focus();
  }

  override render() {
    const w = this.locale.lang === 'fr-CA' ? messageFr : messageEn;
    const { summary } = this;
    const money = (amount: number) => this.locale.money(amount);
    const line = !summary
      ? this.failed
        ? w.headline.generic
        : ''
      : summary.status === 'below'
        ? w.headline.below(money(summary.minAmount))
        : summary.status === 'above'
          ? w.headline.above(money(summary.maxAmount))
          : summary.status === 'unavailable'
            ? ''
            : this.headline(w, summary.headline);
    return html`<div class="content" lang=${this.locale.lang}>
      <p class="line ${line ? '' : 'waiting'}" part="message">
        <span part="headline" id="headline">${line}</span>
        ${line
          ? html` <button type="button" class="link" part="learn-more" aria-haspopup="dialog" aria-describedby="headline" @click=${this.open}>
              ${w.learnMore}
            </button>`
          : nothing}
      </p>
      <dialog part="dialog" aria-labelledby="title" @close=${this.closed} @keydown=${this.keepFocus}>
        <h2 id="title" tabindex="-1">${w.title}</h2>
        ${summary?.status === 'available' ? this.details(w, summary) : this.unavailable(w, line)}
        <p class="legal" part="legal">${w.legal}</p>
        <div class="actions">
          <slot name="apply">${this.applyUrl ? html`<a part="apply" href=${this.applyUrl}>${w.apply}</a>` : nothing}</slot>
          <button type="button" class="close" part="close" @click=${() => this.dialog?.close()}>${w.close}</button>
        </div>
      </dialog>
    </div>`;
  }

  private headline(w: MessageWords, headline: Extract<OfferSummary, { status: 'available' }>['headline']) {
    switch (headline.kind) {
      case 'zero':
        return w.headline.zero(headline.months);
      case 'monthly':
        return w.headline.monthly(this.locale.money(headline.monthlyPayment));
      case 'no-payments':
        return w.headline.noPayments(headline.months);
      default:
        return w.headline.generic;
    }
  }

  private details(w: MessageWords, summary: Extract<OfferSummary, { status: 'available' }>) {
    const byPlan = new Map<number, OfferOption[]>();
    for (const option of summary.options) byPlan.set(option.planId, [...(byPlan.get(option.planId) ?? []), option]);
    return html`<p>${w.intro(this.locale.money(this.amount))}</p>
      <div class="example" part="example">
        <h3>${w.example}</h3>
        ${this.option(w, summary.example)}
      </div>
      <h3>${w.allPlans}</h3>
      <div part="plans">
        ${[...byPlan.values()].map(
          (options) => html`<h4 class="muted">${options[0]!.name}</h4>
            <ul>
              ${options.map((option) => html`<li>${this.option(w, option)}</li>`)}
            </ul>`,
        )}
      </div>`;
  }

  /** The dialog without plans for the amount: why, or a retry when they could not be loaded. */
  private unavailable(w: MessageWords, line: string) {
    if (this.failed) {
      return html`<p role="alert">${w.loadFailed}</p>
        <button type="button" class="retry" @click=${this.load}>${w.retry}</button>`;
    }
    return line ? html`<p>${line}</p>` : nothing;
  }

  /** One way to pay, with every figure that is known. */
  private option(w: MessageWords, option: OfferOption) {
    const money = (amount: number) => this.locale.money(amount);
    const o = w.option;
    switch (option.kind) {
      case 'equal':
        return html`<p>
            <strong>${option.rate === 0 ? o.zero(money(option.monthlyPayment), option.months) : o.equal(money(option.monthlyPayment), option.months, formatPercent(option.rate, this.locale.lang))}</strong>
          </p>
          ${option.lastPayment !== option.monthlyPayment ? html`<p>${o.lastPayment(option.months - 1, money(option.monthlyPayment), money(option.lastPayment))}</p>` : nothing}
          ${option.fee ? html`<p>${o.fee(money(option.fee))}</p>` : nothing}
          ${option.totalRepaid !== null && option.costOfBorrowing !== null
            ? html`<p>${o.total(money(option.totalRepaid))} · ${o.costOfBorrowing(money(option.costOfBorrowing))}</p>`
            : html`<p class="muted">${o.feesNotStated}</p>`}`;
      case 'no-payments':
        return html`<p><strong>${o.noPayments(option.months)}</strong></p>
          <p>${o.firstPayment(option.firstPaymentMonth)}${option.fee ? html` ${o.fee(money(option.fee))}` : nothing}</p>
          ${option.payInFull !== null ? html`<p>${o.payInFull(money(option.payInFull), option.months)}</p>` : html`<p class="muted">${o.feesNotStated}</p>`}`;
      case 'minimum':
        return html`<p><strong>${o.minimum(option.months)}</strong></p>
          ${option.fee ? html`<p>${o.fee(money(option.fee))}</p>` : option.fee === null ? html`<p class="muted">${o.feesNotStated}</p>` : nothing}`;
      default:
        return html`<p>${o.plan(option.months)}</p>`;
    }
  }
}
