/**
 * /react.html: `<flexiti-checkout>` in a React app through `flexiti-checkout/react`. The page
 * language is a prop, the event log is React state filled by the `onFlexiti…` props.
 * Bundled by `demo/vite.config.ts` (React publishes no browser modules).
 */
import { Fragment, createElement as h, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { FlexitiCheckout } from '../../src/react.js';
import { checkoutProps, onLanguageChange, pageLanguage, paidText, startLanguage, type LogEntry, type RecordedOrder } from './page.js';

function Checkout({ log }: { log: HTMLElement }) {
  const lang = useSyncExternalStore(onLanguageChange, pageLanguage);
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const [order, setOrder] = useState<RecordedOrder>();

  return h(
    Fragment,
    null,
    h(FlexitiCheckout, checkoutProps(lang, (entry) => setEntries((list) => [entry, ...list]), setOrder)),
    h('p', { className: 'paid', role: 'status' }, order ? paidText(order, lang) : ''),
    createPortal(
      entries.map((entry) => h('li', { key: entry.id }, h('strong', null, entry.name), ' ', h('code', null, entry.detail))),
      log,
    ),
  );
}

startLanguage();
createRoot(document.querySelector('#app')!).render(h(Checkout, { log: document.querySelector<HTMLElement>('#log')! }));
