/**
 * Flexiti's HTML (terms, the messages of some decisions) as the handler sends it: sanitised on the
 * server, so only text formatting and links to `https:`, `mailto:` and `tel:` arrive. The element
 * parses it in a `<template>`, where nothing loads or runs, and adds what is presentation: links
 * open in a new tab without access to this page, and headings move under the element's own level.
 *
 * One cache per element: the same HTML gives the same node, so re-renders leave it (and its scroll
 * position) alone. Flexiti sends a handful of distinct texts (terms per province and language,
 * decision messages).
 */
export class FlexitiHtml {
  private readonly nodes = new Map<string, HTMLElement>();

  /** `html` in a `<div>` to render as a Lit child; `headingLevel` is where Flexiti's top heading lands. */
  get(html: string, headingLevel = 3): HTMLElement {
    const key = `${headingLevel}:${html}`;
    let node = this.nodes.get(key);
    if (!node) {
      node = document.createElement('div');
      node.append(parseFlexitiHtml(html, headingLevel));
      this.nodes.set(key, node);
    }
    return node;
  }
}

/** The nodes of the handler's sanitised `html`. */
export function parseFlexitiHtml(html: string, headingLevel = 3): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const fragment = template.content;
  for (const link of fragment.querySelectorAll('a')) {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
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
