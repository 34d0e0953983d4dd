import type { RequestError } from '../../client/handler-client.js';
import type { Messages } from '../../i18n/messages.js';

/**
 * What went wrong, in the shopper's words: one mapping from the handler's codes for every element
 * and step (a code means the same thing whichever route answered it).
 */
export function failureReason(failure: RequestError, m: Messages['failure']): string {
  const { code } = failure;
  if (code === 'network' || code === 'timeout') return m.network;
  if (code === 'application_create_error') return m.createError;
  if (code === 'flexiti_unavailable' || code === 'state_unavailable') return m.unavailable;
  if (code.startsWith('session_') || code === 'no_session') return m.session;
  return m.generic;
}
