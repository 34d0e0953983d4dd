import type { CommonMessages } from './messages.js';

export const commonEn: CommonMessages = {
  lang: 'en-CA',
  loading: 'Loading…',
  sandboxBadge: 'Test mode: no real credit, no real payment',
  retry: 'Try again',
  failure: {
    title: 'Your application was not sent',
    network: 'We could not reach the store. Check your connection.',
    unavailable: 'Flexiti is not answering right now.',
    createError: 'Flexiti could not create your application right now.',
    session: 'Your session ended.',
    generic: 'Something went wrong.',
    keepAnswers: 'Your answers are kept. You can try again.',
    loadFailed: 'The application could not be loaded.',
  },
};
