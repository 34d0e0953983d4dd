/**
 * Adds a `<script src>` to the page the way a storefront prints it, and resolves once it ran:
 * a classic script by default, or `{ type: 'module', integrity, crossOrigin }` for the script tag.
 */
export function loadScript(src: string, attributes: Partial<Pick<HTMLScriptElement, 'type' | 'integrity' | 'crossOrigin' | 'defer'>> = {}): Promise<void> {
  const script = Object.assign(document.createElement('script'), attributes, { src });
  const loaded = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
  });
  document.head.append(script);
  return loaded;
}
