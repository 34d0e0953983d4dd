/**
 * A checkout script is often included twice on a storefront: registering again must not throw.
 */
import { expect } from '@open-wc/testing';
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
