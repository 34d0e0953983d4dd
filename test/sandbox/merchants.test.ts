import { describe, expect, it } from 'vitest';
import { errorUrl, useSandbox } from './helpers.js';

const h = useSandbox();

/** `POST merchants/login` 200 body, verbatim from Flexiti's documentation. */
const DOCUMENTED_LOGIN =
  {
    "merchant_name": "European Restorations",
    "merchant_id": "382",
    "form_values": {
      "salutation": {
        "options": {
          "mr": "Mr.",
          "ms": "Ms.",
          "mrs": "Mrs.",
          "mss": "Miss."
        }
      },
      "province": {
        "options": {
          "AB": "Alberta",
          "BC": "British Columbia",
          "MB": "Manitoba",
          "NB": "New Brunswick",
          "NL": "Newfoundland & Labrador",
          "NS": "Nova Scotia",
          "NT": "Northwest Territories",
          "NU": "Nunavut",
          "ON": "Ontario",
          "PE": "Prince Edward Island",
          "QC": "Quebec",
          "SK": "Saskatchewan",
          "YT": "Yukon Territory"
        }
      },
      "security_qid": {
        "options": {
          "4": "What is the name of your favourite childhood friend?",
          "5": "What is the country of your ultimate dream vacation?",
          "6": "What was the first concert you attended?",
          "7": "What is the name of the street you grew up on?",
          "8": "What is the name of your first grade teacher?",
          "9": "What is your favourite movie?"
        }
      },
      "govid_type": {
        "options": {
          "CADL": "Driver's Licence",
          "CAHC": "Health Card",
          "CAPID": "Provincial ID Card",
          "CAP": "Passport",
          "CAPRC": "Permanent Resident Card",
          "CAICBC": "Insurance Corporation of British Columbia",
          "CAAR": "Alberta Registries",
          "CASGI": "Saskatchewan Government Insurance",
          "CADSNS": "Department of Service Nova Scotia and Municipal Relations",
          "CADPPEI": "Department of Transportation and Public Works of the Province of Prince Edward Island",
          "CASNB": "Service New Brunswick",
          "CADGSNF": "Department of Government Services and Lands of the Province of Newfoundland and Labrador",
          "CADTNW": "Department of Transportation of the Northwest Territories",
          "CADCTN": "Department of Community Government and Transportation of the Territory of Nunavut",
          "CACSC": "Correctional Service Canada identification card (with the individual's name and photograph)",
          "CAGCEC": "Government of Canada employee identity card (with the individual's name and photograph)",
          "CALCB": "Liquor Control Board Age of Majority (BYID) card",
          "CACFL": "Canadian Firearms licence",
          "CACFID": "Canadian Forces identification card",
          "CAMPIC": "MPIC card issued by the Manitoba Public Insurance Corporation",
          "CACAID": "NEXUS or CANPASS Air membership card (issued by Canada Border Services Agency)"
        }
      },
      "govid_issued_by": {
        "option_depends": {
          "CADL": {
            "AB": "Alberta",
            "BC": "British Columbia",
            "MB": "Manitoba",
            "NB": "New Brunswick",
            "NL": "Newfoundland & Labrador",
            "NS": "Nova Scotia",
            "NT": "Northwest Territories",
            "NU": "Nunavut",
            "ON": "Ontario",
            "PE": "Prince Edward Island",
            "QC": "Quebec",
            "SK": "Saskatchewan",
            "YT": "Yukon Territory"
          },
          "CAHC": {
            "BC": "British Columbia",
            "NB": "New Brunswick",
            "NL": "Newfoundland & Labrador",
            "NT": "Northwest Territories",
            "NU": "Nunavut",
            "QC": "Quebec",
            "SK": "Saskatchewan",
            "YT": "Yukon Territory"
          },
          "CAPID": {
            "ON": "Ontario"
          },
          "CAP": {
            "CANADA": "Canada"
          },
          "CAPRC": {
            "CANADA": "Canada"
          },
          "CAICBC": {
            "BC": "British Columbia"
          },
          "CAAR": {
            "AB": "Alberta"
          },
          "CASGI": {
            "SK": "Saskatchewan"
          },
          "CADSNS": {
            "NS": "Nova Scotia"
          },
          "CADPPEI": {
            "PE": "Prince Edward Island"
          },
          "CASNB": {
            "NB": "New Brunswick"
          },
          "CADGSNF": {
            "NL": "Newfoundland & Labrador"
          },
          "CADTNW": {
            "NT": "Northwest Territories"
          },
          "CADCTN": {
            "NU": "Nunavut"
          },
          "CACSC": {
            "CANADA": "Canada"
          },
          "CAGCEC": {
            "CANADA": "Canada"
          },
          "CALCB": {
            "AB": "Alberta",
            "BC": "British Columbia",
            "MB": "Manitoba",
            "NB": "New Brunswick",
            "NL": "Newfoundland & Labrador",
            "NS": "Nova Scotia",
            "NT": "Northwest Territories",
            "NU": "Nunavut",
            "ON": "Ontario",
            "PE": "Prince Edward Island",
            "QC": "Quebec",
            "SK": "Saskatchewan",
            "YT": "Yukon Territory"
          },
          "CACFL": {
            "CANADA": "Canada"
          },
          "CACFID": {
            "CANADA": "Canada"
          },
          "CAMPIC": {
            "MB": "Manitoba"
          },
          "CACAID": {
            "CANADA": "Canada"
          }
        }
      },
      "offer_types": [
        {
          "plan_name": "90 Days Grace, Equal Payments Regular Interest",
          "term_options": [
            18,
            36,
            48,
            72
          ],
          "plan_id": "1",
          "offer_category": "equal_billing"
        },
        {
          "plan_name": "Equal Payments, Low Interest",
          "term_options": [
            3,
            6,
            40,
            60
          ],
          "plan_id": "2",
          "offer_category": "equal_billing"
        },
        {
          "plan_name": "Equal Payments, Regular Interest",
          "term_options": [
            3,
            6,
            18,
            36,
            72
          ],
          "plan_id": "4",
          "offer_category": "equal_billing"
        },
        {
          "plan_name": "Equal Payments, No Interest",
          "term_options": [
            3,
            6,
            10,
            20,
            30,
            40
          ],
          "plan_id": "5",
          "offer_category": "equal_billing"
        },
        {
          "plan_name": "No Interest, No Payments (S.A.C.)",
          "term_options": [
            3,
            6,
            8
          ],
          "plan_id": "6",
          "offer_category": "deferred_payment"
        },
        {
          "plan_name": "No Interest, No Payments ",
          "term_options": [
            3,
            12
          ],
          "plan_id": "7",
          "offer_category": "deferred_payment"
        },
        {
          "plan_name": "No Interest, Minimum monthly payments",
          "term_options": [
            3,
            6,
            9,
            12,
            18
          ],
          "plan_id": "9",
          "offer_category": "deferred_payment"
        }
      ]
    }
  };

/** Every key path of a JSON value, e.g. `form_values.province.options.QC`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyPaths(v, `${prefix}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keyPaths(v, `${prefix}.${k}`)]);
  }
  return [];
}

describe('POST merchants/login', () => {
  it('answers the documented body exactly in English', async () => {
    const r = await h.call('POST', 'merchants/login', {
      body: { merchant_username: 'merchantonline', merchant_password: 'dice-manila-purism' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(DOCUMENTED_LOGIN);
  });

  it('works without a body and with lang=en', async () => {
    const r = await h.call('POST', 'merchants/login', { query: { lang: 'en' } });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(DOCUMENTED_LOGIN);
  });

  it('answers 409 authentication_failure for a wrong or half-given login', async () => {
    const wrong = await h.call('POST', 'merchants/login', {
      body: { merchant_username: 'merchantonline', merchant_password: 'wrong' },
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toEqual({
      url: errorUrl('merchants/login'),
      message: 'The merchant username or password is incorrect.',
      error: 'authentication_failure',
    });
    const half = await h.call('POST', 'merchants/login', { body: { merchant_username: 'merchantonline' } });
    expect(half.body.error).toBe('authentication_failure');
  });

  it('has French labels under exactly the same keys', async () => {
    const r = await h.call('POST', 'merchants/login', { query: { lang: 'fr' } });
    expect(r.status).toBe(200);
    expect(keyPaths(r.body).sort()).toEqual(keyPaths(DOCUMENTED_LOGIN).sort());
    const fv = r.body.form_values;
    expect(fv.salutation.options).toEqual({ mr: 'M.', ms: 'Mme', mrs: 'Mme', mss: 'Mlle' });
    expect(fv.province.options).toMatchObject({
      BC: 'Colombie-Britannique',
      NB: 'Nouveau-Brunswick',
      NL: 'Terre-Neuve-et-Labrador',
      NS: 'Nouvelle-Écosse',
      NT: 'Territoires du Nord-Ouest',
      PE: 'Île-du-Prince-Édouard',
      QC: 'Québec',
      YT: 'Territoire du Yukon',
    });
    expect(fv.security_qid.options['7']).toBe('Quel est le nom de la rue où vous avez grandi?');
    expect(fv.govid_type.options.CADL).toBe('Permis de conduire');
    expect(fv.govid_issued_by.option_depends.CAHC.QC).toBe('Québec');
    expect(fv.offer_types.map((o: { plan_id: string }) => o.plan_id)).toEqual(['1', '2', '4', '5', '6', '7', '9']);
    expect(fv.offer_types[4].plan_name).toBe('Sans intérêt ni versement (S.A.C.)');
    // Codes and numbers are shared; the labels are translated.
    expect(fv.offer_types.map((o: { term_options: number[] }) => o.term_options)).toEqual(
      DOCUMENTED_LOGIN.form_values.offer_types.map((o) => o.term_options),
    );
    const en = DOCUMENTED_LOGIN.form_values;
    expect(fv.province.options.BC).not.toBe(en.province.options.BC);
    expect(fv.security_qid.options['4']).not.toBe(en.security_qid.options['4']);
    expect(fv.govid_type.options.CAP).not.toBe(en.govid_type.options.CAP);
  });
});

describe('GET terms-and-conditions', () => {
  const terms = async (province: string, lang: string) =>
    h.call('GET', 'terms-and-conditions', { query: { province, lang } });

  it('serves an HTML fragment', async () => {
    const r = await terms('ON', 'en');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.text.startsWith("<div id='tcs'>")).toBe(true);
    expect(r.text.trimEnd().endsWith('</div>')).toBe(true);
    expect(r.text).toContain('<h3>');
    expect(r.text).toContain('<ul>');
    expect(r.text).toContain('href="https://flexiti.com/"');
    expect(r.text).not.toMatch(/<script|<style|\son\w+=|style=/i);
  });

  it('has a Quebec text and a rest-of-Canada text, each in English and French', async () => {
    const [qcEn, qcFr, rocEn, rocFr] = await Promise.all([
      terms('QC', 'en'),
      terms('QC', 'fr'),
      terms('ON', 'en'),
      terms('ON', 'fr'),
    ]);
    const texts = [qcEn.text, qcFr.text, rocEn.text, rocFr.text];
    expect(new Set(texts).size).toBe(4);
    expect(qcEn.text).toContain('Consumer Protection Act of Québec');
    expect(qcEn.text).toContain('right to cancel');
    expect(qcFr.text).toContain('Loi sur la protection du consommateur');
    expect(rocEn.text).not.toContain('Consumer Protection Act');
    expect(rocFr.text).toContain('Contrat du titulaire');
    // Every province outside Quebec gets the same text.
    expect((await terms('BC', 'en')).text).toBe(rocEn.text);
    expect((await terms('qc', 'fr-CA')).text).toBe(qcFr.text);
  });

  it('requires a valid province', async () => {
    const missing = await h.call('GET', 'terms-and-conditions');
    expect(missing.status).toBe(409);
    expect(missing.body).toEqual({
      url: errorUrl('terms-and-conditions'),
      message: 'Some inputs are wrong!',
      error: 'wrong_inputs',
      field_errors: [{ param: 'province', msg: 'required' }],
    });
    const bad = await terms('XX', 'en');
    expect(bad.status).toBe(409);
    expect(bad.body.field_errors).toEqual([{ param: 'province', msg: 'wrong format' }]);
  });
});
