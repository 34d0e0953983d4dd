/**
 * A storefront's side of the Shopify app blocks for the browser tests
 * (`test/elements/shopify-message-block.test.ts`):
 *
 * - the `shopify` server command renders a block with liquidjs, as Shopify would
 *   (`test/integrations/shopify-liquid.ts`), sets a fake cart's contents, and names the copies of
 *   the script-tag bundle in the extension's assets;
 * - `/__shopify__/<cart>/cart.js` answers with that cart, as Shopify's Ajax API does, and
 *   `/__shopify__/<cart>/cart/change.js` stands for a theme's request that changes the cart.
 *
 * Each test names its own cart, so pages running side by side never share one.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestRunnerPlugin } from '@web/test-runner';
import { EXTENSION, renderBlock, type BlockName, type ShopifyContext } from '../../integrations/shopify-liquid.js';

export const SHOPIFY_PREFIX = '/__shopify__/';

export interface FakeCart {
  total_price: number;
  item_count: number;
  currency: string;
}

export type ShopifyCommand =
  | { action: 'render'; block: BlockName; context: ShopifyContext }
  | { action: 'cart'; id: string; cart: FakeCart }
  | { action: 'assets' };

const CART_ROUTE = /^\/__shopify__\/([\w-]+)\/(cart\.js|cart\/change\.js)$/;

export function shopifyPlugin(): TestRunnerPlugin {
  const carts = new Map<string, FakeCart>();
  return {
    name: 'shopify-storefront',
    serve(context) {
      const match = CART_ROUTE.exec(context.path);
      if (!match) return undefined;
      const cart = carts.get(match[1]!) ?? { total_price: 0, item_count: 0, currency: 'CAD' };
      return { body: JSON.stringify({ token: match[1], items: [], ...cart }), type: 'json', headers: { 'cache-control': 'no-store' } };
    },
    async executeCommand({ command, payload }) {
      if (command !== 'shopify') return undefined;
      const request = payload as ShopifyCommand;
      if (request.action === 'render') return renderBlock(request.block, request.context);
      // Every script in assets/ but the blocks' own (a classic script, not a module).
      if (request.action === 'assets') return readdirSync(join(EXTENSION, 'assets')).filter((name) => name.endsWith('.js') && name !== 'flexiti-block.js');
      carts.set(request.id, request.cart);
      return true;
    },
  };
}
