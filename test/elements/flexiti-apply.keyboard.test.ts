/**
 * A shopper with only a keyboard fills in and sends the whole application.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/flexiti-apply.js';
import type { FlexitiApply } from '../../src/elements/apply/flexiti-apply.component.js';
import { applicant, container, formReady, root, termsReady, waitFor } from './helpers/form.js';
import { flexitiServer } from './helpers/server.js';

const focusedId = (el: FlexitiApply) => el.shadowRoot!.activeElement?.id ?? '';

/** Presses Tab until the field has focus (`''`: the next control without an id, a button); fails if it is not reachable. */
async function tabTo(el: FlexitiApply, id: string) {
  for (let i = 0; i < 80; i++) {
    if (focusedId(el) === id && (id || el.shadowRoot!.activeElement?.tagName === 'BUTTON')) return;
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
  }
  throw new Error(`could not reach #${id} with Tab (focus is on #${focusedId(el)})`);
}

describe('<flexiti-apply> with a keyboard only', function () {
  this.timeout(60_000);
  beforeEach(() => flexitiServer.reset());

  it('fills in every field with Tab, typing, and sends the application with Enter', async () => {
    const page = container();
    const start = document.createElement('button');
    start.textContent = 'Start';
    page.append(start);
    await fixture(html`<flexiti-apply token-url="/api/flexiti/session" lang="en-CA"></flexiti-apply>`, { parentNode: page });
    const el = page.querySelector('flexiti-apply')!;
    await formReady(el);
    start.focus();

    const values = applicant({ middleName: 'A-RR_L' });
    // Select options are chosen with the arrow keys.
    const choices: Record<string, string> = {
      salutation: 'ms',
      dob: '07',
      province: 'ON',
      housingType: 'Rent',
      occupationId: 'FE',
      securityQuestionId: '8',
    };
    const typed: Record<string, string> = { ...(values as Record<string, string>), 'dob-day': '24', 'dob-year': '1988' };
    // The application's four steps, each ended with "Continue" (Enter on it); the date of birth is
    // month, day and year in English.
    const steps = [
      ['amountRequested', 'salutation', 'firstName', 'lastName', 'dob', 'dob-day', 'dob-year', 'email', 'phone'],
      ['address1', 'city', 'province', 'postalCode', 'personalIncome', 'householdIncome', 'housingType'],
      ['occupationId', 'occupationTitle'],
      ['securityQuestionId', 'securityAnswer', 'personalIdWord'],
    ];
    for (const [index, names] of steps.entries()) {
      if (index > 0) {
        // "Continue" comes after the step's fields; pressing it shows the next step with focus on where the shopper is.
        await tabTo(el, '');
        expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.contain('continue');
        await sendKeys({ press: 'Enter' });
        await waitFor(() => el.shadowRoot!.activeElement?.classList.contains('progress'), `step ${index + 1}`);
        expect(el.shadowRoot!.activeElement!.textContent).to.contain(`Step ${index + 1} of 4`);
      }
      for (const name of names) {
        await tabTo(el, `f-${name}`);
        if (name in choices) {
          const select = root(el).querySelector<HTMLSelectElement>(`#f-${name}`)!;
          for (let i = 0; i < 20 && select.value !== choices[name]; i++) await sendKeys({ press: 'ArrowDown' });
          expect(select.value, name).to.equal(choices[name]);
        } else {
          // Select what is there (the prefilled amount) and type over it.
          const input = root(el).querySelector<HTMLInputElement>(`#f-${name}`)!;
          input.select();
          // One key at a time: WebKit's driver drops a character repeated within one command.
          for (const character of String(typed[name])) await sendKeys({ type: character });
        }
        await el.updateComplete;
      }
    }
    expect(root(el).querySelector<HTMLSelectElement>('#f-province')!.value).to.equal('ON');
    expect(root(el).querySelector<HTMLSelectElement>('#f-securityQuestionId')!.value).to.equal('8');
    await termsReady(el);

    // The terms are part of the page (no box to scroll inside): the next stop is the agreement.
    await tabTo(el, 'f-termsAccepted');
    await sendKeys({ type: ' ' });
    await el.updateComplete;
    expect(root(el).querySelector<HTMLInputElement>('#f-termsAccepted')!.checked).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    const heading = await waitFor(() => root(el).querySelector<HTMLElement>('.decision h2'), 'the decision', 15_000).catch(
      (error: Error) => {
        throw new Error(`${error.message}; the form says: ${root(el).querySelector('[part="error-summary"], [part="alert"]')?.textContent?.replace(/\s+/g, ' ') ?? 'nothing'}`);
      },
    );
    expect(heading.textContent).to.equal('You are approved');
    expect((await flexitiServer.outcomes()).applications).to.have.length(1);
  });
});
