import { html, nothing } from 'lit';
import type { FieldText } from '../../../i18n/messages.js';
import { failureReason } from '../../shared/failure.js';
import type { CheckoutView } from './context.js';

/** A step's heading: focused when the step opens, for keyboard and screen reader users. */
export const heading = (id: string, text: string, level: 2 | 3 = 3) =>
  level === 2
    ? html`<h2 id=${id} data-step-heading tabindex="-1">${text}</h2>`
    : html`<h3 id=${id} data-step-heading tabindex="-1">${text}</h3>`;

/** A technical failure, with whether what was typed is kept. */
export function failure(view: CheckoutView) {
  const f = view.failure;
  if (!f) return nothing;
  const m = view.messages.failure;
  return html`<div class="alert" part="alert" role="alert"><p>${failureReason(f, m)} ${f.retryable ? m.keepAnswers : nothing}</p></div>`;
}

/** A message about the step as a whole. */
export function notice(view: CheckoutView) {
  const n = view.state.notice;
  if (!n) return nothing;
  const text = n === 'codeResent' ? view.texts.codeResent : view.texts[n];
  return html`<div class="alert" part="alert" role=${n === 'codeResent' ? 'status' : 'alert'}><p>${text}</p></div>`;
}

/** One text field with its label, help and error, as in the application form. */
export function field(
  view: CheckoutView,
  name: 'number' | 'code',
  text: FieldText,
  value: string,
  extra: { autocomplete: string; maxlength: number; onInput: (value: string) => void },
) {
  const { problem } = view.state;
  const c = view.texts;
  const message = problem === 'required' ? (text.required ?? '') : problem ? c[problem] : '';
  const id = `f-${name}`;
  return html`<div class="field" part="field ${message ? 'field-invalid' : ''}">
    <label for=${id} part="label">${text.label}</label>
    ${text.help ? html`<p id="${id}-help" class="help" part="help">${text.help}</p>` : nothing}
    <input
      id=${id}
      name=${name}
      class="number"
      part="input"
      autocomplete=${extra.autocomplete}
      inputmode="numeric"
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

export function radios<T extends string>(name: string, items: ReadonlyArray<readonly [T, string]>, checked: T, choose: (value: T) => void) {
  return items.map(
    ([value, label]) => html`<label class="checkbox field"
      ><input type="radio" name=${name} part="checkbox" .checked=${checked === value} @change=${() => choose(value)} /> ${label}</label
    >`,
  );
}
