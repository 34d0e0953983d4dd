import type { Hono } from 'hono';
import { isProvince, type FormValuesResponse, type Lang, type Province, type TermsResponse } from '../../schemas/index.js';
import { langOf, type Deps, type HandlerEnv } from '../context.js';
import { HandlerError, errors } from '../errors.js';
import { isRecord } from '../flexiti-client.js';
import { sanitizeFlexitiHtml } from '../flexiti-html.js';
import { flexitiLang, toFormValues } from '../mapping.js';
import { FlexitiUnavailableError } from '../token-manager.js';

/** `GET form-values` and `GET terms`: Flexiti's option lists and terms, cached per language. */
export function catalogRoutes(app: Hono<HandlerEnv>, deps: Deps) {
  app.get('/form-values', async (c) => {
    await deps.sessions.verify(c.req.header('authorization'), deps.flows);
    return c.json(await formValues(deps, langOf(c)), 200, { 'cache-control': 'private, max-age=300' });
  });

  app.get('/terms', async (c) => {
    await deps.sessions.verify(c.req.header('authorization'), deps.flows);
    const province = c.req.query('province')?.toUpperCase();
    if (!isProvince(province)) throw errors.invalidRequest([{ field: 'province', code: 'required' }]);
    // Not kept by the browser: the version shown must be the one `POST apply` checks against.
    return c.json(await terms(deps, langOf(c), province), 200, { 'cache-control': 'private, no-cache' });
  });
}

export function formValues(deps: Deps, lang: Lang): Promise<FormValuesResponse> {
  return deps.cache.get(`form-values:${lang}`, async () => {
    const { merchantUsername, merchantPassword } = deps.config;
    const response = await deps.flexiti.call({
      method: 'POST',
      path: 'merchants/login',
      query: { lang: flexitiLang(lang) },
      body: merchantUsername ? { merchant_username: merchantUsername, merchant_password: merchantPassword } : {},
      retry: 'safe',
      operation: 'merchants/login',
    });
    if (response.status !== 200 || !isRecord(response.body)) throw unexpected(response.status, response.body);
    // With the handler's mode, for the sandbox badge (a session the page rendered says it too).
    return { ...toFormValues(response.body, lang), mode: deps.mode };
  });
}

export function terms(deps: Deps, lang: Lang, province: Province): Promise<TermsResponse> {
  return deps.cache.get(`terms:${lang}:${province}`, async () => {
    const response = await deps.flexiti.call({
      method: 'GET',
      path: 'terms-and-conditions',
      query: { lang: flexitiLang(lang), province },
      retry: 'safe',
      operation: 'terms-and-conditions',
    });
    if (response.status !== 200 || typeof response.body !== 'string') throw unexpected(response.status, response.body);
    return { lang, province, sanitizedHtml: sanitizeFlexitiHtml(response.body), version: await digest(response.body) };
  });
}

export function unexpected(status: number, body: unknown): HandlerError | FlexitiUnavailableError {
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : `status_${status}`;
  return code === 'authentication_failure' ? errors.configuration() : errors.flexitiError(code);
}

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(hash).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}
