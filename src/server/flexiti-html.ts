import xssDefault from 'xss';

// A CommonJS module: its default export is the whole module in Node and in bundlers alike, where
// only some of its names would be found as named exports.
const xss = xssDefault as unknown as typeof import('xss');

/**
 * Flexiti sends HTML (the terms, the messages of some decisions). It is untrusted, so the handler
 * sanitises it before it leaves the server: only text formatting and links survive, links only to
 * `https:`, `mailto:` and `tel:`; every other tag goes (its text stays), and scripts, styles and
 * what cannot show as text go with their content. No attribute survives but a link's `href`.
 *
 * The elements then parse it inertly and add what is presentation (heading levels, links opening
 * in a new tab without access to the page).
 */
export const FLEXITI_HTML_TAGS = ['a', 'b', 'br', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'li', 'ol', 'p', 'small', 'span', 'strong', 'u', 'ul'] as const;

const LINK = /^(https:|mailto:|tel:)/i;

const filter = new xss.FilterXSS({
  whiteList: Object.fromEntries(FLEXITI_HTML_TAGS.map((tag) => [tag, tag === 'a' ? ['href'] : []])),
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'textarea', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'xmp', 'plaintext'],
  allowCommentTag: false,
  css: false,
  onTagAttr(tag, name, value) {
    if (tag !== 'a' || name !== 'href') return '';
    // xss's own check first (it decodes entities and refuses `javascript:` and its disguises),
    // then only the schemes a shopper may follow: a link without them is text.
    const safe = xss.safeAttrValue(tag, name, value, undefined as never);
    return LINK.test(safe) ? `href="${safe}"` : '';
  },
});

/** `html` as it may reach a shopper's browser. */
export function sanitizeFlexitiHtml(html: string): string {
  return filter.process(html);
}
