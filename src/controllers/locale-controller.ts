import { commonEn } from '../i18n/common-en.js';
import { commonFr } from '../i18n/common-fr.js';
import type { CommonMessages } from '../i18n/messages.js';
import { formatPercent } from '../i18n/numbers.js';
import { LangController } from './lang-controller.js';

/** The shopper's language (see `LangController`) with the words every checkout and application element says. */
export class LocaleController extends LangController {
  /** What every element says; each part brings the rest of its own words (the application loads its with it). */
  get messages(): CommonMessages {
    return this.lang === 'fr-CA' ? commonFr : commonEn;
  }

  percent(ratio: number): string {
    return formatPercent(ratio, this.lang);
  }
}
