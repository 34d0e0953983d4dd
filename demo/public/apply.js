// The demo's application page: language from ?lang=, and a live log of the element's events.
import { setUpLanguage, logEvents } from '/demo.js';

const element = document.querySelector('flexiti-apply');
setUpLanguage();
logEvents(element, document.querySelector('#log'));
