import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../schemas/contract.js';
import { formatMoney } from '../i18n/numbers.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The shopper's language: the element's own `lang`, else the nearest ancestor's (across shadow
 * roots), else `<html lang>`, else English. Re-renders the host when any of those change. Brings
 * no words: each element has its own dictionaries.
 */
export class LangController implements ReactiveController {
  private static readonly hosts = new Set<Host>();
  private static observer: MutationObserver | undefined;

  constructor(protected readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    LangController.hosts.add(this.host);
    // One observer for every element on the page: `lang` changes anywhere re-render them.
    LangController.observer ??= new MutationObserver(() => {
      for (const host of LangController.hosts) host.requestUpdate();
    });
    LangController.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    // The host's own `lang`, also when it sits in another component's shadow root.
    LangController.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    LangController.hosts.delete(this.host);
  }

  get lang(): Lang {
    let node: Node | null = this.host;
    while (node) {
      if (node instanceof HTMLElement && node.lang) return toLang(node.lang);
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return toLang(document.documentElement.lang);
  }

  money(amount: number): string {
    return formatMoney(amount, this.lang);
  }
}

function toLang(value: string): Lang {
  return value.toLowerCase().startsWith('fr') ? 'fr-CA' : 'en-CA';
}
