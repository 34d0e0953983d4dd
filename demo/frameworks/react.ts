/**
 * /react.html: `<flexiti-checkout>` in a React app through `flexiti-checkout/react`. The page
 * language is a prop, the event log is React state filled by the `onFlexiti…` props.
 * Bundled by `demo/vite.config.ts` (React publishes no browser modules).
 */
import { Fragment, createElement as h, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { FlexitiCheckout, type FlexitiApprovedEvent } from '../../src/react.js';
import { ORDER, logEntry, onLanguageChange, pageLanguage, paidText, recordedOrder, startLanguage, type LogEntry, type RecordedOrder } from './page.js';

function Checkout({ log }: { log: HTMLElement }) {
  const lang = useSyncExternalStore(onLanguageChange, pageLanguage);
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [order, setOrder] = useState<RecordedOrder>();
  const record = (event: Event & { detail: unknown }) => setEntries((list) => [logEntry(event), ...list]);
  const approved = (event: FlexitiApprovedEvent) => {
    record(event);
    if (event.detail.kind === 'purchase') void recordedOrder(event.detail.reference).then(setOrder);
  };

  return h(
    Fragment,
    null,
    h(FlexitiCheckout, {
      tokenUrl: ORDER.tokenUrl,
      amount: ORDER.amount,
      lang,
      onFlexitiReady: record,
      onFlexitiSubmit: record,
      onFlexitiApproved: approved,
      onFlexitiDeclined: record,
      onFlexitiPending: record,
      onFlexitiCancel: record,
      onFlexitiError: record,
    }),
    h('p', { className: 'paid', role: 'status' }, order ? paidText(order, lang) : ''),
    createPortal(
      entries.map((entry) => h('li', { key: entry.id }, h('strong', null, entry.name), ' ', h('code', null, entry.detail))),
      log,
    ),
  );
}

startLanguage();
createRoot(document.querySelector('#app')!).render(h(Checkout, { log: document.querySelector<HTMLElement>('#log')! }));
