import { css } from 'lit';
import { tokens } from './tokens.js';

export { tokens };

export const formStyles = css`
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }

  legend,
  .legend {
    font-size: 1.15rem;
    font-weight: 650;
    padding: 0;
    margin-bottom: calc(var(--_space) * 0.5);
  }

  .section-help,
  .help {
    color: var(--_muted);
    margin: 0;
    font-size: 0.9rem;
  }

  .section-help {
    margin-bottom: calc(var(--_space) * 0.75);
  }

  .grid {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
  }

  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
    min-width: 0;
  }

  .field.wide {
    grid-column: 1 / -1;
  }

  label {
    font-weight: 600;
  }

  .optional {
    font-weight: 400;
    color: var(--_muted);
  }

  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.55rem 0.7rem;
    min-height: 2.75rem;
    width: 100%;
    min-width: 0;
  }

  /*
   * A long choice (a security question) stays inside its field: WebKit lets a closed select's text
   * overflow out to the page's edge. The select's focus ring is drawn inside it, so nothing is cut.
   */
  .choice {
    overflow: hidden;
  }

  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }

  :is(input, select, button, a, [tabindex]):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .field > select:focus-visible {
    outline-offset: -4px;
  }

  .error {
    color: var(--_error);
    font-weight: 600;
    margin: 0;
  }

  .checkbox {
    grid-template-columns: auto 1fr;
    align-items: start;
    column-gap: 0.6rem;
  }

  .checkbox input {
    width: 1.5rem;
    min-height: 1.5rem;
    height: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_primary);
  }

  .checkbox .error {
    grid-column: 1 / -1;
  }

  .summary {
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .summary-title {
    font-size: 1.1rem;
    margin: 0 0 0.5rem;
  }

  .summary ul {
    margin: 0;
    padding-left: 1.25rem;
  }

  .summary a {
    color: var(--_error);
    font-weight: 600;
  }

  .terms {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 var(--_space);
    background: var(--_surface-alt);
    overflow-wrap: anywhere;
  }

  .terms a {
    color: var(--_primary);
  }

  .step[hidden] {
    display: none;
  }

  .step {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  .progress {
    display: grid;
    gap: 0.35rem;
    margin: 0;
    font-weight: 600;
    color: var(--_muted);
  }

  progress {
    width: 100%;
    height: 0.4rem;
    accent-color: var(--_primary);
  }

  .field > legend {
    font-size: inherit;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }

  .date {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .date .day {
    width: 4.5rem;
  }

  .date .year {
    width: 6rem;
  }

  .date .month {
    flex: 1 1 9rem;
  }
`;

export const buttonStyles = css`
  button {
    font: inherit;
    font-weight: 650;
    border-radius: var(--_radius);
    padding: 0.7rem 1.4rem;
    min-height: 2.75rem;
    cursor: pointer;
    border: 2px solid var(--_primary);
  }

  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  button.secondary {
    background: transparent;
    color: var(--_primary);
  }

  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    /* The row's own width, not the screen's, decides: narrow (a phone, a side column), the buttons stack at one width. */
    container-type: inline-size;
  }

  @container (max-width: 30rem) {
    .actions > * {
      width: 100%;
    }
  }
`;

export const panelStyles = css`
  .panel {
    display: grid;
    gap: var(--_space);
  }

  .panel h2 {
    font-size: 1.35rem;
    margin: 0;
  }

  .panel p {
    margin: 0;
  }

  .alert {
    border-left: 5px solid var(--_error);
    background: var(--_surface-alt);
    padding: var(--_space);
    border-radius: var(--_radius);
  }

  .alert h3 {
    font-size: 1.1rem;
    margin: 0 0 0.25rem;
  }

  .alert p {
    margin: 0;
  }

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: var(--_space);
    margin: 0;
  }

  .facts div {
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .facts dt {
    color: var(--_muted);
    font-size: 0.9rem;
  }

  .facts dd {
    margin: 0;
    font-size: 1.35rem;
    font-weight: 700;
  }

  .flexiti-message {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 var(--_space);
  }

  .badge {
    display: inline-block;
    font-size: 0.85rem;
    background: var(--_surface-alt);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: 0.15rem 0.5rem;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

export const decisionStyles = css`
  .approved h2 {
    color: var(--_success);
  }

  .offers {
    margin: 0;
    padding-left: 1.25rem;
  }
`;
