/** The manifest is generated from the elements' JSDoc; `npm test` checks the committed copy is current. */
export default {
  globs: ['src/elements/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the check must not rewrite it.
  packagejson: false,
};
