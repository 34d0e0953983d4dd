import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { commonEn } from '../i18n/common-en.js';
import { commonFr } from '../i18n/common-fr.js';
import type { CommonMessages } from '../i18n/messages.js';
import type { Lang } from '../schemas/index.js';
import { formatMoney, formatPercent } from '../i18n/numbers.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The shopper's language: the element's own `lang`, else the nearest ancestor's (across shadow
 * roots), else `<html lang>`, else English. Re-renders the host when any of those change.
 */
export class LocaleController implements ReactiveController {
  private static readonly hosts = new Set<Host>();
  private static observer: MutationObserver | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    LocaleController.hosts.add(this.host);
    // One observer for every element on the page: `lang` changes anywhere re-render them.
    LocaleController.observer ??= new MutationObserver(() => {
      for (const host of LocaleController.hosts) host.requestUpdate();
    });
    LocaleController.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    // The host's own `lang`, also when it sits in another component's shadow root.
    LocaleController.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    LocaleController.hosts.delete(this.host);
  }

  get lang(): Lang {
    let node: Node | null = this.host;
    while (node) {
      if (node instanceof HTMLElement && node.lang) return toLang(node.lang);
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return toLang(document.documentElement.lang);
  }

  /** What every element says; each part brings the rest of its own words (the application loads its with it). */
  get messages(): CommonMessages {
    return this.lang === 'fr-CA' ? commonFr : commonEn;
  }

  money(amount: number): string {
    return formatMoney(amount, this.lang);
  }

  percent(ratio: number): string {
    return formatPercent(ratio, this.lang);
  }
}

function toLang(value: string): Lang {
  return value.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA';
}
