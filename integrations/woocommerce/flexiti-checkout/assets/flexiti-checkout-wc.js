/**
 * On the order-pay page: once Flexiti approved the purchase, go to the order's "order received"
 * page (the element's data-flexiti-return-url, same origin only). By then the handler's
 * onPurchase has marked the order paid through the WooCommerce REST API; this event only moves
 * the shopper along, it never decides that an order is paid.
 */
document.addEventListener('flexiti-approved', (event) => {
  const element = event.target;
  if (!(element instanceof Element) || event.detail?.kind !== 'purchase') return;
  const url = element.getAttribute('data-flexiti-return-url');
  if (!url) return;
  const target = new URL(url, window.location.href);
  if (target.origin === window.location.origin) window.location.assign(target.href);
});
