import { css } from 'lit';

/**
 * Two tiers of design tokens: the public `--flexiti-*` custom properties a merchant sets, and
 * private `--_*` values the styles use, resolved once on `:host` with fallbacks. Each default is
 * a `light-dark()` pair: the scheme follows `prefers-color-scheme` unless `theme="light"` or
 * `theme="dark"` says otherwise. A merchant's colour applies to both schemes, or is itself a
 * `light-dark()` pair.
 */
export const tokens = css`
  :host {
    --_primary: var(--flexiti-color-primary, light-dark(#0b5cad, #8ec5ff));
    --_on-primary: var(--flexiti-color-on-primary, light-dark(#ffffff, #0a1a2e));
    --_text: var(--flexiti-color-text, light-dark(#1d2330, #eef1f6));
    --_muted: var(--flexiti-color-text-muted, light-dark(#4a5261, #c0c7d3));
    --_surface: var(--flexiti-color-surface, light-dark(#ffffff, #161a21));
    --_surface-alt: var(--flexiti-color-surface-alt, light-dark(#f3f5f8, #222834));
    --_border: var(--flexiti-color-border, light-dark(#7a8291, #8d96a5));
    --_error: var(--flexiti-color-error, light-dark(#b3261e, #ffb4ab));
    --_success: var(--flexiti-color-success, light-dark(#1b6e3a, #8fdaa5));
    --_focus: var(--flexiti-color-focus, light-dark(#0b5cad, #8ec5ff));
    --_radius: var(--flexiti-radius, 6px);
    --_font: var(--flexiti-font-family, system-ui, sans-serif);
    --_space: var(--flexiti-spacing, 1rem);
    --_max-width: var(--flexiti-max-width, 44rem);

    display: block;
    box-sizing: border-box;
    max-width: var(--_max-width);
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
    /* The scheme picks each light-dark() pair: the shopper's, unless theme says otherwise. */
    color-scheme: light dark;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  .reserve {
    min-height: var(--flexiti-loading-height, 100vh);
  }

  /* Carries the resolved language to the content; lays nothing out itself. */
  .content {
    display: contents;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
