/**
 * The option lists `merchants/login` returns, in English (Flexiti's own values) and
 * Canadian French. Both languages share every key; only the labels differ.
 */
import type { Lang } from './messages.js';
import { PLANS, type OfferCategory } from './plans.js';
import type { ProvinceCode, Salutation } from './personas.js';

export const MERCHANT = { id: '382', name: 'European Restorations' } as const;

type Labels<K extends string> = Readonly<Record<K, string>>;

const SALUTATIONS: Record<Lang, Labels<Salutation>> = {
  en: { mr: 'Mr.', ms: 'Ms.', mrs: 'Mrs.', mss: 'Miss.' },
  fr: { mr: 'M.', ms: 'Mme', mrs: 'Mme', mss: 'Mlle' },
};

const PROVINCES: Record<Lang, Labels<ProvinceCode>> = {
  en: {
    AB: 'Alberta',
    BC: 'British Columbia',
    MB: 'Manitoba',
    NB: 'New Brunswick',
    NL: 'Newfoundland & Labrador',
    NS: 'Nova Scotia',
    NT: 'Northwest Territories',
    NU: 'Nunavut',
    ON: 'Ontario',
    PE: 'Prince Edward Island',
    QC: 'Quebec',
    SK: 'Saskatchewan',
    YT: 'Yukon Territory',
  },
  fr: {
    AB: 'Alberta',
    BC: 'Colombie-Britannique',
    MB: 'Manitoba',
    NB: 'Nouveau-Brunswick',
    NL: 'Terre-Neuve-et-Labrador',
    NS: 'Nouvelle-Écosse',
    NT: 'Territoires du Nord-Ouest',
    NU: 'Nunavut',
    ON: 'Ontario',
    PE: 'Île-du-Prince-Édouard',
    QC: 'Québec',
    SK: 'Saskatchewan',
    YT: 'Territoire du Yukon',
  },
};

export const SECURITY_QIDS = ['4', '5', '6', '7', '8', '9'] as const;
export type SecurityQid = (typeof SECURITY_QIDS)[number];

const SECURITY_QUESTIONS: Record<Lang, Labels<SecurityQid>> = {
  en: {
    '4': 'What is the name of your favourite childhood friend?',
    '5': 'What is the country of your ultimate dream vacation?',
    '6': 'What was the first concert you attended?',
    '7': 'What is the name of the street you grew up on?',
    '8': 'What is the name of your first grade teacher?',
    '9': 'What is your favourite movie?',
  },
  fr: {
    '4': 'Quel est le nom de votre meilleur ami ou de votre meilleure amie d’enfance?',
    '5': 'Dans quel pays rêvez-vous de passer vos vacances idéales?',
    '6': 'Quel a été le premier concert auquel vous avez assisté?',
    '7': 'Quel est le nom de la rue où vous avez grandi?',
    '8': 'Quel est le nom de votre enseignant ou enseignante de première année?',
    '9': 'Quel est votre film préféré?',
  },
};

export const GOVID_TYPES = [
  'CADL', 'CAHC', 'CAPID', 'CAP', 'CAPRC', 'CAICBC', 'CAAR', 'CASGI', 'CADSNS', 'CADPPEI', 'CASNB',
  'CADGSNF', 'CADTNW', 'CADCTN', 'CACSC', 'CAGCEC', 'CALCB', 'CACFL', 'CACFID', 'CAMPIC', 'CACAID',
] as const;
export type GovidType = (typeof GOVID_TYPES)[number];

const GOVID_NAMES: Record<Lang, Labels<GovidType>> = {
  en: {
    CADL: "Driver's Licence",
    CAHC: 'Health Card',
    CAPID: 'Provincial ID Card',
    CAP: 'Passport',
    CAPRC: 'Permanent Resident Card',
    CAICBC: 'Insurance Corporation of British Columbia',
    CAAR: 'Alberta Registries',
    CASGI: 'Saskatchewan Government Insurance',
    CADSNS: 'Department of Service Nova Scotia and Municipal Relations',
    CADPPEI: 'Department of Transportation and Public Works of the Province of Prince Edward Island',
    CASNB: 'Service New Brunswick',
    CADGSNF: 'Department of Government Services and Lands of the Province of Newfoundland and Labrador',
    CADTNW: 'Department of Transportation of the Northwest Territories',
    CADCTN: 'Department of Community Government and Transportation of the Territory of Nunavut',
    CACSC: "Correctional Service Canada identification card (with the individual's name and photograph)",
    CAGCEC: "Government of Canada employee identity card (with the individual's name and photograph)",
    CALCB: 'Liquor Control Board Age of Majority (BYID) card',
    CACFL: 'Canadian Firearms licence',
    CACFID: 'Canadian Forces identification card',
    CAMPIC: 'MPIC card issued by the Manitoba Public Insurance Corporation',
    CACAID: 'NEXUS or CANPASS Air membership card (issued by Canada Border Services Agency)',
  },
  fr: {
    CADL: 'Permis de conduire',
    CAHC: 'Carte d’assurance maladie',
    CAPID: 'Carte d’identité provinciale',
    CAP: 'Passeport',
    CAPRC: 'Carte de résident permanent',
    CAICBC: 'Insurance Corporation of British Columbia (ICBC)',
    CAAR: 'Registres de l’Alberta',
    CASGI: 'Saskatchewan Government Insurance (SGI)',
    CADSNS: 'Ministère de Service Nouvelle-Écosse et des Relations avec les municipalités',
    CADPPEI: 'Ministère des Transports et des Travaux publics de l’Île-du-Prince-Édouard',
    CASNB: 'Service Nouveau-Brunswick',
    CADGSNF: 'Ministère des Services gouvernementaux et des Terres de Terre-Neuve-et-Labrador',
    CADTNW: 'Ministère des Transports des Territoires du Nord-Ouest',
    CADCTN: 'Ministère des Services communautaires et gouvernementaux et des Transports du Nunavut',
    CACSC: 'Carte d’identité du Service correctionnel du Canada (avec le nom et la photo de la personne)',
    CAGCEC: 'Carte d’identité d’employé du gouvernement du Canada (avec le nom et la photo de la personne)',
    CALCB: 'Carte d’âge de la majorité (BYID) de la régie des alcools',
    CACFL: 'Permis d’armes à feu canadien',
    CACFID: 'Carte d’identité des Forces canadiennes',
    CAMPIC: 'Carte SAPM délivrée par la Société d’assurance publique du Manitoba',
    CACAID: 'Carte de membre NEXUS ou CANPASS Air (délivrée par l’Agence des services frontaliers du Canada)',
  },
};

/** Who may issue each kind of identity document (`govid_issued_by.option_depends`). */
const GOVID_ISSUERS: Readonly<Record<GovidType, readonly (ProvinceCode | 'CANADA')[]>> = {
  CADL: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
  CAHC: ['BC', 'NB', 'NL', 'NT', 'NU', 'QC', 'SK', 'YT'],
  CAPID: ['ON'],
  CAP: ['CANADA'],
  CAPRC: ['CANADA'],
  CAICBC: ['BC'],
  CAAR: ['AB'],
  CASGI: ['SK'],
  CADSNS: ['NS'],
  CADPPEI: ['PE'],
  CASNB: ['NB'],
  CADGSNF: ['NL'],
  CADTNW: ['NT'],
  CADCTN: ['NU'],
  CACSC: ['CANADA'],
  CAGCEC: ['CANADA'],
  CALCB: ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'],
  CACFL: ['CANADA'],
  CACFID: ['CANADA'],
  CAMPIC: ['MB'],
  CACAID: ['CANADA'],
};

export function isSalutation(value: string): value is Salutation {
  return Object.hasOwn(SALUTATIONS.en, value);
}

export function isSecurityQid(value: string): value is SecurityQid {
  return (SECURITY_QIDS as readonly string[]).includes(value);
}

export function isGovidType(value: string): value is GovidType {
  return (GOVID_TYPES as readonly string[]).includes(value);
}

export function isGovidIssuer(type: GovidType, issuer: string): boolean {
  return (GOVID_ISSUERS[type] as readonly string[]).includes(issuer);
}

export function securityQuestion(qid: number, lang: Lang): string {
  const key = String(qid);
  return isSecurityQid(key) ? SECURITY_QUESTIONS[lang][key] : '';
}

function issuerName(code: ProvinceCode | 'CANADA', lang: Lang): string {
  return code === 'CANADA' ? 'Canada' : PROVINCES[lang][code];
}

export interface OfferType {
  plan_name: string;
  term_options: number[];
  plan_id: string;
  offer_category: OfferCategory;
}

export interface MerchantLogin {
  merchant_name: string;
  merchant_id: string;
  form_values: {
    salutation: { options: Record<string, string> };
    province: { options: Record<string, string> };
    security_qid: { options: Record<string, string> };
    govid_type: { options: Record<string, string> };
    govid_issued_by: { option_depends: Record<string, Record<string, string>> };
    offer_types: OfferType[];
  };
}

/** The `merchants/login` body; `offer_types` sits inside `form_values`, as in Flexiti's example. */
export function merchantLogin(lang: Lang): MerchantLogin {
  const optionDepends: Record<string, Record<string, string>> = {};
  for (const type of GOVID_TYPES) {
    optionDepends[type] = Object.fromEntries(GOVID_ISSUERS[type].map((code) => [code, issuerName(code, lang)]));
  }
  return {
    merchant_name: MERCHANT.name,
    merchant_id: MERCHANT.id,
    form_values: {
      salutation: { options: { ...SALUTATIONS[lang] } },
      province: { options: { ...PROVINCES[lang] } },
      security_qid: { options: { ...SECURITY_QUESTIONS[lang] } },
      govid_type: { options: { ...GOVID_NAMES[lang] } },
      govid_issued_by: { option_depends: optionDepends },
      offer_types: PLANS.map((plan) => ({
        plan_name: plan.name[lang],
        term_options: [...plan.terms],
        plan_id: String(plan.id),
        offer_category: plan.category,
      })),
    },
  };
}
