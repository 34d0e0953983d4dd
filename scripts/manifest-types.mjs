/**
 * JSX types generated from the custom elements manifest, as an analyzer plugin: `types/jsx.d.ts`
 * has `FlexitiElements`, the props of each tag for JSX `IntrinsicElements` (attributes and
 * properties, and `onflexiti-…` event handlers as React 19 and Preact name them), typed with the
 * element classes and event classes of the package. (Vue's global component types are in
 * `src/vue.ts`, typed from the classes themselves.)
 *
 * Each event handler receives the event's own class (`FlexitiApprovedEvent`, whose `detail` is
 * typed), not a `CustomEvent`, because the elements dispatch those classes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER = '// Generated from custom-elements.json by scripts/manifest-types.mjs; do not edit.\n';

const doc = (text, indent = '  ') => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim()} */\n` : '');

function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const fields = (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy?.match(/private|protected/));
      elements.push({ className: declaration.name, tag: declaration.tagName, summary: declaration.summary, fields, attributes: declaration.attributes ?? [], events: declaration.events ?? [] });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

function imports(elements) {
  const names = new Set();
  for (const element of elements) {
    names.add(element.className);
    for (const event of element.events) if (event.type?.text) names.add(event.type.text);
  }
  return `import type {\n${[...names].sort().map((name) => `  ${name},\n`).join('')}} from '../dist/index.js';\n`;
}

/** Attributes (kebab-case) and properties (camelCase), typed from the class. */
function props(element) {
  let out = '';
  for (const field of element.fields) {
    const readonly = field.readonly ? ' Read-only: set by the element.' : '';
    out += doc(`${field.description ?? ''}${readonly}`);
    out += `  ${field.name}?: ${element.className}['${field.name}'];\n`;
    const attribute = element.attributes.find((a) => a.fieldName === field.name);
    if (attribute && attribute.name !== field.name) {
      out += doc(field.description);
      out += `  '${attribute.name}'?: ${element.className}['${field.name}'] | string;\n`;
    }
  }
  // Attributes with no field of their own (documented with \`@attribute\`, such as \`lang\`).
  for (const attribute of element.attributes.filter((a) => !a.fieldName)) {
    out += doc(attribute.description);
    out += `  ${/^[a-z]+$/.test(attribute.name) ? attribute.name : `'${attribute.name}'`}?: ${attribute.type?.text ?? 'string'};\n`;
  }
  return out;
}

function jsx(elements) {
  let out = `${HEADER}${imports(elements)}\n`;
  for (const element of elements) {
    out += `/** \`<${element.tag}>\`: ${element.summary ?? ''} */\nexport interface ${element.className}Props {\n${props(element)}`;
    for (const event of element.events) {
      out += doc(event.description);
      out += `  'on${event.name}'?: (event: ${event.type?.text ?? 'Event'}) => void;\n`;
    }
    out += '}\n\n';
  }
  out += `/**
 * The tags for JSX \`IntrinsicElements\`. React 19:
 *
 * \`\`\`ts
 * import type { FlexitiElements } from 'flexiti-checkout/types/jsx';
 * declare module 'react' {
 *   namespace JSX {
 *     interface IntrinsicElements extends FlexitiElements {}
 *   }
 * }
 * \`\`\`
 */
export interface FlexitiElements {
${elements.map((e) => `  '${e.tag}': ${e.className}Props & { children?: unknown; class?: string; className?: string; id?: string; key?: string | number; ref?: unknown };\n`).join('')}}
`;
  return out;
}

/** The analyzer plugin; `outdir` is where `types/` goes. */
export function frameworkTypes({ outdir }) {
  return {
    name: 'flexiti-framework-types',
    packageLinkPhase({ customElementsManifest }) {
      const elements = elementsOf(customElementsManifest);
      mkdirSync(outdir, { recursive: true });
      writeFileSync(join(outdir, 'jsx.d.ts'), jsx(elements));
    },
  };
}
