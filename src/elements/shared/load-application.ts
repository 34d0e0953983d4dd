/**
 * The credit application (its form, schema, words and flow) as a chunk of its own: a cardholder
 * paying never downloads it; `<flexiti-apply>` and "Apply now" load it, and pointing at
 * "Apply now" starts it early.
 */
export const loadApplication = () => import('./application-flow.js');
