/**
 * The manifest is generated from the elements' JSDoc, and from the manifest the editor and
 * framework types in `types/`: VS Code custom data (HTML and CSS, custom-element-vs-code-integration)
 * and JSX `IntrinsicElements` (scripts/manifest-types.mjs). `npm test` runs the analyzer into
 * another folder (`--outdir`) and checks the committed copies are current.
 */
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { frameworkTypes } from './scripts/manifest-types.mjs';

const at = process.argv.indexOf('--outdir');
const outdir = at > 0 ? process.argv[at + 1] : '.';
const types = `${outdir}/types`;

/**
 * Keeps the manifest to the public API: private reactive state is not an attribute, and events
 * are the documented `@fires` (dispatch sites the analyzer cannot name are dropped).
 */
/** Lit's own static fields, not the element's API. */
const INTERNAL = new Set(['shadowRootOptions', 'styles', 'properties']);

function publicApiOnly() {
  return {
    name: 'flexiti-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      // The same order on every machine: the analyzer lists files in the file system's order.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          const hidden = new Set(
            (declaration.members ?? [])
              .filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#') || INTERNAL.has(m.name))
              .map((m) => m.name),
          );
          declaration.members = (declaration.members ?? []).filter((m) => !hidden.has(m.name));
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
  plugins: [
    publicApiOnly(),
    customElementVsCodePlugin({
      outdir: types,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
    // Our own generator for JSX and Vue: the event handlers get the elements' event classes.
    frameworkTypes({ outdir: types }),
  ],
};
