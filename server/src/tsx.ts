/**
 * From the sources (`tsx server/src/main.ts`, tests), the server runs its TypeScript through tsx, and so
 * must the threads and processes it starts (reader threads, the large seed's process). `tsxImport(subpath)`
 * is the file URL of the module tsx's package exports at `subpath` for `import`: '.' is the loader for
 * `node --import`, './esm/api' has `register()`.
 * Compiled (`server/dist/`, see scripts/build-server.mjs), they run as plain JavaScript and tsx, a
 * devDependency, is not needed: `sibling(url, name)` names the module beside `url` in the same form.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** True when this module is the compiled JavaScript rather than the TypeScript source. */
export const COMPILED = !import.meta.url.endsWith('.ts');

/** The URL of module `name` (without extension) beside `url`: `.js` when compiled, `.ts` from the sources. */
export const sibling = (name: string, url: string): URL => new URL(`./${name}${COMPILED ? '.js' : '.ts'}`, url);

type ExportTarget = string | { import: string | { default: string } };

export function tsxImport(subpath: '.' | './esm/api'): string {
  const PACKAGE = require.resolve('tsx/package.json');
  const target = (require(PACKAGE) as { exports: Record<string, ExportTarget> }).exports[subpath];
  if (!target) throw new Error(`tsx does not export "${subpath}"`);
  const file =
    typeof target === 'string' ? target : typeof target.import === 'string' ? target.import : target.import.default;
  return pathToFileURL(join(dirname(PACKAGE), file)).href;
}
