/**
 * A checkout script is often included twice on a storefront: registering again must not throw.
 */
import { expect } from '@open-wc/testing';
import { takeViolations } from './helpers/csp.js';
import { waitFor } from './helpers/form.js';
import '../../src/elements/flexiti-apply.js';
import '../../src/elements/flexiti-checkout.js';
import { FlexitiApply } from '../../src/elements/apply/flexiti-apply.component.js';
import { FlexitiCheckout } from '../../src/elements/checkout/flexiti-checkout.component.js';
import { defineElement } from '../../src/elements/shared/define.js';

describe('registering the elements', () => {
  it('does nothing when the same class registers again', () => {
    FlexitiApply.define();
    FlexitiCheckout.define();
    expect(customElements.get('flexiti-apply')).to.equal(FlexitiApply);
    expect(customElements.get('flexiti-checkout')).to.equal(FlexitiCheckout);
  });

  it('keeps the first definition and warns when another copy registers the tag', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      class OtherCopy extends HTMLElement {}
      defineElement('flexiti-apply', OtherCopy);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('flexiti-apply')).to.equal(FlexitiApply);
    expect(String(warnings[0]?.[0])).to.contain('flexiti-apply');
  });

  it('registers under another tag or in another registry when asked', () => {
    class Renamed extends FlexitiApply {}
    Renamed.define('shop-flexiti-apply');
    expect(customElements.get('shop-flexiti-apply')).to.equal(Renamed);
  });
});

describe('the Content-Security-Policy of the test pages', () => {
  it('blocks eval and inline styles, and the guard sees what it blocks', async () => {
    const directives: string[] = [];
    const listener = (event: SecurityPolicyViolationEvent) => directives.push(event.effectiveDirective);
    document.addEventListener('securitypolicyviolation', listener);
    expect(() => new Function('return 1')).to.throw();
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await waitFor(() => directives.length >= 2, 'both violations');
    document.removeEventListener('securitypolicyviolation', listener);
    probe.remove();
    expect(directives.map((d) => d.replace(/-(attr|elem)$/, '')).sort()).to.deep.equal(['script-src', 'style-src']);
    // The guard would fail this test for them: take them back.
    expect(takeViolations()).to.have.length(2);
  });
});
