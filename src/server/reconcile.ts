import type { Deps } from './context.js';
import { errors } from './errors.js';
import { flexitiError, isRecord } from './flexiti-client.js';

/**
 * Finds the authorization Flexiti already holds for an order, whatever account paid it: pages
 * through the merchant's authorizations created since the order began (a day earlier, for time
 * zones) and matches `reference` here. Flexiti documents no `reference` filter, so none is sent.
 * A search that runs out of pages before the end refuses to guess: `503 reconciliation_incomplete`.
 */
export async function findAuthorization(
  deps: Deps,
  reference: string,
  sinceMs: number,
): Promise<Record<string, unknown> | undefined> {
  const { pageSize, maxPages } = deps.reconciliation;
  const from = new Date(sinceMs - 24 * 3600_000).toISOString().slice(0, 10);
  for (let page = 1; page <= maxPages; page++) {
    const response = await deps.flexiti.call({
      method: 'GET',
      version: 'v2.5.1',
      path: 'authorizations',
      query: { creation_date_from: from, page_number: page, page_size: pageSize },
      retry: 'safe',
      operation: 'authorizations',
    });
    if (response.status === 404) return undefined;
    if (response.status !== 200 || !isRecord(response.body)) {
      throw errors.flexitiError(flexitiError(response) ?? `status_${response.status}`);
    }
    const list = Array.isArray(response.body.authorizations) ? response.body.authorizations : [];
    const found = list.find((entry): entry is Record<string, unknown> => isRecord(entry) && entry.reference === reference);
    if (found) return found;
    const total = Number(response.body.total);
    if (list.length < pageSize || (Number.isFinite(total) && page * pageSize >= total)) return undefined;
  }
  deps.logger({ level: 'error', event: 'reconciliation_incomplete', route: 'purchase', code: `pages_${maxPages}` });
  throw errors.reconciliationIncomplete();
}
