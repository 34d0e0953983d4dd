// The store's back office (/orders.html): its Flexiti orders of the last 30 days through the
// handler's admin routes, and what the merchant does after the sale: capture when an order ships
// (all of it or part), release what will not ship, return part or all of a promotional purchase's
// capture, refund a regular purchase's. Every action is confirmed first and sent once, with one
// Idempotency-Key per confirmed action, reused by "Try again". The shopper's available credit comes
// from the demo's embedded sandbox (/demo/accounts/:n), so it is seen moving.
//
// `mountOrders(host)` builds it all inside `host`; the page calls it on `#back-office`. The
// language is the nearest `lang` (the page's `?lang=` sets `<html lang>`), and follows it when it
// changes. Nothing typed is lost when the page re-renders.
import { setUpLanguage } from './demo.js';

const ADMIN = '/api/flexiti/admin';
const ACCOUNTS = '/demo/accounts';
const KEY_STORAGE = 'flexiti-demo-admin-key';
const DAYS = 30;
/** Returns are for promotional purchases, within 100 days of the capture; later, a refund. */
const RETURN_WINDOW_MS = 100 * 24 * 3600_000;

// ── Texts ─────────────────────────────────────────────────────────────────────────────────────
// French: a no-break space before ":" (and Intl puts them in money), none before "?" (Quebec usage).
const NB = '\u00a0';

const en = {
  keyTitle: 'Admin key',
  keyLabel: 'Admin key',
  keyHint:
    'The key the demo printed on its console when it started, or FLEXITI_ADMIN_KEY. It is kept in this tab only. ' +
    'Demo only: a real back office keeps this key on its own server, never in a page.',
  keySubmit: 'Show the orders',
  keyEmpty: 'Enter the admin key.',
  keyInvalid: 'This admin key is not valid. Use the key the demo printed when it started.',
  adminOff: 'The back office is off: this handler has no admin key.',
  loadFailed: 'The orders could not be loaded. Try again.',
  ordersTitle: 'Flexiti orders',
  refresh: 'Refresh',
  forgetKey: 'Forget the key',
  caption: `Flexiti orders of the last ${DAYS} days, newest first`,
  columns: {
    reference: 'Order',
    date: 'Date',
    amount: 'Amount',
    plan: 'Plan',
    state: 'State',
    captured: 'Captured',
    remaining: 'Left to capture',
    returned: 'Returned or refunded',
    credit: 'Available credit',
    actions: 'Actions',
  },
  none: `No Flexiti orders in the last ${DAYS} days.`,
  truncated: (n) => `Only the first ${n} orders are shown.`,
  loading: 'Loading the orders…',
  loaded: (n) => (n === 0 ? 'No orders.' : n === 1 ? '1 order shown.' : `${n} orders shown.`),
  regular: 'Regular purchase',
  promotional: (planId, term) => `Promotional plan ${planId}, ${term} months`,
  states: {
    authorized: 'Authorized',
    partly_captured: 'Partly captured',
    captured: 'Captured',
    partly_returned: 'Partly returned',
    returned: 'Returned',
    released: 'Released',
  },
  notKnown: 'Not known',
  ofOrder: (reference) => `order ${reference}`,
  amountLabel: { capture: 'Amount to capture', return: 'Amount to return', refund: 'Amount to refund' },
  amountHint: (all) => `Empty: all ${all}`,
  button: { capture: 'Capture', release: 'Release the rest', return: 'Return', refund: 'Refund' },
  captureLine: (amount, date) => `Capture of ${amount}, ${date}`,
  captureLeft: (left) => `${left} left to return or refund`,
  captureDone: 'Nothing left to return or refund',
  nothingToDo: 'Nothing to do',
  confirmTitle: { capture: 'Capture?', release: 'Release?', return: 'Return?', refund: 'Refund?' },
  confirmText: {
    capture: ({ amount, reference, held, left }) =>
      left === null
        ? `Capture everything order ${reference} still holds: ${amount}. Nothing will be left to capture or release.`
        : `Capture ${amount} of order ${reference}, which holds ${held}. ${left} will be left to capture or release.`,
    release: ({ amount, reference }) =>
      `Release the ${amount} order ${reference} still holds. The shopper’s available credit goes up by ${amount}, and nothing more can be captured on this order.`,
    return: ({ amount, reference, capture }) =>
      `Return ${amount} of the ${capture} captured on order ${reference}. The shopper’s account is credited ${amount}.`,
    refund: ({ amount, reference, capture }) =>
      `Refund ${amount} of the ${capture} captured on order ${reference}. The shopper’s account is credited ${amount}.`,
  },
  confirmButton: { capture: (a) => `Capture ${a}`, release: (a) => `Release ${a}`, return: (a) => `Return ${a}`, refund: (a) => `Refund ${a}` },
  cancel: 'Cancel',
  working: {
    capture: (a, r) => `Capturing ${a} of order ${r}…`,
    release: (a, r) => `Releasing ${a} of order ${r}…`,
    return: (a, r) => `Returning ${a} of order ${r}…`,
    refund: (a, r) => `Refunding ${a} of order ${r}…`,
  },
  done: {
    capture: (a, r) => `Captured ${a} of order ${r}.`,
    release: (a, r) => `Released ${a} of order ${r}.`,
    return: (a, r) => `Returned ${a} of order ${r}.`,
    refund: (a, r) => `Refunded ${a} of order ${r}.`,
  },
  creditNow: (credit) => ` Available credit: ${credit}.`,
  tryAgain: 'Try again',
  errors: {
    invalid_amount: 'Enter an amount in dollars and cents, more than zero (such as 150.00), or leave it empty for all of it.',
    amount_exceeds_remaining: (left) => `That is more than this order still holds: capture at most ${left}.`,
    amount_exceeds_captured: (left, kind) => `That is more than this capture still holds: ${kind === 'refund' ? 'refund' : 'return'} at most ${left}.`,
    authorization_closed: 'Nothing is left on this order to capture or release.',
    capture_empty: 'Nothing is left on this capture to return or refund.',
    wrong_transaction_type: 'Only promotional purchases are returned: refund this regular purchase instead.',
    return_window_passed: 'This capture is more than 100 days old and can no longer be returned: refund it instead.',
    refund_exceeds_balance: 'Flexiti refused a refund larger than what the shopper’s account owes.',
    operation_in_progress: 'Another operation on this order is under way. Nothing will happen twice: try again in a moment.',
    operation_in_doubt: 'Flexiti has not confirmed an earlier operation on this order. Nothing will happen twice: try again in a moment.',
    unavailable: 'Flexiti could not be reached. Nothing will happen twice: try again.',
    not_found: 'Flexiti no longer knows this order. Refresh the list.',
    not_permitted: 'Flexiti does not let this store do that.',
    other: (code) => `Flexiti refused this (${code}).`,
  },
};

const fr = {
  keyTitle: 'Clé d’administration',
  keyLabel: 'Clé d’administration',
  keyHint:
    'La clé que la démo a affichée dans sa console au démarrage, ou FLEXITI_ADMIN_KEY. Elle n’est gardée que dans cet onglet. ' +
    `Démo seulement${NB}: une vraie arrière-boutique garde cette clé sur son propre serveur, jamais dans une page.`,
  keySubmit: 'Afficher les commandes',
  keyEmpty: 'Entrez la clé d’administration.',
  keyInvalid: 'Cette clé d’administration n’est pas valide. Utilisez la clé que la démo a affichée au démarrage.',
  adminOff: `L’arrière-boutique est désactivée${NB}: ce gestionnaire n’a pas de clé d’administration.`,
  loadFailed: 'Les commandes n’ont pas pu être chargées. Réessayez.',
  ordersTitle: 'Commandes Flexiti',
  refresh: 'Actualiser',
  forgetKey: 'Oublier la clé',
  caption: `Commandes Flexiti des ${DAYS}${NB}derniers jours, les plus récentes d’abord`,
  columns: {
    reference: 'Commande',
    date: 'Date',
    amount: 'Montant',
    plan: 'Plan',
    state: 'État',
    captured: 'Encaissé',
    remaining: 'Reste à encaisser',
    returned: 'Retourné ou remboursé',
    credit: 'Crédit disponible',
    actions: 'Actions',
  },
  none: `Aucune commande Flexiti dans les ${DAYS}${NB}derniers jours.`,
  truncated: (n) => `Seules les ${n}${NB}premières commandes sont affichées.`,
  loading: 'Chargement des commandes…',
  loaded: (n) => (n === 0 ? 'Aucune commande.' : `${n}${NB}commande${n > 1 ? 's' : ''} affichée${n > 1 ? 's' : ''}.`),
  regular: 'Achat régulier',
  promotional: (planId, term) => `Plan promotionnel ${planId}, ${term}${NB}mois`,
  states: {
    authorized: 'Autorisée',
    partly_captured: 'Partiellement encaissée',
    captured: 'Encaissée',
    partly_returned: 'Partiellement retournée',
    returned: 'Retournée',
    released: 'Libérée',
  },
  notKnown: 'Inconnu',
  ofOrder: (reference) => `commande ${reference}`,
  amountLabel: { capture: 'Montant à encaisser', return: 'Montant à retourner', refund: 'Montant à rembourser' },
  amountHint: (all) => `Vide${NB}: tout, ${all}`,
  button: { capture: 'Encaisser', release: 'Libérer le reste', return: 'Retourner', refund: 'Rembourser' },
  captureLine: (amount, date) => `Encaissement de ${amount}, ${date}`,
  captureLeft: (left) => `${left} à retourner ou rembourser`,
  captureDone: 'Plus rien à retourner ni à rembourser',
  nothingToDo: 'Rien à faire',
  confirmTitle: { capture: 'Encaisser?', release: 'Libérer?', return: 'Retourner?', refund: 'Rembourser?' },
  confirmText: {
    capture: ({ amount, reference, held, left }) =>
      left === null
        ? `Encaisser tout ce que la commande ${reference} détient encore${NB}: ${amount}. Il ne restera rien à encaisser ni à libérer.`
        : `Encaisser ${amount} de la commande ${reference}, qui détient ${held}. Il restera ${left} à encaisser ou à libérer.`,
    release: ({ amount, reference }) =>
      `Libérer les ${amount} que la commande ${reference} détient encore. Le crédit disponible du client augmente de ${amount}, et plus rien ne pourra être encaissé sur cette commande.`,
    return: ({ amount, reference, capture }) =>
      `Retourner ${amount} des ${capture} encaissés sur la commande ${reference}. Le compte du client est crédité de ${amount}.`,
    refund: ({ amount, reference, capture }) =>
      `Rembourser ${amount} des ${capture} encaissés sur la commande ${reference}. Le compte du client est crédité de ${amount}.`,
  },
  confirmButton: { capture: (a) => `Encaisser ${a}`, release: (a) => `Libérer ${a}`, return: (a) => `Retourner ${a}`, refund: (a) => `Rembourser ${a}` },
  cancel: 'Annuler',
  working: {
    capture: (a, r) => `Encaissement de ${a} sur la commande ${r}…`,
    release: (a, r) => `Libération de ${a} sur la commande ${r}…`,
    return: (a, r) => `Retour de ${a} sur la commande ${r}…`,
    refund: (a, r) => `Remboursement de ${a} sur la commande ${r}…`,
  },
  done: {
    capture: (a, r) => `${a} encaissés sur la commande ${r}.`,
    release: (a, r) => `${a} libérés sur la commande ${r}.`,
    return: (a, r) => `${a} retournés sur la commande ${r}.`,
    refund: (a, r) => `${a} remboursés sur la commande ${r}.`,
  },
  creditNow: (credit) => ` Crédit disponible${NB}: ${credit}.`,
  tryAgain: 'Réessayer',
  errors: {
    invalid_amount: 'Entrez un montant en dollars et en cents, supérieur à zéro (par exemple 150,00), ou laissez le champ vide pour tout le montant.',
    amount_exceeds_remaining: (left) => `C’est plus que ce que la commande détient encore${NB}: encaissez au plus ${left}.`,
    amount_exceeds_captured: (left, kind) =>
      `C’est plus que ce que l’encaissement détient encore${NB}: ${kind === 'refund' ? 'remboursez' : 'retournez'} au plus ${left}.`,
    authorization_closed: 'Il ne reste rien à encaisser ni à libérer sur cette commande.',
    capture_empty: 'Il ne reste rien à retourner ni à rembourser sur cet encaissement.',
    wrong_transaction_type: `Seuls les achats promotionnels se retournent${NB}: remboursez plutôt cet achat régulier.`,
    return_window_passed: `Cet encaissement date de plus de 100${NB}jours et ne peut plus être retourné${NB}: remboursez-le plutôt.`,
    refund_exceeds_balance: 'Flexiti a refusé un remboursement supérieur au solde dû par le client.',
    operation_in_progress: `Une autre opération sur cette commande est en cours. Rien ne sera fait deux fois${NB}: réessayez dans un instant.`,
    operation_in_doubt: `Flexiti n’a pas confirmé une opération précédente sur cette commande. Rien ne sera fait deux fois${NB}: réessayez dans un instant.`,
    unavailable: `Flexiti n’a pas pu être joint. Rien ne sera fait deux fois${NB}: réessayez.`,
    not_found: 'Flexiti ne connaît plus cette commande. Actualisez la liste.',
    not_permitted: 'Flexiti ne permet pas à ce magasin de faire cela.',
    other: (code) => `Flexiti a refusé cette opération (${code}).`,
  },
};

// ── Helpers ───────────────────────────────────────────────────────────────────────────────────

/** An element with attributes (`on…` functions become listeners) and children. */
function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

const visuallyHidden = (text) => h('span', { class: 'visually-hidden' }, text);

/** `YYYY-MM-DD`, `days` ago (UTC, as the admin routes read days). */
const dayAgo = (days) => new Date(Date.now() - days * 24 * 3600_000).toISOString().slice(0, 10);

/** An operation key; `crypto.randomUUID` needs a secure context (loopback counts), hence the fallback. */
function newOperationKey() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * What was typed as an amount: `{ all: true }` when empty, `{ amount }` in dollars exact to the
 * cent, or `{ invalid: true }`. French decimal commas and either language's grouping are read.
 */
function parseAmount(text, lang) {
  let t = text.replace(/[\s\u00a0\u202f$]/g, '');
  if (t === '') return { all: true };
  if (lang === 'fr-CA') t = t.replace(',', '.');
  // In English a comma only groups thousands: "12,50" is a mistake to catch, not 1,250 dollars.
  else if (t.includes(',')) t = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t) ? t.replace(/,/g, '') : 'invalid';
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { invalid: true };
  const cents = Math.round(Number(t) * 100);
  return cents > 0 ? { amount: cents / 100 } : { invalid: true };
}

class AdminError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = typeof body?.code === 'string' ? body.code : status === 0 ? 'network_error' : 'unexpected_response';
    // A lost connection or a 5xx may be tried again with the same operation key.
    this.retryable = body?.retryable === true || status === 0 || status >= 500;
  }
}

const KEY_CODES = new Set(['admin_key_missing', 'admin_key_invalid', 'shopper_session_refused']);
const RETRYABLE_CODES = new Set(['operation_in_progress', 'operation_in_doubt', 'flexiti_unavailable', 'state_unavailable']);
/** Refusals about the amount typed: the error goes with the field, and focus to it. */
const AMOUNT_CODES = new Set(['invalid_amount', 'amount_exceeds_remaining', 'amount_exceeds_captured']);

// ── The back office ───────────────────────────────────────────────────────────────────────────

/**
 * Builds the back office inside `host`. Returns `{ destroy }`, which stops it following the
 * page's language.
 */
export function mountOrders(host) {
  const state = {
    lang: langOf(host),
    key: readStoredKey(),
    /** `key`: the key form; `orders`: the list (loading or loaded). */
    view: 'key',
    /** What the key form says: `empty`, `admin_key_invalid`, `admin_off`, `load_failed`, or nothing. */
    keyError: null,
    loading: false,
    loadError: null,
    orders: [],
    truncated: false,
    /** Account number → available credit; `null` when not known (no embedded sandbox). */
    credits: new Map(),
    /** What was typed in each amount field, by field id: survives every re-render. */
    drafts: new Map(),
    /** Per action id: `{ code, retry }`, `retry` being the operation to send again as it was. */
    errors: new Map(),
    /** Orders with an operation under way. */
    busy: new Set(),
  };
  const t = () => (state.lang === 'fr-CA' ? fr : en);
  const money = (amount) => new Intl.NumberFormat(state.lang, { style: 'currency', currency: 'CAD' }).format(amount);
  const date = (iso) => {
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? iso : new Intl.DateTimeFormat(state.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(parsed);
  };

  // Made once and kept: a live region announces only if it is in the page before it changes,
  // and the dialog keeps its place while rows are redrawn. The status sits above the list, in
  // the flow: nothing covers the control that has focus.
  const view = h('div', { class: 'back-office-view' });
  const status = h('p', { id: 'orders-status', class: 'status', role: 'status' });
  const dialogTitle = h('h2', { id: 'orders-confirm-title' });
  const dialogText = h('p', { id: 'orders-confirm-text' });
  const confirmButton = h('button', { type: 'button', id: 'orders-confirm-ok', class: 'primary' });
  const cancelButton = h('button', { type: 'button', id: 'orders-confirm-cancel' });
  const dialog = h(
    'dialog',
    { id: 'orders-confirm', class: 'confirm', 'aria-labelledby': 'orders-confirm-title', 'aria-describedby': 'orders-confirm-text' },
    dialogTitle,
    dialogText,
    h('div', { class: 'buttons' }, cancelButton, confirmButton),
  );
  host.classList.add('orders-app');
  host.replaceChildren(status, view, dialog);

  /** The operation the dialog asks about, and the id of the button that opened it. */
  let asking = null;
  cancelButton.addEventListener('click', () => dialog.close('cancel'));
  confirmButton.addEventListener('click', () => dialog.close('confirm'));
  dialog.addEventListener('close', () => {
    const question = asking;
    asking = null;
    if (!question) return;
    // Back to the button that opened the dialog (redrawn rows keep their ids).
    document.getElementById(question.openerId)?.focus();
    if (dialog.returnValue === 'confirm') void run({ ...question.operation, key: newOperationKey() });
  });

  // ── Data ──

  async function call(path, init = {}) {
    let response;
    try {
      response = await fetch(path, {
        ...init,
        headers: { authorization: `Bearer ${state.key}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      });
    } catch {
      throw new AdminError(0, null);
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new AdminError(response.status, body);
    return body;
  }

  async function loadCredit(accountNumber) {
    try {
      const account = await call(`${ACCOUNTS}/${encodeURIComponent(accountNumber)}`);
      state.credits.set(accountNumber, account.availableCredit);
    } catch (error) {
      if (KEY_CODES.has(error.code)) throw error;
      // Against a Flexiti environment there is no sandbox to ask: the credit is not known.
      state.credits.set(accountNumber, null);
    }
  }

  /** Loads the list; the key form stays until the key has proved good. */
  async function loadOrders() {
    if (state.loading) return false;
    state.loading = true;
    state.loadError = null;
    if (state.view === 'orders') renderAll();
    announce(t().loading);
    try {
      const list = await call(`${ADMIN}/authorizations?from=${dayAgo(DAYS)}`);
      state.orders = sortNewestFirst(list.authorizations);
      state.truncated = list.truncated === true;
      // The orders as they are now: earlier refusals no longer apply.
      state.errors.clear();
      await Promise.all([...new Set(state.orders.map((o) => o.accountNumber))].map(loadCredit));
      state.loading = false;
      state.view = 'orders';
      state.keyError = null;
      renderAll();
      announce(t().loaded(state.orders.length));
      return true;
    } catch (error) {
      state.loading = false;
      if (KEY_CODES.has(error.code) || error.code === 'not_found') {
        askForKey(error.code === 'not_found' ? 'admin_off' : 'admin_key_invalid');
      } else if (state.view === 'key') {
        state.keyError = 'load_failed';
        renderAll();
        announce(t().loadFailed);
      } else {
        state.loadError = error.code;
        renderAll();
        announce(t().loadFailed);
      }
      return false;
    }
  }

  /** Reads one order again, and its shopper's credit. */
  async function refreshOrder(authorizationId) {
    const fresh = await call(`${ADMIN}/authorizations/${encodeURIComponent(authorizationId)}`);
    state.orders = state.orders.map((o) => (o.authorizationId === authorizationId ? fresh : o));
    await loadCredit(fresh.accountNumber);
    return fresh;
  }

  // ── Actions ──

  function orderOf(authorizationId) {
    return state.orders.find((o) => o.authorizationId === authorizationId);
  }

  /** A press on an action button: checks what was typed, then asks. */
  function ask(kind, order, capture, openerId) {
    if (state.busy.has(order.authorizationId)) return;
    const id = actionId(kind, order.authorizationId, capture?.captureId);
    const field = `${domId(id)}-amount`;
    let amount;
    if (kind !== 'release') {
      const typed = parseAmount(state.drafts.get(field) ?? '', state.lang);
      if (typed.invalid) {
        state.errors.set(id, { code: 'invalid_amount', retry: null });
        renderOrders([order.authorizationId]);
        document.getElementById(field)?.focus();
        announce(t().errors.invalid_amount);
        return;
      }
      amount = typed.amount;
    }
    // A new attempt: the last one's error goes.
    if (state.errors.delete(id)) renderOrders([order.authorizationId], openerId);
    const held = kind === 'capture' || kind === 'release' ? order.remainingAmount : capture.remainingAmount;
    const shown = amount ?? held;
    const left = kind === 'capture' && amount !== undefined ? Math.round((held - amount) * 100) / 100 : null;
    const texts = t();
    dialogTitle.textContent = texts.confirmTitle[kind];
    dialogText.textContent = texts.confirmText[kind]({
      amount: money(shown),
      reference: order.reference ?? order.authorizationId,
      held: money(held),
      left: left === null ? null : money(Math.max(0, left)),
      capture: capture ? money(capture.amount) : '',
    });
    confirmButton.textContent = texts.confirmButton[kind](money(shown));
    cancelButton.textContent = texts.cancel;
    asking = {
      openerId,
      operation: { kind, id, authorizationId: order.authorizationId, captureId: capture?.captureId, amount, shown, field, openerId },
    };
    // Escape leaves the last returnValue in place: start from none, so only "confirm" confirms.
    dialog.returnValue = '';
    dialog.showModal();
    // The safe choice has focus: Enter alone never moves money.
    cancelButton.focus();
  }

  /** Sends an operation (a first try, or "Try again" with the same key and body). */
  async function run(operation) {
    const { kind, id, authorizationId, captureId, amount } = operation;
    if (state.busy.has(authorizationId)) return;
    const order = orderOf(authorizationId);
    const reference = order?.reference ?? authorizationId;
    state.busy.add(authorizationId);
    state.errors.delete(id);
    renderOrders([authorizationId], operation.openerId);
    announce(t().working[kind](money(operation.shown), reference));
    const path =
      kind === 'capture' || kind === 'release'
        ? `${ADMIN}/authorizations/${encodeURIComponent(authorizationId)}/${kind}`
        : `${ADMIN}/authorizations/${encodeURIComponent(authorizationId)}/captures/${encodeURIComponent(captureId)}/${kind}`;
    try {
      const result = await call(path, {
        method: 'POST',
        headers: { 'idempotency-key': operation.key },
        body: JSON.stringify(amount === undefined ? {} : { amount }),
      });
      state.drafts.delete(operation.field);
      let fresh;
      try {
        fresh = await refreshOrder(authorizationId);
      } catch {
        /* the outcome stands; the row shows what was known */
      }
      state.busy.delete(authorizationId);
      renderOrders(rowsOfAccount(fresh?.accountNumber ?? order?.accountNumber, authorizationId), operation.openerId);
      const credit = fresh ? state.credits.get(fresh.accountNumber) : undefined;
      announce(t().done[kind](money(result.amount), reference) + (typeof credit === 'number' ? t().creditNow(money(credit)) : ''));
    } catch (error) {
      state.busy.delete(authorizationId);
      if (KEY_CODES.has(error.code)) {
        askForKey('admin_key_invalid');
        return;
      }
      const retryable = error.retryable || RETRYABLE_CODES.has(error.code);
      // A refusal about amounts or a closed order: the order may have moved; show it as it is now.
      if (!retryable) await refreshOrder(authorizationId).catch(() => {});
      state.errors.set(id, { code: error.code, retry: retryable ? operation : null });
      renderOrders(rowsOfAccount(orderOf(authorizationId)?.accountNumber, authorizationId), operation.openerId);
      if (AMOUNT_CODES.has(error.code)) document.getElementById(operation.field)?.focus();
      announce(errorText(id, kind));
    }
  }

  function errorText(id, kind) {
    const { code } = state.errors.get(id);
    const errors = t().errors;
    const [, authorizationId, captureId] = id.split(':');
    const order = orderOf(authorizationId);
    const capture = order?.captures.find((c) => c.captureId === captureId);
    switch (code) {
      case 'invalid_amount':
        return errors.invalid_amount;
      case 'amount_exceeds_remaining':
        return errors.amount_exceeds_remaining(money(order?.remainingAmount ?? 0));
      case 'amount_exceeds_captured':
        return capture?.remainingAmount ? errors.amount_exceeds_captured(money(capture.remainingAmount), kind) : errors.capture_empty;
      case 'authorization_closed':
      case 'wrong_transaction_type':
      case 'return_window_passed':
      case 'refund_exceeds_balance':
      case 'operation_in_progress':
      case 'operation_in_doubt':
      case 'not_permitted':
        return errors[code];
      case 'authorization_not_found':
      case 'capture_not_found':
        return errors.not_found;
      default:
        return state.errors.get(id).retry ? errors.unavailable : errors.other(code);
    }
  }

  function rowsOfAccount(accountNumber, authorizationId) {
    const ids = state.orders.filter((o) => o.accountNumber === accountNumber).map((o) => o.authorizationId);
    return ids.length ? ids : [authorizationId];
  }

  function askForKey(reason) {
    state.key = '';
    sessionStorage.removeItem(KEY_STORAGE);
    state.view = 'key';
    state.keyError = reason;
    renderAll();
    document.getElementById('admin-key')?.focus();
    announce(reason === 'admin_off' ? t().adminOff : t().keyInvalid);
  }

  function announce(text) {
    status.textContent = text;
  }

  // ── Rendering ──

  function renderAll() {
    const focused = focusedId();
    view.replaceChildren(state.view === 'key' ? renderKeyForm() : renderList());
    restoreFocus(focused, []);
  }

  function renderKeyForm() {
    const texts = t();
    const message = state.keyError ? { empty: texts.keyEmpty, admin_off: texts.adminOff, load_failed: texts.loadFailed }[state.keyError] ?? texts.keyInvalid : '';
    const input = h('input', {
      id: 'admin-key',
      name: 'admin-key',
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      required: true,
      'aria-describedby': message ? 'admin-key-hint admin-key-error' : 'admin-key-hint',
      'aria-invalid': message ? 'true' : undefined,
    });
    input.value = state.drafts.get('admin-key') ?? '';
    input.addEventListener('input', () => state.drafts.set('admin-key', input.value));
    const form = h(
      'form',
      { class: 'admin-key', novalidate: true, 'aria-labelledby': 'admin-key-title' },
      h('h2', { id: 'admin-key-title' }, texts.keyTitle),
      h('label', { for: 'admin-key' }, texts.keyLabel),
      h('p', { id: 'admin-key-hint', class: 'hint' }, texts.keyHint),
      input,
      message ? h('p', { id: 'admin-key-error', class: 'error' }, message) : null,
      h('button', { type: 'submit', class: 'primary' }, texts.keySubmit),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) {
        state.keyError = 'empty';
        renderAll();
        document.getElementById('admin-key')?.focus();
        announce(t().keyEmpty);
        return;
      }
      state.key = key;
      state.keyError = null;
      if (await loadOrders()) {
        sessionStorage.setItem(KEY_STORAGE, key);
        state.drafts.delete('admin-key');
        document.getElementById('orders-title')?.focus();
      }
    });
    return form;
  }

  function renderList() {
    const texts = t();
    const c = texts.columns;
    const toolbar = h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', id: 'orders-refresh', onclick: () => void loadOrders(), 'aria-disabled': state.loading ? 'true' : undefined }, texts.refresh),
      h('button', { type: 'button', id: 'orders-forget', onclick: forgetKey }, texts.forgetKey),
    );
    const head = h(
      'thead',
      {},
      h('tr', {}, ...['reference', 'date', 'amount', 'plan', 'state', 'captured', 'remaining', 'returned', 'credit', 'actions'].map((name) => h('th', { scope: 'col' }, c[name]))),
    );
    const body = h('tbody', { id: 'orders-rows' });
    if (state.loading && state.orders.length === 0) body.append(h('tr', {}, h('td', { colspan: 10 }, texts.loading)));
    else if (state.loadError) body.append(h('tr', {}, h('td', { colspan: 10 }, h('p', { class: 'error' }, texts.loadFailed))));
    else if (state.orders.length === 0) body.append(h('tr', {}, h('td', { colspan: 10 }, texts.none)));
    else body.append(...state.orders.map(renderRow));
    return h(
      'section',
      { class: 'orders', 'aria-labelledby': 'orders-title' },
      h('h2', { id: 'orders-title', tabindex: '-1' }, texts.ordersTitle),
      toolbar,
      h('table', { class: 'orders-table', 'aria-busy': state.loading ? 'true' : undefined }, h('caption', {}, texts.caption), head, body),
      state.truncated ? h('p', { class: 'hint' }, texts.truncated(state.orders.length)) : null,
    );
  }

  function forgetKey() {
    sessionStorage.removeItem(KEY_STORAGE);
    state.key = '';
    state.view = 'key';
    state.keyError = null;
    state.orders = [];
    renderAll();
    document.getElementById('admin-key')?.focus();
  }

  /** Redraws some orders' rows in place, keeping focus on what had it (or `fallback`). */
  function renderOrders(ids, fallback) {
    const focused = focusedId();
    for (const authorizationId of ids) {
      const order = orderOf(authorizationId);
      const row = document.getElementById(rowId(authorizationId));
      if (order && row) row.replaceWith(renderRow(order));
    }
    restoreFocus(focused, [fallback, ...ids.map((id) => `${rowId(id)}-ref`)]);
  }

  function renderRow(order) {
    const texts = t();
    const c = texts.columns;
    const credit = state.credits.get(order.accountNumber);
    const plan = order.plan.type === 'promotional' ? texts.promotional(order.plan.planId, order.plan.term) : texts.regular;
    const cell = (column, ...content) => h('td', { 'data-column': column, 'data-label': c[column] }, ...content);
    return h(
      'tr',
      { id: rowId(order.authorizationId), 'aria-busy': state.busy.has(order.authorizationId) ? 'true' : undefined },
      h('th', { scope: 'row', id: `${rowId(order.authorizationId)}-ref`, tabindex: '-1', 'data-label': c.reference }, order.reference ?? order.authorizationId),
      cell('date', date(order.createdAt)),
      cell('amount', money(order.amount)),
      cell('plan', plan),
      cell('state', h('span', { class: `state state-${order.state}` }, texts.states[order.state] ?? order.state)),
      cell('captured', money(order.capturedAmount)),
      cell('remaining', money(order.remainingAmount)),
      cell('returned', money(order.returnedAmount + order.refundedAmount)),
      cell('credit', typeof credit === 'number' ? money(credit) : texts.notKnown),
      cell('actions', renderActions(order)),
    );
  }

  function renderActions(order) {
    const texts = t();
    const parts = [];
    const open = order.status === 'opened' && order.remainingAmount > 0;
    if (open) {
      parts.push(renderAmountAction('capture', order, undefined, order.remainingAmount));
      parts.push(renderButtonAction('release', order));
    }
    // An action refused because the order moved elsewhere may be gone from the row: its error stays.
    const leftOver = (kind, captureId) => {
      const id = actionId(kind, order.authorizationId, captureId);
      return state.errors.has(id) ? renderError(id, kind, domId(id)) : null;
    };
    if (!open) parts.push(...[leftOver('capture'), leftOver('release')].filter(Boolean));
    const captures = order.captures.map((capture) => {
      const returnable = order.plan.type === 'promotional' && Date.now() - Date.parse(capture.date) <= RETURN_WINDOW_MS;
      const kind = returnable ? 'return' : 'refund';
      return h(
        'li',
        {},
        h('p', { class: 'capture-line' }, texts.captureLine(money(capture.amount), date(capture.date)), h('br'),
          capture.remainingAmount > 0 ? texts.captureLeft(money(capture.remainingAmount)) : texts.captureDone),
        capture.remainingAmount > 0
          ? renderAmountAction(kind, order, capture, capture.remainingAmount)
          : [leftOver('return', capture.captureId), leftOver('refund', capture.captureId)],
      );
    });
    if (captures.length) parts.push(h('ul', { class: 'captures' }, ...captures));
    if (!parts.length) parts.push(h('p', { class: 'hint' }, texts.nothingToDo));
    return parts;
  }

  function renderAmountAction(kind, order, capture, all) {
    const texts = t();
    const id = actionId(kind, order.authorizationId, capture?.captureId);
    const dom = domId(id);
    const field = `${dom}-amount`;
    const error = state.errors.get(id);
    const fieldError = error && AMOUNT_CODES.has(error.code);
    const input = h('input', {
      id: field,
      type: 'text',
      inputmode: 'decimal',
      autocomplete: 'off',
      size: 9,
      'aria-describedby': [`${dom}-hint`, error ? `${dom}-error` : null].filter(Boolean).join(' '),
      'aria-invalid': fieldError ? 'true' : undefined,
    });
    input.value = state.drafts.get(field) ?? '';
    input.addEventListener('input', () => state.drafts.set(field, input.value));
    // Enter in the field asks, as the button does.
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        ask(kind, order, capture, dom);
      }
    });
    return h(
      'div',
      { class: 'action' },
      h('label', { for: field }, texts.amountLabel[kind]),
      h('span', { id: `${dom}-hint`, class: 'hint' }, texts.amountHint(money(all))),
      h('span', { class: 'inline' }, input, actionButton(kind, order, capture, dom)),
      renderError(id, kind, dom),
    );
  }

  function renderButtonAction(kind, order) {
    const id = actionId(kind, order.authorizationId);
    const dom = domId(id);
    return h('div', { class: 'action' }, actionButton(kind, order, undefined, dom), renderError(id, kind, dom));
  }

  function actionButton(kind, order, capture, dom) {
    const busy = state.busy.has(order.authorizationId);
    return h(
      'button',
      {
        type: 'button',
        id: dom,
        'aria-disabled': busy ? 'true' : undefined,
        onclick: () => ask(kind, order, capture, dom),
      },
      t().button[kind],
      visuallyHidden(`, ${t().ofOrder(order.reference ?? order.authorizationId)}`),
    );
  }

  function renderError(id, kind, dom) {
    const error = state.errors.get(id);
    if (!error) return null;
    return h(
      'div',
      { class: 'error-box' },
      h('p', { id: `${dom}-error`, class: 'error' }, errorText(id, kind)),
      error.retry
        ? h('button', { type: 'button', id: `${dom}-retry`, onclick: () => void run(error.retry) }, t().tryAgain)
        : null,
    );
  }

  function focusedId() {
    const active = document.activeElement;
    return active && host.contains(active) && active.id ? active.id : null;
  }

  /**
   * After a redraw: focus where it was (the same id), else on the first of `fallbacks` there is.
   * Only when focus was in the back office and the redraw took it away.
   */
  function restoreFocus(previous, fallbacks) {
    if (dialog.open || (previous === null && !fallbacks[0])) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    for (const id of [previous, ...fallbacks]) {
      const target = id && document.getElementById(id);
      if (target && host.contains(target)) {
        target.focus();
        return;
      }
    }
  }

  // ── Language ──

  const observer = new MutationObserver(() => {
    const lang = langOf(host);
    if (lang === state.lang) return;
    state.lang = lang;
    if (dialog.open) dialog.close('cancel');
    renderAll();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });

  if (state.key) {
    state.view = 'orders';
    void loadOrders();
  } else {
    renderAll();
  }

  return {
    destroy() {
      observer.disconnect();
      if (dialog.open) dialog.close('cancel');
      host.replaceChildren();
      host.classList.remove('orders-app');
    },
  };
}

function langOf(node) {
  const lang = node.closest('[lang]')?.getAttribute('lang') ?? '';
  return lang.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA';
}

function readStoredKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

function sortNewestFirst(orders) {
  return [...orders].sort((a, b) => (a.createdAt === b.createdAt ? b.authorizationId.localeCompare(a.authorizationId) : a.createdAt < b.createdAt ? 1 : -1));
}

const rowId = (authorizationId) => `order-${authorizationId}`;
const actionId = (kind, authorizationId, captureId) => [kind, authorizationId, captureId].filter(Boolean).join(':');
const domId = (id) => id.replaceAll(':', '-');

// The page: /orders.html has `#back-office`; a test page imports this module and mounts it itself.
const page = document.querySelector('#back-office');
if (page) {
  setUpLanguage();
  mountOrders(page);
}
