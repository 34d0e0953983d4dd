import type { MessageWords } from './messages.js';

const NBSP = '\u00a0';

export const messageFr: MessageWords = {
  lang: 'fr-CA',
  headline: {
    zero: (n) => `0${NBSP}% d’intérêt pendant ${n}${NBSP}mois avec Flexiti`,
    monthly: (payment) => `À partir de ${payment}/mois avec Flexiti`,
    noPayments: (n) => `Aucun versement pendant ${n}${NBSP}mois avec Flexiti`,
    generic: 'Payez par versements avec Flexiti',
    below: (minimum) => `Financement Flexiti pour les achats de ${minimum} et plus`,
    above: (maximum) => `Financement Flexiti pour les achats jusqu’à ${maximum}`,
  },
  learnMore: 'En savoir plus',
  title: 'Payez par versements avec Flexiti',
  intro: (amount) => `Les façons de payer ${amount} avec le financement Flexiti.`,
  example: 'Par exemple',
  allPlans: 'Tous les plans',
  option: {
    equal: (payment, n, rate) => `${payment}/mois pendant ${n}${NBSP}mois au taux d’intérêt annuel de ${rate}`,
    zero: (payment, n) => `${payment}/mois pendant ${n}${NBSP}mois, 0${NBSP}% d’intérêt`,
    lastPayment: (count, payment, last) => `${count}${NBSP}versements de ${payment} et un dernier versement de ${last}`,
    total: (total) => `Total remboursé${NBSP}: ${total}`,
    costOfBorrowing: (cost) => `Coût d’emprunt${NBSP}: ${cost}`,
    feesNotStated: 'Les frais éventuels figurent dans les conditions de Flexiti.',
    noPayments: (n) => `Aucun versement pendant ${n}${NBSP}mois`,
    firstPayment: (month) => `Les versements commencent au mois${NBSP}${month}.`,
    fee: (fee) => `Des frais uniques de ${fee} s’appliquent.`,
    payInFull: (amount, n) => `Payez ${amount} d’ici la fin du mois${NBSP}${n} et vous ne payez aucun intérêt.`,
    minimum: (n) => `Aucun intérêt pendant ${n}${NBSP}mois, avec un versement minimum chaque mois`,
    plan: (n) => `${n}${NBSP}mois`,
  },
  legal:
    'Sous réserve de l’approbation du crédit. Les plans offerts dépendent de l’approbation et de votre province. Ces montants sont des exemples pour ce prix, avant taxes et livraison; Flexiti confirme vos conditions au paiement.',
  apply: 'Demander le financement Flexiti',
  close: 'Fermer',
  loadFailed: 'Les plans de financement n’ont pas pu être chargés.',
  retry: 'Réessayer',
};
