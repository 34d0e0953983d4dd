import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';
import {
  HOUSING_TYPES,
  OCCUPATIONS,
  ageOfMajority,
  asksHousingExpenses,
  crossFieldErrors,
  isProvince,
  validateApplication,
  type Application,
  type ApplicationField,
  type ApplicationInput,
  type FieldError,
  type FieldErrorCode,
  type FormValuesResponse,
  type Lang,
  type Province,
} from '../../schemas/index.js';
import { formatNumber } from '../../i18n/numbers.js';
import { selectOptions, type Choice } from './select-options.js';

/**
 * The credit application form, shared by `<flexiti-apply>` and `<flexiti-checkout>`: what the
 * shopper typed (in memory only), validation with the shared schema on blur and on submit,
 * errors on their fields with an error summary, and the template. The host renders it in its
 * own shadow root, so labels, controls and messages stay together for assistive technology.
 */

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

type Control =
  | { kind: 'text'; autocomplete?: string; inputmode?: string; type?: string; maxlength?: number }
  | { kind: 'select'; options: (m: Messages, fv: FormValuesResponse | undefined, values: FormState) => readonly Choice[] }
  /** Day, month (by name) and year, each its own control: `autocomplete` is their prefix (`bday`). */
  | { kind: 'date'; autocomplete?: string };

type DateField = 'dob' | 'govIdExpiry';
type DatePart = 'day' | 'month' | 'year';


interface FieldSpec {
  name: Exclude<ApplicationField, 'termsAccepted'>;
  control: Control;
  optional?: boolean;
  /** Shown only when this says so (Quebec's housing costs). */
  when?: (values: FormState) => boolean;
  /** Wide fields take a whole row. */
  wide?: boolean;
}

export type FormState = Record<Exclude<ApplicationField, 'termsAccepted'>, string> & { termsAccepted: boolean };

const MONEY_FIELDS = new Set<ApplicationField>(['amountRequested', 'personalIncome', 'householdIncome', 'monthlyHousingExpenses']);

const text = (autocomplete?: string, extra: Partial<Extract<Control, { kind: 'text' }>> = {}): Control => ({
  kind: 'text',
  ...(autocomplete ? { autocomplete } : {}),
  ...extra,
});
const money: Control = { kind: 'text', inputmode: 'decimal', autocomplete: 'off' };

export const SECTIONS: ReadonlyArray<{ id: keyof Messages['sections']; help?: keyof Messages['sections']; fields: FieldSpec[] }> = [
  { id: 'amount', fields: [{ name: 'amountRequested', control: money }] },
  {
    id: 'about',
    fields: [
      { name: 'salutation', control: { kind: 'select', options: (_m, fv) => fv?.salutations ?? [] } },
      { name: 'firstName', control: text('given-name', { maxlength: 35 }) },
      { name: 'middleName', control: text('additional-name', { maxlength: 35 }), optional: true },
      { name: 'lastName', control: text('family-name', { maxlength: 50 }) },
      { name: 'dob', control: { kind: 'date', autocomplete: 'bday' }, wide: true },
      { name: 'email', control: text('email', { type: 'email', maxlength: 100 }) },
      { name: 'phone', control: text('tel-national', { type: 'tel' }) },
    ],
  },
  {
    id: 'address',
    fields: [
      { name: 'address1', control: text('address-line1', { maxlength: 250 }), wide: true },
      { name: 'address2', control: text('address-line2', { maxlength: 100 }), optional: true },
      { name: 'city', control: text('address-level2', { maxlength: 100 }) },
      { name: 'province', control: { kind: 'select', options: (_m, fv) => fv?.provinces ?? [] } },
      { name: 'postalCode', control: text('postal-code', { maxlength: 7 }) },
    ],
  },
  {
    id: 'income',
    fields: [
      { name: 'personalIncome', control: money },
      { name: 'householdIncome', control: money },
      {
        name: 'housingType',
        control: { kind: 'select', options: (m) => HOUSING_TYPES.map((value) => ({ value, label: m.housingTypes[value] })) },
      },
      { name: 'monthlyHousingExpenses', control: money, when: (v) => asksHousingExpenses(v.province) },
    ],
  },
  {
    id: 'employment',
    fields: [
      {
        name: 'occupationId',
        control: { kind: 'select', options: (m) => OCCUPATIONS.map((value) => ({ value, label: m.occupations[value] })) },
      },
      { name: 'occupationTitle', control: text('organization-title', { maxlength: 100 }) },
      { name: 'employerName', control: text('organization', { maxlength: 100 }), optional: true },
      { name: 'employerPhone', control: text('off', { type: 'tel' }), optional: true },
    ],
  },
  {
    id: 'identity',
    help: 'identityHelp',
    fields: [
      { name: 'govIdType', control: { kind: 'select', options: (_m, fv) => fv?.governmentIds ?? [] }, optional: true, wide: true },
      {
        name: 'govIdIssuedBy',
        control: { kind: 'select', options: (_m, fv, v) => fv?.governmentIds.find((id) => id.value === v.govIdType)?.issuers ?? [] },
        when: (v) => v.govIdType !== '',
      },
      { name: 'govIdNumber', control: text('off', { maxlength: 50 }), when: (v) => v.govIdType !== '' },
      { name: 'govIdExpiry', control: { kind: 'date' }, when: (v) => v.govIdType !== '', wide: true },
      { name: 'sin', control: text('off', { inputmode: 'numeric', maxlength: 11 }), optional: true },
    ],
  },
  {
    id: 'security',
    help: 'securityHelp',
    fields: [
      { name: 'securityQuestionId', control: { kind: 'select', options: (_m, fv) => fv?.securityQuestions ?? [] }, wide: true },
      { name: 'securityAnswer', control: text('off', { maxlength: 50 }) },
      { name: 'personalIdWord', control: text('off', { maxlength: 50 }) },
    ],
  },
];

/**
 * The application in four short steps (sections by index in SECTIONS), the terms with the last:
 * a phone shows one step at a time, with where the shopper is.
 */
const STEPS: ReadonlyArray<readonly number[]> = [[0, 1], [2, 3], [4, 5], [6]];
const LAST_STEP = STEPS.length - 1;

const FIELD_ORDER: ApplicationField[] = [...SECTIONS.flatMap((s) => s.fields.map((f) => f.name)), 'termsAccepted'];

/** The step a field is on (the agreement is on the last). */
const stepOf = (name: ApplicationField) =>
  name === 'termsAccepted' ? LAST_STEP : STEPS.findIndex((sections) => sections.some((i) => SECTIONS[i]!.fields.some((f) => f.name === name)));

export const emptyForm = (): FormState => ({
  ...(Object.fromEntries(FIELD_ORDER.map((name) => [name, ''])) as unknown as FormState),
  termsAccepted: false,
});

/** `1 234,56`, `$1,234.56`, `1234.5` → 1234.56; empty → undefined; anything else stays text (invalid). */
export function parseMoney(value: string): number | string | undefined {
  const trimmed = value.replace(/[\s\u00a0\u202f$]/g, '').replace(/^[\u2212\u2013]/, '-');
  if (trimmed === '') return undefined;
  const normalised = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed)
    ? trimmed.replace(/,/g, '')
    : trimmed.replace(',', '.');
  // A minus sign is read, so that the schema says what is wrong with the amount rather than "check this value".
  return /^-?\d+(\.\d{1,2})?$/.test(normalised) ? Number(normalised) : value;
}

/** An amount as the shopper's language writes it, for a prefilled field: `1,249.99`, `1 249,99`. */
export function formatAmount(amount: number, lang: Lang): string {
  return formatNumber(amount, lang, amount % 1 ? 2 : 0, 2);
}

const pad2 = (value: string) => (value.length === 1 ? `0${value}` : value);

/** The month select's choices in a language: "Choose", then the months by name, valued `01`–`12`. */
const monthChoices = (m: Messages): readonly Choice[] => [
  { value: '', label: m.choose },
  ...m.months.map((label, n) => ({ value: pad2(String(n + 1)), label })),
];

/** Day, month and year as typed → `YYYY-MM-DD` for the schema (which says if it is not a real date); nothing typed → ''. */
const joinDate = ({ day, month, year }: Record<DatePart, string>) =>
  day || month || year ? `${year.trim()}-${pad2(month)}-${pad2(day.trim())}` : '';

export class ApplicationFormController implements ReactiveController {
  values: FormState = emptyForm();
  private readonly touched = new Set<ApplicationField>();
  private readonly prefilled = new Set<ApplicationField>();
  private errors = new Map<ApplicationField, FieldErrorCode>();
  private serverErrors = new Map<ApplicationField, FieldErrorCode>();
  private summaryShown = false;
  /** The step on screen; every step stays in the form (hidden), so nothing typed is lost going back and forth. */
  step = 0;
  /** Date fields as typed, part by part. */
  private readonly dates = new Map<DateField, Record<DatePart, string>>();

  constructor(
    private readonly host: Host,
    private readonly options: {
      messages: () => Messages;
      formValues: () => FormValuesResponse | undefined;
      onSubmit: () => void;
      /** What the last step shows after its fields (the terms and the agreement). */
      renderAfterFields?: () => TemplateResult | typeof nothing;
      /** The form's one submit button: "Continue" before the last step. */
      renderSubmit: (next: boolean) => TemplateResult;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * The step on screen renders first; the hidden ones follow once it is painted with Flexiti's
   * choices, so the shopper can start typing sooner (and the hidden fields are there for the
   * browser's autofill after).
   */
  private allSteps = false;
  private shown = false;
  private scheduled = false;

  hostUpdated(): void {
    if (this.shown && !this.scheduled && this.options.formValues()) {
      this.scheduled = true;
      requestAnimationFrame(() => setTimeout(() => ((this.allSteps = true), this.host.requestUpdate())));
    }
  }

  /**
   * Prefill (the order total as amount requested, a province). A prefilled value follows later
   * prefills (the page changed `amount`); once the shopper touches the field, theirs wins.
   */
  prefill(values: Partial<FormState>): void {
    let changed = false;
    for (const [name, value] of Object.entries(values) as [keyof FormState, string | boolean][]) {
      const current = this.values[name];
      const free = current === '' || current === false || this.prefilled.has(name);
      if (value !== undefined && value !== current && free && !this.touched.has(name)) {
        (this.values as Record<string, string | boolean>)[name] = value;
        this.prefilled.add(name);
        changed = true;
      }
    }
    if (changed) this.host.requestUpdate();
  }

  get province(): Province | '' {
    return isProvince(this.values.province) ? this.values.province : '';
  }

  /**
   * The form's submit: before the last step, checks this step's fields and moves on; on the last,
   * validates everything and returns the application, or `undefined` and shows the errors (on the
   * step of the first one).
   */
  submit(): Application | undefined {
    const names = this.step < LAST_STEP ? FIELD_ORDER.filter((name) => stepOf(name) === this.step) : FIELD_ORDER;
    for (const name of names) this.touched.add(name);
    const result = this.validate();
    const problems = names.some((name) => this.errorOf(name));
    this.summaryShown = problems;
    if (this.step < LAST_STEP && !problems) {
      this.goTo(this.step + 1);
      return undefined;
    }
    this.host.requestUpdate();
    if (result) return result;
    void this.focusFirstError();
    return undefined;
  }

  /** Shows a step and puts focus on where the shopper is ("Step 2 of 4"). */
  async goTo(step: number): Promise<void> {
    this.step = step;
    this.summaryShown = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.progress')?.focus();
  }

  /**
   * The agreement no longer holds (the terms changed, or were never shown): the box is cleared and
   * says why, so the shopper reads the terms again before accepting them.
   */
  withdrawAgreement(code: Extract<FieldErrorCode, 'terms_changed' | 'terms_not_accepted'>): void {
    this.values.termsAccepted = false;
    this.showServerErrors([{ field: 'termsAccepted', code }]);
  }

  /** Errors Flexiti found, on our field names; they stay until the field changes. */
  showServerErrors(errors: readonly FieldError[]): void {
    for (const error of errors) {
      const field = (FIELD_ORDER as string[]).includes(error.field) ? (error.field as ApplicationField) : undefined;
      if (field) this.serverErrors.set(field, error.code);
    }
    this.summaryShown = true;
    this.host.requestUpdate();
    void this.focusFirstError();
  }

  private errorOf(name: ApplicationField): FieldErrorCode | undefined {
    return this.serverErrors.get(name) ?? (this.touched.has(name) ? this.errors.get(name) : undefined);
  }

  private input(): ApplicationInput {
    const v = this.values;
    const entries = Object.entries(v).map(([name, value]) => {
      if (typeof value === 'boolean') return [name, value];
      if (MONEY_FIELDS.has(name as ApplicationField)) return [name, parseMoney(value)];
      return [name, value.trim() === '' ? undefined : value];
    });
    const input = Object.fromEntries(entries) as Record<string, unknown>;
    if (!asksHousingExpenses(v.province)) delete input.monthlyHousingExpenses;
    if (!v.govIdType) for (const name of ['govIdIssuedBy', 'govIdNumber', 'govIdExpiry']) delete input[name];
    return input as ApplicationInput;
  }

  private validate(): Application | undefined {
    const input = this.input();
    const result = validateApplication(input);
    this.errors = new Map();
    if (!result.success) {
      // The schema's cross-field rules wait for a complete form; the shopper should not.
      for (const e of [...result.errors, ...crossFieldErrors(input)]) {
        if (!this.errors.has(e.field as ApplicationField)) this.errors.set(e.field as ApplicationField, e.code);
      }
    }
    return result.success && this.serverErrors.size === 0 ? result.output : undefined;
  }

  private focusFirstError() {
    const first = FIELD_ORDER.find((name) => this.errorOf(name));
    if (first) void this.focus(first);
  }

  /** Focus on a field, on its step. */
  private async focus(name: ApplicationField) {
    if (stepOf(name) !== this.step) {
      this.step = stepOf(name);
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    this.control(name)?.focus();
  }

  private control(name: ApplicationField): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`#f-${name}`);
  }

  private updateDate(name: DateField, part: DatePart, value: string) {
    const parts = { ...this.datePartsOf(name), [part]: value };
    this.dates.set(name, parts);
    this.update(name, joinDate(parts));
  }

  private datePartsOf(name: DateField): Record<DatePart, string> {
    const known = this.dates.get(name);
    if (known) return known;
    // A value set as a whole (YYYY-MM-DD) shows in its parts.
    const [year = '', month = '', day = ''] = this.values[name] ? this.values[name].split('-') : [];
    return { day, month, year };
  }

  private update(name: keyof FormState, value: string | boolean) {
    (this.values as Record<string, string | boolean>)[name] = value;
    this.prefilled.delete(name);
    this.serverErrors.delete(name);
    if (name === 'govIdType') {
      // Keep the issuer only if the new type has it; pick the only one when there is one.
      const issuers = this.options.formValues()?.governmentIds.find((id) => id.value === value)?.issuers ?? [];
      if (!issuers.some((i) => i.value === this.values.govIdIssuedBy)) {
        this.values.govIdIssuedBy = issuers.length === 1 ? issuers[0]!.value : '';
      }
    }
    // Errors already shown follow the value as it changes; new ones wait for blur.
    if (this.touched.has(name) || this.summaryShown) this.validate();
    this.host.requestUpdate();
  }

  private blur(name: ApplicationField) {
    this.touched.add(name);
    this.validate();
    this.host.requestUpdate();
  }

  private message(name: ApplicationField, code: FieldErrorCode): string {
    const m = this.options.messages();
    if (code === 'required') return m.fields[name].required ?? m.errors.required;
    if (code === 'underage') return m.errors.underage(this.province ? ageOfMajority(this.province) : 19);
    return m.errors[code];
  }

  render(): TemplateResult {
    this.shown = true;
    const m = this.options.messages();
    const problems = FIELD_ORDER.flatMap((name) => {
      const code = this.errorOf(name);
      return code ? [{ name, text: this.message(name, code) }] : [];
    });
    return html`
      <form part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), this.options.onSubmit())}>
        <p class="progress" part="progress" tabindex="-1">
          ${m.stepOf(this.step + 1, STEPS.length)}
          <progress max=${STEPS.length} value=${this.step + 1} aria-hidden="true"></progress>
        </p>
        ${this.summaryShown && problems.length > 0
          ? html`<div class="summary" part="error-summary" role="alert">
              <h2 class="summary-title">${m.summaryTitle(problems.length)}</h2>
              <ul>
                ${problems.map(
                  (p) =>
                    html`<li>
                      <a href="#f-${p.name}" @click=${(e: Event) => (e.preventDefault(), void this.focus(p.name))}>${p.text}</a>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing}
        ${STEPS.map((sections, step) =>
          step === this.step || this.allSteps
            ? html`<div class="step" ?hidden=${step !== this.step}>
                ${sections.map((i) => this.renderSection(SECTIONS[i]!, m))} ${step === LAST_STEP ? (this.options.renderAfterFields?.() ?? nothing) : nothing}
              </div>`
            : nothing,
        )}
        <div class="actions">
          ${this.options.renderSubmit(this.step < LAST_STEP)}
          ${this.step > 0
            ? html`<button type="button" class="secondary" part="button back" @click=${() => this.goTo(this.step - 1)}>${m.back}</button>`
            : nothing}
        </div>
      </form>
    `;
  }

  private renderSection(section: (typeof SECTIONS)[number], m: Messages) {
    const fields = section.fields.filter((f) => !f.when || f.when(this.values));
    return html`<fieldset part="section">
      <legend part="legend">${m.sections[section.id]}</legend>
      ${section.help ? html`<p class="section-help">${m.sections[section.help]}</p>` : nothing}
      <div class="grid">${fields.map((f) => this.renderField(f, m))}</div>
    </fieldset>`;
  }

  private renderField(spec: FieldSpec, m: Messages) {
    const { name, control } = spec;
    if (control.kind === 'date') return this.renderDate(name as DateField, control.autocomplete, m);
    const id = `f-${name}`;
    const text = m.fields[name];
    const code = this.errorOf(name);
    const describedBy = [text.help ? `${id}-help` : '', code ? `${id}-error` : ''].filter(Boolean).join(' ');
    const common = {
      id,
      invalid: code ? 'true' : 'false',
      describedBy: describedBy || nothing,
      required: spec.optional ? nothing : 'true',
    };
    const value = this.values[name];
    const onInput = (e: Event) => this.update(name, (e.target as HTMLInputElement).value);
    return html`<div class="field ${spec.wide ? 'wide' : ''} ${control.kind === 'select' ? 'choice' : ''}" part="field ${code ? 'field-invalid' : ''}">
      <label for=${id} part="label"
        >${text.label}${spec.optional ? html` <span class="optional">(${m.optional})</span>` : nothing}</label
      >
      ${text.help ? html`<p id="${id}-help" class="help" part="help">${text.help}</p>` : nothing}
      ${control.kind === 'select'
        ? html`<select
            id=${common.id}
            name=${name}
            part="input select"
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            aria-required=${common.required}
            ${selectOptions([{ value: '', label: spec.optional ? '—' : m.choose }, ...control.options(m, this.options.formValues(), this.values)], value)}
            @change=${onInput}
            @blur=${() => this.blur(name)}
          ></select>`
        : html`<input
            id=${common.id}
            name=${name}
            part="input"
            type=${control.type ?? 'text'}
            autocomplete=${control.autocomplete ?? nothing}
            inputmode=${control.inputmode ?? nothing}
            maxlength=${control.maxlength ?? nothing}
            spellcheck="false"
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy}
            aria-required=${common.required}
            .value=${value}
            @input=${onInput}
            @blur=${() => this.blur(name)}
          />`}
      ${code ? html`<p id="${id}-error" class="error" part="error">${this.message(name, code)}</p>` : nothing}
    </div>`;
  }

  /**
   * A date as three labelled controls in a group (day, month by name, year), in the order the
   * language writes dates; the first carries the field's id, for the error summary's link.
   */
  private renderDate(name: DateField, autocomplete: string | undefined, m: Messages) {
    const id = `f-${name}`;
    const text = m.fields[name];
    const code = this.errorOf(name);
    const parts = this.datePartsOf(name);
    const describedBy = [text.help ? `${id}-help` : '', code ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const order: DatePart[] = m.lang === 'fr-CA' ? ['day', 'month', 'year'] : ['month', 'day', 'year'];
    const common = (part: DatePart, i: number) => ({
      id: i === 0 ? id : `${id}-${part}`,
      auto: autocomplete ? `${autocomplete}-${part}` : 'off',
    });
    return html`<fieldset
      class="field wide"
      part="field ${code ? 'field-invalid' : ''}"
      @focusout=${(e: FocusEvent) => {
        // Leaving the group, not moving between its parts.
        if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) this.blur(name);
      }}
    >
      <legend part="label">${text.label}</legend>
      ${text.help ? html`<p id="${id}-help" class="help" part="help">${text.help}</p>` : nothing}
      <div class="date">
        ${order.map((part, i) => {
          const { id: partId, auto } = common(part, i);
          const onInput = (e: Event) => this.updateDate(name, part, (e.target as HTMLInputElement).value);
          return html`<div class="field ${part} ${part === 'month' ? 'choice' : ''}">
            <label for=${partId} part="label">${m.dateParts[part]}</label>
            ${part === 'month'
              ? html`<select
                  id=${partId}
                  part="input select"
                  autocomplete=${auto}
                  aria-invalid=${code ? 'true' : 'false'}
                  aria-required="true"
                  aria-describedby=${describedBy}
                  ${selectOptions(monthChoices(m), parts.month)}
                  @change=${onInput}
                ></select>`
              : html`<input
                  id=${partId}
                  part="input"
                  inputmode="numeric"
                  autocomplete=${auto}
                  maxlength=${part === 'year' ? 4 : 2}
                  aria-invalid=${code ? 'true' : 'false'}
                  aria-required="true"
                  aria-describedby=${describedBy}
                  .value=${parts[part]}
                  @input=${onInput}
                />`}
          </div>`;
        })}
      </div>
      ${code ? html`<p id="${id}-error" class="error" part="error">${this.message(name, code)}</p>` : nothing}
    </fieldset>`;
  }

  /** The agreement checkbox, rendered by the host after the terms. */
  renderAgreement(): TemplateResult {
    const m = this.options.messages();
    const code = this.errorOf('termsAccepted');
    return html`<div class="field checkbox" part="field ${code ? 'field-invalid' : ''}">
      <input
        id="f-termsAccepted"
        name="termsAccepted"
        type="checkbox"
        part="checkbox"
        aria-invalid=${code ? 'true' : 'false'}
        aria-describedby=${code ? 'f-termsAccepted-error' : nothing}
        .checked=${this.values.termsAccepted}
        @change=${(e: Event) => this.update('termsAccepted', (e.target as HTMLInputElement).checked)}
        @blur=${() => this.blur('termsAccepted')}
      />
      <label for="f-termsAccepted" part="label">${m.fields.termsAccepted.label}</label>
      ${code ? html`<p id="f-termsAccepted-error" class="error" part="error">${this.message('termsAccepted', code)}</p>` : nothing}
    </div>`;
  }
}
