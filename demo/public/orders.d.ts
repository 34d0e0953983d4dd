// Types of orders.js, for the browser tests that mount the back office in a test page.
/**
 * Builds the back office (key form, orders table, confirmation dialog, live region) inside
 * `host`, in the language of the nearest `lang`. `destroy` stops it following the page language.
 */
export function mountOrders(host: HTMLElement): { destroy(): void };
