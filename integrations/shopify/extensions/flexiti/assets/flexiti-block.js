/*
 * Loaded once per page by the Flexiti app blocks (the schema's "javascript"), deferred.
 *
 * 1. Sets each block's colour and radius settings, carried as data-flexiti-* attributes, as the
 *    element's --flexiti-* custom properties through the CSSOM (style.setProperty). A
 *    Content-Security-Policy without 'unsafe-inline' in style-src blocks style attributes and
 *    <style> elements in the markup, not the CSSOM, so the blocks need no inline CSS. Elements
 *    that arrive later (the theme editor, or a theme rendering a section again after a cart
 *    change) get theirs when they are added.
 * 2. After an approved purchase, sends the shopper to data-flexiti-return-url (same origin only).
 *    The order itself is fulfilled by the app's onPurchase hook, never from this event.
 * 3. Keeps each <flexiti-message>'s amount current:
 *    - product page (data-flexiti-variant-prices, variant id → price in cents): the price of the
 *      variant the shopper picks, read from a `change` of any field named `id` (the product
 *      form's variant select or hidden input, which themes such as Dawn update and announce with
 *      `change`) and from `?variant=` in the address (themes write it with history.replaceState
 *      or pushState; back and forward give popstate). Only a message that knows the variant
 *      changes, so a page with several products keeps each one's price.
 *    - cart page (data-flexiti-cart-url, the cart's JSON): the cart's total, read again after the
 *      theme changes the cart. Themes change it through Shopify's Ajax API (/cart/add, change,
 *      update, clear), each in its own way and with its own events or none, so the script watches
 *      those requests complete (a PerformanceObserver of resource timings: nothing of the
 *      theme's is wrapped) and also listens for the common cart events. Another currency or an
 *      empty cart hides the message.
 */
(function () {
  'use strict';

  var ELEMENTS = 'flexiti-checkout, flexiti-apply, flexiti-message';
  var PROPERTIES = [
    ['data-flexiti-color-primary', '--flexiti-color-primary', 'color'],
    ['data-flexiti-color-on-primary', '--flexiti-color-on-primary', 'color'],
    ['data-flexiti-color-text', '--flexiti-color-text', 'color'],
    ['data-flexiti-color-surface', '--flexiti-color-surface', 'color'],
    ['data-flexiti-color-border', '--flexiti-color-border', 'color'],
    ['data-flexiti-radius', '--flexiti-radius', 'border-radius'],
  ];

  function applyTo(element) {
    PROPERTIES.forEach(function (entry) {
      var value = element.getAttribute(entry[0]);
      if (value && window.CSS && CSS.supports(entry[2], value)) element.style.setProperty(entry[1], value);
    });
  }

  function applyAll(root) {
    if (root.matches && root.matches(ELEMENTS)) applyTo(root);
    var elements = root.querySelectorAll ? root.querySelectorAll(ELEMENTS) : [];
    for (var i = 0; i < elements.length; i++) applyTo(elements[i]);
  }

  applyAll(document);
  new MutationObserver(function (records) {
    records.forEach(function (record) {
      for (var i = 0; i < record.addedNodes.length; i++) applyAll(record.addedNodes[i]);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener('flexiti-approved', function (event) {
    var element = event.target;
    var url = element && element.getAttribute && element.getAttribute('data-flexiti-return-url');
    if (!url || !event.detail || event.detail.kind !== 'purchase') return;
    var target = new URL(url, window.location.href);
    if (target.origin === window.location.origin) window.location.assign(target.href);
  });

  // --- 3. The message's amount ------------------------------------------------------------------

  function dollars(cents) {
    return (cents / 100).toFixed(2);
  }

  function showVariant(variantId) {
    if (!variantId) return;
    var messages = document.querySelectorAll('flexiti-message[data-flexiti-variant-prices]');
    for (var i = 0; i < messages.length; i++) {
      var prices;
      try {
        prices = JSON.parse(messages[i].getAttribute('data-flexiti-variant-prices'));
      } catch (error) {
        continue;
      }
      var cents = prices && prices[variantId];
      if (typeof cents === 'number' && isFinite(cents)) messages[i].setAttribute('amount', dollars(cents));
    }
  }

  function showVariantOfAddress() {
    showVariant(new URL(window.location.href).searchParams.get('variant'));
  }

  document.addEventListener('change', function (event) {
    var field = event.target;
    if (field && field.name === 'id' && typeof field.value === 'string') showVariant(field.value);
  });
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = history[name];
    if (typeof original !== 'function') return;
    history[name] = function () {
      var result = original.apply(this, arguments);
      showVariantOfAddress();
      return result;
    };
  });
  window.addEventListener('popstate', showVariantOfAddress);

  var CART_CHANGES = /\/cart\/(?:add|change|update|clear)(?:\.js)?$/;
  // Events themes dispatch on the document after changing the cart (Horizon: cart:update;
  // others: cart:updated, cart:change, cart:refresh).
  var CART_EVENTS = ['cart:update', 'cart:updated', 'cart:change', 'cart:refresh'];
  var cartReads = 0;
  var cartTimer;

  function cartMessages() {
    return document.querySelectorAll('flexiti-message[data-flexiti-cart-url]');
  }

  // One read for a burst of changes (a theme often sends several requests for one click); only
  // the latest read's answer is shown.
  function readCartSoon() {
    if (cartMessages().length === 0) return;
    clearTimeout(cartTimer);
    cartTimer = setTimeout(readCart, 50);
  }

  function readCart() {
    var messages = cartMessages();
    if (messages.length === 0) return;
    var read = ++cartReads;
    fetch(messages[0].getAttribute('data-flexiti-cart-url'), {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (cart) {
        if (read !== cartReads || !cart || typeof cart.total_price !== 'number') return;
        var shown = cart.currency === 'CAD' && cart.item_count > 0;
        var current = cartMessages();
        for (var i = 0; i < current.length; i++) {
          if (shown) current[i].setAttribute('amount', dollars(cart.total_price));
          current[i].toggleAttribute('hidden', !shown);
        }
      })
      .catch(function () {
        // The message keeps the amount it has; the next change reads the cart again.
      });
  }

  if (window.PerformanceObserver) {
    try {
      new PerformanceObserver(function (list) {
        var changed = list.getEntries().some(function (entry) {
          return CART_CHANGES.test(new URL(entry.name, window.location.href).pathname);
        });
        if (changed) readCartSoon();
      }).observe({ type: 'resource' });
    } catch (error) {
      // No resource timings: the cart events below still bring the total.
    }
  }
  CART_EVENTS.forEach(function (name) {
    document.addEventListener(name, readCartSoon);
  });
})();
