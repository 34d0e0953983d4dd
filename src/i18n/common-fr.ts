import type { CommonMessages } from './messages.js';

export const commonFr: CommonMessages = {
  lang: 'fr-CA',
  loading: 'Chargement…',
  sandboxBadge: 'Mode test\u00a0: aucun crédit ni paiement réel',
  retry: 'Réessayer',
  failure: {
    title: 'Votre demande n’a pas été envoyée',
    network: 'Nous n’avons pas pu joindre le commerçant. Vérifiez votre connexion Internet.',
    unavailable: 'Flexiti ne répond pas pour le moment.',
    createError: 'Flexiti ne peut pas créer votre demande pour le moment.',
    session: 'Votre session a pris fin.',
    generic: 'Une erreur s’est produite.',
    keepAnswers: 'Vos réponses ont été conservées. Vous pouvez réessayer.',
    loadFailed: 'Le formulaire de demande n’a pas pu être chargé.',
  },
};
