// The storefront: the cart lives on the server (the amount is never the browser's to say), the
// shopper picks Flexiti among the ways to pay, and the order shows as paid only once the
// server's onPurchase hook has recorded it. Flexiti's message follows the quantity under the
// price, and the server's cart total in the cart.
import { setUpLanguage, logEvents } from '/demo.js';

const lang = setUpLanguage();
const fr = () => document.documentElement.lang === 'fr-CA';
const money = (amount) => new Intl.NumberFormat(fr() ? 'fr-CA' : 'en-CA', { style: 'currency', currency: 'CAD' }).format(amount);
const cartText = document.querySelector('#cart');
const checkout = document.querySelector('#checkout');
const slot = document.querySelector('#flexiti-slot');
const paid = document.querySelector('#paid');
const quantityInput = document.querySelector('#quantity');
const productMessage = document.querySelector('#product-message');
const cartMessage = document.querySelector('#cart-message');
const log = document.querySelector('#log');
const cents = (amount) => Math.round(amount * 100) / 100;
logEvents(productMessage, log);
logEvents(cartMessage, log);

function showCart(cart) {
  const total = cart.quantity * cart.price;
  cartText.textContent = cart.quantity
    ? `${cart.quantity} × ${money(cart.price)} = ${money(total)}`
    : fr() ? 'Votre panier est vide.' : 'Your cart is empty.';
  checkout.hidden = cart.quantity === 0;
  cartMessage.hidden = cart.quantity === 0;
  cartMessage.amount = cents(total);
  slot.replaceChildren();
  paid.textContent = '';
  for (const radio of document.querySelectorAll('input[name="method"]')) radio.checked = false;
  return total;
}

const initial = await (await fetch('/demo/cart')).json();
let total = showCart(initial);

// What the shopper is about to add: the price times the quantity typed (one until it is a number).
function followQuantity() {
  const quantity = Math.floor(Number(quantityInput.value));
  productMessage.amount = cents(initial.price * (quantity >= 1 ? quantity : 1));
}
quantityInput.addEventListener('input', followQuantity);
followQuantity();

document.querySelector('#add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const quantity = Number(quantityInput.value);
  const response = await fetch('/demo/cart', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ quantity }),
  });
  total = showCart(await response.json());
});

for (const radio of document.querySelectorAll('input[name="method"]')) {
  radio.addEventListener('change', () => {
    slot.replaceChildren();
    if (radio.value !== 'flexiti') return;
    const element = document.createElement('flexiti-checkout');
    element.setAttribute('token-url', '/api/flexiti/session');
    element.setAttribute('amount', String(total));
    logEvents(element, log);
    element.addEventListener('flexiti-cancel', () => {
      for (const r of document.querySelectorAll('input[name="method"]')) r.checked = false;
    });
    element.addEventListener('flexiti-approved', async (e) => {
      if (e.detail.kind !== 'purchase') return;
      const order = await (await fetch(`/demo/orders/${encodeURIComponent(e.detail.reference)}`)).json();
      paid.textContent = order.paid
        ? (fr() ? `Commande ${order.reference} payée (autorisation ${order.authorizationId}), selon le serveur.` : `Order ${order.reference} is paid (authorization ${order.authorizationId}), as recorded by the server.`)
        : (fr() ? 'Le serveur n’a aucune trace de ce paiement.' : 'The server has no record of this payment.');
    });
    slot.append(element);
  });
}
void lang;
