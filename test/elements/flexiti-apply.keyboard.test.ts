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

/** Presses Tab until the field has focus; fails if it is not reachable. */
async function tabTo(el: FlexitiApply, id: string) {
  for (let i = 0; i < 80; i++) {
    if (focusedId(el) === id) return;
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
      province: 'ON',
      housingType: 'Rent',
      occupationId: 'FE',
      securityQuestionId: '8',
    };
    const order = ['amountRequested', 'salutation', 'firstName', 'lastName', 'dob', 'email', 'phone', 'address1', 'city', 'province', 'postalCode', 'personalIncome', 'householdIncome', 'housingType', 'occupationId', 'occupationTitle', 'securityQuestionId', 'securityAnswer', 'personalIdWord'];
    for (const name of order) {
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
        for (const character of String(values[name])) await sendKeys({ type: character });
      }
      await el.updateComplete;
    }
    expect(root(el).querySelector<HTMLSelectElement>('#f-province')!.value).to.equal('ON');
    expect(root(el).querySelector<HTMLSelectElement>('#f-securityQuestionId')!.value).to.equal('8');
    await termsReady(el);

    // Next comes the terms region itself, so it can be scrolled with the keyboard.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.classList.contains('terms')).to.equal(true);
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
