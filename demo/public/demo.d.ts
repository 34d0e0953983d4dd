// Types of demo.js, for the React and Vue demo pages (demo/frameworks/), which bundle it.
/** Sets the page language from `?lang=` and makes the language links switch it in place. */
export function setUpLanguage(): 'en-CA' | 'fr-CA';
/** Logs every `flexiti-*` event of `element` at the top of `list`. */
export function logEvents(element: HTMLElement, list: HTMLElement): void;
