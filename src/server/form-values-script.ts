import type { FormValuesResponse } from '../schemas/index.js';

/**
 * An application's form values as `<flexiti-apply session>` reads them from a page the merchant's
 * server renders: a `<script type="application/json">` to put inside the element. `<` is escaped
 * (`\u003c`, which JSON reads back as `<`), so that no `</script>` or `<!--` in Flexiti's texts can
 * end the block early or change how the page parses. Empty when there are none (Flexiti could not
 * give them with the session): the element then asks for them.
 */
export function formValuesScript(values: FormValuesResponse | undefined): string {
  return values ? `<script type="application/json">${JSON.stringify(values).replace(/</g, '\\u003c')}</script>` : '';
}
