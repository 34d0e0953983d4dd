// The demo's checkout page: language from ?lang=, a live log, and the order marked paid only
// when the server's onPurchase hook has recorded it (browser events are for the UI).
import { setUpLanguage, logEvents } from '/demo.js';

const element = document.querySelector('flexiti-checkout');
setUpLanguage();
logEvents(element, document.querySelector('#log'));

element.addEventListener('flexiti-approved', async (event) => {
  if (event.detail.kind !== 'purchase') return;
  const paid = document.querySelector('#paid');
  const response = await fetch(`/demo/orders/${encodeURIComponent(event.detail.reference)}`);
  const order = await response.json();
  paid.textContent = order.paid
    ? `Order ${order.reference} is paid (authorization ${order.authorizationId}), as recorded by the server.`
    : 'The server has no record of this payment.';
});
