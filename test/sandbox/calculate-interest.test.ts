import { describe, expect, it } from 'vitest';
import { errorUrl, useSandbox } from './helpers.js';

const h = useSandbox();

const quote = (account: number, amount: unknown, lang?: string) =>
  h.call('POST', `accounts/${account}/calculate-interest`, {
    version: '2.5.1',
    body: { amount },
    ...(lang ? { query: { lang } } : {}),
  });

interface Term {
  term: number;
  term_amount: number;
  fees: { description: string; amount: number; type: string; message: string }[];
  annual_rates: { description: string; rate: number; type: string; message: string };
}
interface Plan {
  plan_id: number;
  plan_name: string;
  terms: Term[];
}

const plan = (body: { promotional_purchase: Plan[] }, id: number): Plan => {
  const found = body.promotional_purchase.find((p) => p.plan_id === id);
  if (!found) throw new Error(`plan ${id} not offered`);
  return found;
};

describe('POST accounts/{account_number}/calculate-interest', () => {
  it('answers the documented shape', async () => {
    const r = await quote(20000001, 1000);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual([
      'account_number',
      'account_type',
      'amount',
      'customer',
      'regular_purchase',
      'promotional_purchase',
    ]);
    expect(r.body).toMatchObject({
      account_number: 20000001,
      account_type: 'consumer',
      amount: 1000,
      customer: { air: 0.2999, available_credit: 5000, first_name: 'Alex', last_name: 'Martin', category_type: 'preferred' },
      regular_purchase: { term_amount: 1000, air: 0.2999, fees: [], verify: false },
    });
    expect(plan(r.body, 4).terms[0]).toEqual({
      term: 3,
      term_amount: 350.13,
      fees: [],
      annual_rates: {
        description: 'Annual interest rate',
        rate: 0.2999,
        type: 'interest',
        message: 'Annual interest rate of 29.99% applies. 3 equal monthly payments of $350.13.',
      },
    });
  });

  it('orders plans by id and terms ascending', async () => {
    const r = await quote(20000001, 1000);
    const plans: Plan[] = r.body.promotional_purchase;
    expect(plans.map((p) => p.plan_id)).toEqual([1, 2, 4, 5, 6, 7, 9]);
    expect(plans.map((p) => p.terms.map((t) => t.term))).toEqual([
      [18, 36, 48, 72],
      [3, 6, 40, 60],
      [3, 6, 18, 36, 72],
      [3, 6, 10, 20, 30, 40],
      [3, 6, 8],
      [3, 12],
      [3, 6, 9, 12, 18],
    ]);
  });

  it('amortises equal payments to the cent', async () => {
    const r = await quote(20000001, 1000);
    const amounts = (id: number) => plan(r.body, id).terms.map((t) => t.term_amount);
    expect(amounts(1)[0]).toBe(69.67); // 18 months at 29.99 %
    expect(amounts(1)[3]).toBe(30.08); // 72 months at 29.99 %
    expect(amounts(2)[1]).toBe(171.56); // 6 months at 9.99 %
    expect(amounts(2)[3]).toBe(21.24); // 60 months at 9.99 %
    expect(amounts(5)).toEqual([333.33, 166.67, 100, 50, 33.33, 25]); // no interest
    expect(plan(r.body, 2).terms[0]?.annual_rates.rate).toBe(0.0999);
    expect(plan(r.body, 5).terms[0]?.annual_rates).toMatchObject({ rate: 0, type: 'no_interest' });
  });

  it('defers payments with an administrative fee on plans 6 and 7', async () => {
    const r = await quote(20000001, 1000);
    for (const id of [6, 7]) {
      for (const t of plan(r.body, id).terms) {
        expect(t.term_amount).toBe(0);
        expect(t.fees).toEqual([
          {
            description: 'Administrative fees:',
            amount: 49.99,
            type: 'admin_total',
            message: 'A one-time administrative fee of $49.99 is added to the account balance when the purchase is made.',
          },
        ]);
      }
    }
    expect(plan(r.body, 6).terms[1]?.annual_rates).toMatchObject({
      rate: 0.2999,
      type: 'deferred_interest',
      message: expect.stringContaining('waived if the purchase is paid in full'),
    });
  });

  it('asks a minimum monthly payment of 3 %, at least $10, on plan 9', async () => {
    const big = await quote(20000001, 1000);
    expect(plan(big.body, 9).terms.map((t) => t.term_amount)).toEqual([30, 30, 30, 30, 30]);
    const small = await quote(20000001, 100);
    expect(plan(small.body, 9).terms[0]?.term_amount).toBe(10);
    expect(plan(small.body, 9).terms[0]?.annual_rates.message).toContain('minimum monthly payment of $10.00');
  });

  it('lets regular purchases of $200 or less skip verification', async () => {
    expect((await quote(20000001, 200)).body.regular_purchase.verify).toBe(true);
    expect((await quote(20000001, 200.01)).body.regular_purchase.verify).toBe(false);
  });

  it('leaves the S.A.C. plan out in Quebec and speaks French', async () => {
    const r = await quote(20000002, 1000, 'fr');
    expect(r.body.customer.category_type).toBe('preferred');
    expect(r.body.promotional_purchase.map((p: Plan) => p.plan_id)).toEqual([1, 2, 4, 5, 7, 9]);
    const t = plan(r.body, 4).terms[0];
    expect(plan(r.body, 4).plan_name).toBe('Versements égaux, intérêt régulier');
    expect(t?.annual_rates.description).toBe('Taux d’intérêt annuel');
    expect(t?.annual_rates.message).toMatch(/^Un taux d’intérêt annuel de 29,99\s%/);
    expect(t?.annual_rates.message).toMatch(/350,13\s\$/);
    expect(plan(r.body, 7).terms[0]?.fees[0]?.description).toBe('Frais d’administration :');
  });

  it('leaves prime-only plans out for a standard customer', async () => {
    const r = await quote(20000004, 150);
    expect(r.body.customer).toMatchObject({ category_type: 'standard', available_credit: 150 });
    expect(r.body.promotional_purchase.map((p: Plan) => p.plan_id)).toEqual([1, 4, 6, 7, 9]);
    expect(plan(r.body, 4).terms[0]?.term_amount).toBe(52.52);
  });

  it('maps risk ratings H and X to premium', async () => {
    const approved = await h.call('POST', 'apply', {
      body: {
        amount_requested: 800,
        phone_number: '6135550199',
        salutation: 'ms',
        first_name: 'Rita',
        middle_name: 'A-RR_X',
        last_name: 'Okafor',
        dob: '1983-07-07',
        address_1: '1 Elgin St',
        city: 'Ottawa',
        province: 'ON',
        postal_code: 'K1P 1A1',
        email: 'rita@example.com',
        personal_income: 50000,
        household_income: 50000,
        housing_type: 'Own',
        occupation_id: 'FE',
        occupation_title: 'Nurse',
        security_qid: 9,
        security_answer: 'Alien',
        piw: 'Sun',
        tos_agreement: true,
      },
    });
    expect(approved.status).toBe(200);
    const r = await quote(approved.body.account_number, 100);
    expect(r.body.customer.category_type).toBe('premium');
    expect(r.body.promotional_purchase.map((p: Plan) => p.plan_id)).toContain(2);
  });

  it('validates the amount and the account', async () => {
    for (const amount of [0, -5, 'ten', 10.001, null]) {
      const r = await quote(20000001, amount);
      expect(r.status).toBe(409);
      expect(r.body.error).toBe('wrong_inputs');
      expect(r.body.url).toBe(errorUrl('accounts/20000001/calculate-interest', '2.5.1'));
    }
    expect((await quote(29999999, 10)).status).toBe(404);
    const frozen = await quote(20000003, 10);
    expect(frozen.status).toBe(409);
    expect(frozen.body.error).toBe('user_not_able_to_purchase');
  });
});
