/**
 * Idempotent registration: a checkout script included twice must not throw. The same class
 * again is a no-op; another class under the tag (another copy of the library) is left in place
 * with a warning.
 */
export function defineElement(tag: string, element: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  const existing = registry.get(tag);
  if (existing === element) return;
  if (existing) {
    console.warn(`flexiti-checkout: <${tag}> is already defined; keeping the first definition.`);
    return;
  }
  registry.define(tag, element);
}

/** Sets or clears a custom state (`:state(name)`); browsers without custom states skip it. */
export function setState(internals: ElementInternals, name: string, on: boolean): void {
  try {
    if (on) internals.states.add(name);
    else internals.states.delete(name);
  } catch {
    // Older browsers: the element works without its custom states.
  }
}
