import type { DOMPurify } from 'dompurify';
import { RequestError } from '../../client/handler-client.js';

/**
 * Flexiti sends HTML (terms, decline messages). It is untrusted: only text formatting and links
 * survive; links open in a new tab without access to this page; headings are moved under the
 * element's own heading level.
 */
const ALLOWED_TAGS = ['a', 'b', 'br', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'li', 'ol', 'p', 'small', 'span', 'strong', 'u', 'ul'];
const ALLOWED_ATTR = ['href'];

let purifier: DOMPurify | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads DOMPurify, a chunk of its own in the script-tag bundle: only a shopper who sees Flexiti's
 * HTML (the application) needs it, and the elements load it alongside the request that brings the
 * HTML. A failed load is a retryable network error, and the next call tries again.
 */
export function loadSanitizer(): Promise<void> {
  loading ??= import('dompurify').then(
    ({ default: create }) => void (purifier ??= configure(create(window))),
    () => {
      loading = undefined;
      throw new RequestError('network', true);
    },
  );
  return loading;
}

/** Our own instance: hooks added here never affect the page's DOMPurify. */
function configure(own: DOMPurify): DOMPurify {
  own.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^(https:|mailto:|tel:)/i.test(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return own;
}

/**
 * Sanitised HTML in a `<div>` to render as a Lit child, one cache per element: the same HTML
 * gives the same node, so re-renders leave it (and its scroll position) alone. Flexiti sends a
 * handful of distinct texts (terms per province and language, decision messages).
 */
export class SanitizedHtml {
  private readonly nodes = new Map<string, HTMLElement>();

  get(html: string, headingLevel = 3): HTMLElement {
    const key = `${headingLevel}:${html}`;
    let node = this.nodes.get(key);
    if (!node) {
      node = document.createElement('div');
      if (!purifier) {
        // Not loaded (a failed chunk): the text alone, from an inert document where nothing runs.
        node.textContent = new DOMParser().parseFromString(html, 'text/html').body.textContent;
        return node;
      }
      node.append(sanitize(html, headingLevel));
      this.nodes.set(key, node);
    }
    return node;
  }
}

/** Sanitised nodes; `headingLevel` is where Flexiti's top heading lands. */
export function sanitize(html: string, headingLevel = 3): DocumentFragment {
  if (!purifier) throw new Error('loadSanitizer() first');
  const fragment = purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ADD_ATTR: ['target', 'rel'],
    RETURN_DOM_FRAGMENT: true,
  });
  // Flexiti's top heading level lands on `headingLevel`, the rest keep their relative depth.
  const headings = [...fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  for (const heading of headings) {
    const level = Math.min(6, Number(heading.tagName[1]) - top + headingLevel);
    const moved = document.createElement(`h${level}`);
    moved.append(...heading.childNodes);
    heading.replaceWith(moved);
  }
  return fragment;
}
