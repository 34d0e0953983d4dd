/**
 * What the React and Vue demo pages share: the page language (set up as on the other pages, and
 * followed as it changes), the event log entries, and the order as the server recorded it.
 */
import type { FlexitiApprovedEvent } from '../../src/events/index.js';
import { setUpLanguage } from '../public/demo.js';

export type Lang = 'en-CA' | 'fr-CA';

/** The fixed cart these pages pay; the server decides the amount charged (`resolveOrder`). */
export const ORDER = { tokenUrl: '/api/flexiti/session', amount: 1249.99 };

/** `?lang=` and the language links, as on the other demo pages. */
export const startLanguage = (): Lang => setUpLanguage();

export const pageLanguage = (): Lang => (document.documentElement.lang === 'fr-CA' ? 'fr-CA' : 'en-CA');

/** Calls `callback` whenever the page language changes; returns the unsubscribe function. */
export function onLanguageChange(callback: () => void): () => void {
  const observer = new MutationObserver(callback);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

export interface LogEntry {
  id: number;
  name: string;
  detail: string;
}

let entries = 0;
export const logEntry = (event: Event & { detail: unknown }): LogEntry => ({ id: ++entries, name: event.type, detail: JSON.stringify(event.detail) });

export interface RecordedOrder {
  reference: string;
  paid: boolean;
  authorizationId: string | null;
}

/** The order as the server's `onPurchase` hook recorded it: browser events are for the UI only. */
export async function recordedOrder(reference: string): Promise<RecordedOrder> {
  const response = await fetch(`/demo/orders/${encodeURIComponent(reference)}`);
  return (await response.json()) as RecordedOrder;
}

export function paidText(order: RecordedOrder, lang: Lang): string {
  if (lang === 'fr-CA') {
    return order.paid
      ? `La commande ${order.reference} est payée (autorisation ${order.authorizationId}), d’après le serveur.`
      : 'Le serveur n’a aucune trace de ce paiement.';
  }
  return order.paid
    ? `Order ${order.reference} is paid (authorization ${order.authorizationId}), as recorded by the server.`
    : 'The server has no record of this payment.';
}

/**
 * The checkout's props for the page's order, the same names in React and Vue: every event goes
 * to the log, and a purchase fetches what the server recorded of the order.
 */
export function checkoutProps(lang: Lang, log: (entry: LogEntry) => void, paid: (order: RecordedOrder) => void) {
  const record = (event: Event & { detail: unknown }) => log(logEntry(event));
  return {
    tokenUrl: ORDER.tokenUrl,
    amount: ORDER.amount,
    lang,
    onFlexitiReady: record,
    onFlexitiSubmit: record,
    onFlexitiApproved: (event: FlexitiApprovedEvent) => {
      record(event);
      if (event.detail.kind === 'purchase') void recordedOrder(event.detail.reference).then(paid);
    },
    onFlexitiDeclined: record,
    onFlexitiPending: record,
    onFlexitiCancel: record,
    onFlexitiError: record,
  };
}

