import type { Lang } from '../../schemas/contract.js';
import type { Offers } from '../../schemas/offers.js';

/** One request per handler and language, whatever the number of messages on the page; a failure is not kept. */
const requests = new Map<string, Promise<Offers>>();

/** The merchant's plans from the handler's session-free `GET offers`. */
export function loadOffers(endpoint: string, lang: Lang): Promise<Offers> {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/offers`, document.baseURI);
  url.searchParams.set('lang', lang);
  const key = url.href;
  let request = requests.get(key);
  if (!request) {
    request = fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }).then(async (response) => {
      const body = (await response.json().catch(() => undefined)) as Offers | undefined;
      if (!response.ok || !Array.isArray(body?.plans)) throw new Error(`offers: ${response.status}`);
      return body;
    });
    requests.set(key, request);
    request.catch(() => requests.delete(key));
  }
  return request;
}
