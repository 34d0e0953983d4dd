/*
 * Loaded once per page by the Flexiti app blocks (the schema's "javascript"), deferred.
 *
 * 1. Sets each block's colour and radius settings, carried as data-flexiti-* attributes, as the
 *    element's --flexiti-* custom properties through the CSSOM (style.setProperty). A
 *    Content-Security-Policy without 'unsafe-inline' in style-src blocks style attributes and
 *    <style> elements in the markup, not the CSSOM, so the blocks need no inline CSS.
 * 2. After an approved purchase, sends the shopper to data-flexiti-return-url (same origin only).
 *    The order itself is fulfilled by the app's onPurchase hook, never from this event.
 */
(function () {
  'use strict';

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
    var elements = root.querySelectorAll('flexiti-checkout, flexiti-apply');
    for (var i = 0; i < elements.length; i++) applyTo(elements[i]);
  }

  applyAll(document);
  // The theme editor renders a section again after each change to its settings.
  document.addEventListener('shopify:section:load', function (event) {
    applyAll(event.target);
  });

  document.addEventListener('flexiti-approved', function (event) {
    var element = event.target;
    var url = element && element.getAttribute && element.getAttribute('data-flexiti-return-url');
    if (!url || !event.detail || event.detail.kind !== 'purchase') return;
    var target = new URL(url, window.location.href);
    if (target.origin === window.location.origin) window.location.assign(target.href);
  });
})();
