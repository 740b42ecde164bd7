/**
 * The server runs its TypeScript through tsx, and so must the threads and processes it starts (reader
 * threads, the large seed's process). `tsxImport(subpath)` is the file URL of the module tsx's package
 * exports at `subpath` for `import`: '.' is the loader for `node --import`, './esm/api' has `register()`.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const PACKAGE = require.resolve('tsx/package.json');

type ExportTarget = string | { import: string | { default: string } };

export function tsxImport(subpath: '.' | './esm/api'): string {
  const target = (require(PACKAGE) as { exports: Record<string, ExportTarget> }).exports[subpath];
  if (!target) throw new Error(`tsx does not export "${subpath}"`);
  const file =
    typeof target === 'string' ? target : typeof target.import === 'string' ? target.import : target.import.default;
  return pathToFileURL(join(dirname(PACKAGE), file)).href;
}
