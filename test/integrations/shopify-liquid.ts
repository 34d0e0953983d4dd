/**
 * Renders the Shopify app blocks (integrations/shopify/extensions/flexiti/blocks) with liquidjs,
 * as a storefront would: Shopify's objects (`product`, `cart`, `request`, `routes`, `template`,
 * `block`) as globals, so the snippets a block renders see them too, and the Shopify filters and
 * tags the blocks use that liquidjs lacks (`t`, `asset_url`, `{% schema %}`). Used by the Node
 * tests (shopify-blocks.test.ts) and the browser tests' server (test/elements/server/shopify.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';

export const EXTENSION = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'integrations', 'shopify', 'extensions', 'flexiti');
export const ASSET_BASE = 'https://cdn.shopify.com/extensions/0123/1.0.0/assets/';

export type BlockName = 'flexiti-message' | 'flexiti-checkout' | 'flexiti-apply';

export interface Variant {
  id: number;
  price: number; // cents, as Shopify's Liquid gives it
  available?: boolean;
}

export interface ShopifyContext {
  locale?: 'en' | 'fr';
  designMode?: boolean;
  template?: 'product' | 'cart' | 'page' | 'index';
  currency?: string;
  settings?: Record<string, unknown>;
  product?: { id: number; variants: Variant[]; selectedVariantId?: number };
  cart?: { total_price: number; item_count: number; token?: string };
  /** `routes.root_url`, where the cart's routes start: `/`, or `/fr/` in French. */
  root?: string;
}

const locales = {
  en: JSON.parse(readFileSync(join(EXTENSION, 'locales', 'en.default.json'), 'utf8')) as Record<string, unknown>,
  fr: JSON.parse(readFileSync(join(EXTENSION, 'locales', 'fr.json'), 'utf8')) as Record<string, unknown>,
};

/** The default of every setting in a block's schema, as the theme editor fills them in. */
export function schemaDefaults(block: BlockName): Record<string, unknown> {
  const source = readFileSync(join(EXTENSION, 'blocks', `${block}.liquid`), 'utf8');
  const json = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source)?.[1];
  if (!json) throw new Error(`${block}.liquid has no schema`);
  const settings = (JSON.parse(json) as { settings: Array<{ id?: string; default?: unknown }> }).settings;
  return Object.fromEntries(settings.filter((setting) => setting.id).map((setting) => [setting.id, setting.default ?? '']));
}

/** `{% schema %}…{% endschema %}` prints nothing on a storefront. */
class SchemaTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    while (remainTokens.length > 0) {
      const next = remainTokens.shift() as TopLevelToken & { name?: string };
      if (next.name === 'endschema') return;
    }
    throw new Error('{% schema %} is not closed');
  }
  render(): void {}
}

function engine(locale: 'en' | 'fr'): Liquid {
  const liquid = new Liquid({
    root: [join(EXTENSION, 'blocks')],
    partials: [join(EXTENSION, 'snippets')],
    extname: '.liquid',
    strictFilters: true,
  });
  liquid.registerTag('schema', SchemaTag);
  liquid.registerFilter('asset_url', (name: string) => `${ASSET_BASE}${name}`);
  liquid.registerFilter('t', (key: string) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locales[locale]);
    if (typeof value !== 'string') throw new Error(`no translation for ${key} in ${locale}`);
    return value;
  });
  return liquid;
}

/** A block's HTML for the given page, shop and settings (the schema's defaults unless given). */
export async function renderBlock(block: BlockName, context: ShopifyContext = {}): Promise<string> {
  const locale = context.locale ?? 'en';
  const variants = context.product?.variants ?? [];
  const selected = variants.find((variant) => variant.id === context.product?.selectedVariantId) ?? variants.find((variant) => variant.available !== false) ?? variants[0];
  const cart = { total_price: 0, item_count: 0, token: 'c1-7f3a', ...context.cart, currency: { iso_code: context.currency ?? 'CAD' } };
  const root = context.root ?? (locale === 'fr' ? '/fr/' : '/');
  const globals = {
    block: {
      id: 'AbCd123',
      shopify_attributes: 'data-shopify-editor-block="{&quot;id&quot;:&quot;AbCd123&quot;}"',
      settings: { ...schemaDefaults(block), ...context.settings },
    },
    request: { design_mode: context.designMode ?? false, locale: { iso_code: locale === 'fr' ? 'fr-CA' : 'en' } },
    routes: { root_url: root, cart_url: `${root}cart` },
    template: { name: context.template ?? 'page' },
    cart,
    product: context.product ? { id: context.product.id, variants, selected_or_first_available_variant: selected } : undefined,
  };
  return engine(locale).renderFile(block, {}, { globals });
}
