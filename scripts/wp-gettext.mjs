/**
 * WordPress's gettext calls in PHP and JavaScript source, read without running it: which
 * functions there are, where their text, context and domain are among the arguments, and the
 * literal strings passed. Shared by scripts/check-integrations.mjs (every string in the .pot) and
 * scripts/build-wp-translations.mjs (the strings each editor script uses).
 */

/** gettext calls: name → positions of msgid, plural, context, domain among the arguments. */
export const GETTEXT = {
  __: { id: 0, domain: 1 },
  _e: { id: 0, domain: 1 },
  esc_html__: { id: 0, domain: 1 },
  esc_html_e: { id: 0, domain: 1 },
  esc_attr__: { id: 0, domain: 1 },
  esc_attr_e: { id: 0, domain: 1 },
  _x: { id: 0, context: 1, domain: 2 },
  _ex: { id: 0, context: 1, domain: 2 },
  esc_html_x: { id: 0, context: 1, domain: 2 },
  esc_attr_x: { id: 0, context: 1, domain: 2 },
  _n: { id: 0, plural: 1, domain: 3 },
  _nx: { id: 0, plural: 1, context: 3, domain: 4 },
};
export const GETTEXT_CALL = new RegExp(`(?<![\\w$>:.])(${Object.keys(GETTEXT).join('|')})\\s*\\(`, 'g');

/** The top-level arguments of a call whose "(" is at `open`: each the literal string, or null. */
export function callArguments(code, open) {
  const args = [];
  let depth = 0;
  let current = '';
  for (let i = open; i < code.length; i++) {
    const char = code[i];
    if (char === "'" || char === '"' || char === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== char) j += code[j] === '\\' ? 2 : 1;
      current += code.slice(i, j + 1);
      i = j;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') {
      depth++;
      if (depth === 1) continue;
    } else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) {
        if (current.trim() !== '') args.push(current.trim());
        break;
      }
    } else if (char === ',' && depth === 1) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  return args.map(literal);
}

/** A single- or double-quoted string literal's value, or null for anything else. */
function literal(arg) {
  const single = arg.match(/^'((?:[^'\\]|\\.)*)'$/s);
  if (single) return single[1].replace(/\\(['\\])/g, '$1');
  const double = arg.match(/^"((?:[^"\\$]|\\.)*)"$/s);
  if (double) return double[1].replace(/\\(["\\$])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  return null;
}

/** The key of a string in a catalogue: the context and the text, as gettext joins them. */
export const poKey = (context, id) => (context ? `${context}\u0004${id}` : id);

/**
 * The strings a source file passes to the gettext functions: [{ key, context, id, plural, domain }]
 * for the calls whose text is a literal.
 */
export function gettextStrings(code) {
  const found = [];
  for (const match of code.matchAll(GETTEXT_CALL)) {
    const spec = GETTEXT[match[1]];
    const args = callArguments(code, match.index + match[0].length - 1);
    if (typeof args[spec.id] !== 'string') continue;
    const context = spec.context === undefined ? undefined : (args[spec.context] ?? undefined);
    found.push({ key: poKey(context, args[spec.id]), context, id: args[spec.id], plural: spec.plural === undefined ? undefined : args[spec.plural], domain: args[spec.domain] });
  }
  return found;
}
