// Shared by the demo pages: page language from ?lang=, and an event log.
export function setUpLanguage() {
  const lang = new URLSearchParams(location.search).get('lang') === 'fr-CA' ? 'fr-CA' : 'en-CA';
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-en]')) {
    node.textContent = lang === 'fr-CA' ? node.dataset.fr : node.dataset.en;
  }
  for (const link of document.querySelectorAll('[data-lang]')) {
    if (link.dataset.lang === lang) link.setAttribute('aria-current', 'page');
    link.addEventListener('click', (event) => {
      // Switch in place: the element re-renders and keeps what was typed.
      event.preventDefault();
      history.replaceState(null, '', `?lang=${link.dataset.lang}`);
      setUpLanguage();
    });
  }
  for (const link of document.querySelectorAll('[data-lang]')) {
    if (link.dataset.lang === lang) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  return lang;
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
