import type { ApplicationFlow } from './application-flow.js';

/** What the application's chunk gives the elements. */
export interface ApplicationModule {
  ApplicationFlow: typeof ApplicationFlow;
}

let announce!: (module: ApplicationModule) => void;
const announced = new Promise<ApplicationModule>((resolve) => (announce = resolve));
let loaded: ApplicationModule | undefined;

/**
 * Called by the application's code as it runs. A page that loads it with the elements
 * (`cdn/flexiti-apply.js`) has it in the same turn, without the round trip a dynamic import takes
 * even for code already there.
 */
export function applicationLoaded(module: ApplicationModule): void {
  loaded ??= module;
  announce(module);
}

/** The application's code if it has already run: an element can render its form at once. */
export const loadedApplication = (): ApplicationModule | undefined => loaded;

/**
 * The credit application (its form, schema, words and flow) as a chunk of its own: a cardholder
 * paying never downloads it; `<flexiti-apply>` and "Apply now" load it, and pointing at
 * "Apply now" starts it early.
 */
export const loadApplication = (): Promise<ApplicationModule> => Promise.race([announced, import('./application-flow.js')]);
