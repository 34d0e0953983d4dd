// Shared by the demo pages: page language from ?lang=, and an event log.

/** Writes the page in the language of `?lang=`: its texts, `<html lang>` and the current link. */
function showLanguage() {
  const lang = new URLSearchParams(location.search).get('lang') === 'fr-CA' ? 'fr-CA' : 'en-CA';
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-en]')) {
    node.textContent = lang === 'fr-CA' ? node.dataset.fr : node.dataset.en;
  }
  for (const link of document.querySelectorAll('[data-lang]')) {
    if (link.dataset.lang === lang) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  return lang;
}

/** The page's language, and its language links, which switch it in place (once per page). */
export function setUpLanguage() {
  for (const link of document.querySelectorAll('[data-lang]')) {
    link.addEventListener('click', (event) => {
      // Switch in place: the element re-renders and keeps what was typed.
      event.preventDefault();
      history.replaceState(null, '', `?lang=${link.dataset.lang}`);
      showLanguage();
    });
  }
  return showLanguage();
}

const EVENTS = ['flexiti-ready', 'flexiti-submit', 'flexiti-approved', 'flexiti-declined', 'flexiti-pending', 'flexiti-cancel', 'flexiti-error', 'flexiti-learn-more'];

export function logEvents(element, list) {
  for (const name of EVENTS) {
    element.addEventListener(name, (event) => {
      const item = document.createElement('li');
      const title = document.createElement('strong');
      title.textContent = name;
      const detail = document.createElement('code');
      detail.textContent = JSON.stringify(event.detail);
      item.append(title, ' ', detail);
      list.prepend(item);
    });
  }
}
