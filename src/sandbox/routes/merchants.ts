/** `POST merchants/login`: merchant session and the form option lists, per language. */
import { merchantLogin } from '../form-values.js';
import { ApiError, BOTH_SCOPES, lang, readJson, type RouteSpec, type SandboxContext } from '../http.js';

export function merchantRoutes(ctx: SandboxContext): RouteSpec[] {
  const { options } = ctx;
  return [
    {
      method: 'POST',
      version: '2.5',
      path: 'merchants/login',
      scopes: BOTH_SCOPES,
      handler: async (c) => {
        const body = await readJson(c);
        const username = body.merchant_username;
        const password = body.merchant_password;
        // The credentials are optional (they log in a specific location); when sent, both must match.
        if (username !== undefined || password !== undefined) {
          if (username !== options.merchantUsername || password !== options.merchantPassword) {
            throw new ApiError(409, 'authentication_failure');
          }
        }
        return c.json(merchantLogin(lang(c)));
      },
    },
  ];
}
