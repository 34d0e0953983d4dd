/** The manifest is generated from the elements' JSDoc; `npm test` checks the committed copy is current. */

/**
 * Keeps the manifest to the public API: private reactive state is not an attribute, and events
 * are the documented `@fires` (dispatch sites the analyzer cannot name are dropped).
 */
function publicApiOnly() {
  return {
    name: 'flexiti-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
          for (const member of declaration.members ?? []) if (hidden.has(member.name)) delete member.attribute;
          declaration.attributes = (declaration.attributes ?? []).filter((a) => !hidden.has(a.fieldName));
          declaration.events = (declaration.events ?? []).filter((e) => e.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the check must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly()],
};
