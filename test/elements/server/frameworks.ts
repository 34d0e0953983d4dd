/**
 * React and Vue for the browser tests (`test/elements/react.test.ts`, `vue.test.ts`).
 *
 * React is published as CommonJS only and the dev server serves ES modules: `react`,
 * `react-dom` and `react-dom/client` come from one esbuild bundle (one copy of React for all
 * three, as hooks need), each served as a module that re-exports its part of the bundle under
 * the names the package has in Node. Vue's default entry is its bundler build, which reads
 * `process.env.NODE_ENV` and compile-time flags: the tests get Vue's browser build instead, the
 * runtime-only one (no template compiler, so nothing needs `unsafe-eval`).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import type { TestRunnerPlugin } from '@web/test-runner';
import { build } from 'esbuild';

const PREFIX = '/__frameworks__/';
/** Bare specifier → the file serving it under PREFIX. */
const COMMONJS: Record<string, string> = { react: 'react', 'react-dom': 'react-dom', 'react-dom/client': 'react-dom-client' };
const BUNDLE = `${PREFIX}bundle.js`;

export function frameworksPlugin(root: string): TestRunnerPlugin {
  const vue = `/${relative(root, createRequire(`${root}/package.json`).resolve('vue/dist/vue.runtime.esm-browser.js'))}`;
  let bundle: Promise<string> | undefined;

  const bundled = () =>
    (bundle ??= build({
      stdin: {
        contents: `export default { ${Object.keys(COMMONJS)
          .map((specifier) => `${JSON.stringify(specifier)}: require(${JSON.stringify(specifier)})`)
          .join(', ')} };`,
        resolveDir: root,
        sourcefile: 'frameworks.js',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((result) => result.outputFiles[0]!.text));

  // The names each package exports, read in a separate Node process: React's development build
  // cannot load in this one, whose console web-test-runner has replaced.
  let exported: Promise<Record<string, string[]>> | undefined;
  const names = () =>
    (exported ??= promisify(execFile)(
      process.execPath,
      ['-e', `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(Object.keys(COMMONJS))}.map((s) => [s, Object.keys(require(s))]))))`],
      { cwd: root, env: { ...process.env, NODE_ENV: 'development' } },
    ).then(({ stdout }) => JSON.parse(stdout) as Record<string, string[]>));

  const facade = async (specifier: string) => {
    const own = ((await names())[specifier] ?? []).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
    return [
      `import modules from '${BUNDLE}';`,
      `const cjs = modules[${JSON.stringify(specifier)}];`,
      'export default cjs;',
      `export const { ${own.join(', ')} } = cjs;`,
    ].join('\n');
  };

  return {
    name: 'flexiti-frameworks',
    resolveImport({ source }) {
      if (Object.hasOwn(COMMONJS, source)) return `${PREFIX}${COMMONJS[source]}.js`;
      if (source === BUNDLE) return source;
      if (source === 'vue') return vue;
      return undefined;
    },
    async serve(context) {
      if (context.path === BUNDLE) return { body: await bundled(), type: 'js' };
      const specifier = Object.keys(COMMONJS).find((key) => context.path === `${PREFIX}${COMMONJS[key]}.js`);
      return specifier ? { body: await facade(specifier), type: 'js' } : undefined;
    },
  };
}
