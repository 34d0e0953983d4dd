import type { MessageWords } from './messages.js';

const months = (n: number) => (n === 1 ? '1 month' : `${n} months`);

export const messageEn: MessageWords = {
  lang: 'en-CA',
  headline: {
    zero: (n) => `0% interest for ${months(n)} with Flexiti`,
    monthly: (payment) => `From ${payment}/month with Flexiti`,
    noPayments: (n) => `No payments for ${months(n)} with Flexiti`,
    generic: 'Pay over time with Flexiti',
    below: (minimum) => `Flexiti financing on purchases of ${minimum} or more`,
    above: (maximum) => `Flexiti financing on purchases up to ${maximum}`,
  },
  learnMore: 'Learn more',
  title: 'Pay over time with Flexiti',
  intro: (amount) => `Ways to pay ${amount} with Flexiti financing.`,
  example: 'For example',
  allPlans: 'All plans',
  option: {
    equal: (payment, n, rate) => `${payment}/month for ${months(n)} at ${rate} annual interest`,
    zero: (payment, n) => `${payment}/month for ${months(n)}, 0% interest`,
    lastPayment: (count, payment, last) => `${count} payments of ${payment} and a last payment of ${last}`,
    total: (total) => `Total repaid: ${total}`,
    costOfBorrowing: (cost) => `Cost of borrowing: ${cost}`,
    feesNotStated: 'Any fees are set out in Flexiti’s terms.',
    noPayments: (n) => `No payments for ${months(n)}`,
    firstPayment: (month) => `Payments start in month ${month}.`,
    fee: (fee) => `A one-time fee of ${fee} applies.`,
    payInFull: (amount, n) => `Pay ${amount} by the end of month ${n} and you pay no interest.`,
    minimum: (n) => `No interest for ${months(n)}, with a minimum payment each month`,
    plan: (n) => months(n),
  },
  legal:
    'Subject to credit approval. The plans offered depend on the approval and your province. These figures are examples for this price, before taxes and delivery; Flexiti confirms your terms at checkout.',
  apply: 'Apply for Flexiti financing',
  close: 'Close',
  loadFailed: 'The financing plans could not be loaded.',
  retry: 'Try again',
};
