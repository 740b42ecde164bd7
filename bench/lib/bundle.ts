/**
 * Bundle size: what a browser downloads to show /groups (the entry chunk, its static imports, and
 * the /groups route chunk with its static imports, plus their CSS), the whole app, and which source
 * modules and packages take the most bytes (from the chunks' source maps).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Size {
  files: number;
  raw: number;
  gzip: number;
  /** What a browser that accepts Brotli downloads: the build's `.br` copy where there is one, else the raw file. */
  served: number;
}
export interface Sizes {
  js: Size;
  css: Size;
}

export interface ModuleSize {
  module: string;
  bytes: number;
}

export interface BundleReport {
  route: { entry: string[]; routeModule: string; files: string[] } & Sizes;
  app: Sizes;
  largestModules: ModuleSize[];
  largestPackages: ModuleSize[];
}

export const readManifest = (distDir: string): Manifest =>
  JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;

/**
 * Files (JS and CSS, relative to dist) loaded for the given manifest keys and their static imports,
 * transitively. Dynamic imports are not followed: they load on demand.
 */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no entry "${key}".`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...files];
}

/**
 * The manifest keys of what index.html loads: its entry chunk; or, when that entry only imported other
 * chunks (Vite then writes those into index.html as scripts and the manifest has no entry), the chunks
 * of index.html's module scripts (`indexHtml`, its text).
 */
export function entryKeys(manifest: Manifest, indexHtml = ''): string[] {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  const html = entries.find(([k]) => k.endsWith('index.html')) ?? entries[0];
  if (html) return [html[0]];
  const scripts = [...indexHtml.matchAll(/<script\b[^>]*\bsrc="[^"]*?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const keys = Object.keys(manifest).filter((k) => scripts.includes(manifest[k]!.file));
  if (keys.length === 0) throw new Error('Neither the build manifest nor index.html names an entry chunk.');
  return keys;
}

const indexHtmlOf = (distDir: string): string => {
  const file = join(distDir, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

/**
 * The manifest key of a lazily loaded module whose source path ends with `suffix`; or, when the build put
 * that module into a chunk of a group (vite.config.ts's firstScreenChunks: the manifest then has no key of
 * its own for it), the key of the chunk whose sources (`sourcesOf`, read from its source map) hold it.
 */
export function dynamicKey(
  manifest: Manifest,
  suffix: string,
  sourcesOf: (file: string) => readonly string[] = () => [],
): string | undefined {
  return (
    Object.keys(manifest).find((k) => k.endsWith(suffix) && manifest[k]!.isDynamicEntry) ??
    Object.keys(manifest).find((k) => sourcesOf(manifest[k]!.file).some((source) => source.endsWith(suffix)))
  );
}

const sizeOf = (distDir: string, files: readonly string[]): Size => {
  let raw = 0;
  let gzip = 0;
  let served = 0;
  for (const file of files) {
    const content = readFileSync(join(distDir, file));
    raw += content.length;
    gzip += gzipSync(content).length;
    const brotli = join(distDir, `${file}.br`);
    served += existsSync(brotli) ? statSync(brotli).size : content.length;
  }
  return { files: files.length, raw, gzip, served };
};

export const sizes = (distDir: string, files: readonly string[]): Sizes => ({
  js: sizeOf(
    distDir,
    files.filter((f) => f.endsWith('.js')),
  ),
  css: sizeOf(
    distDir,
    files.filter((f) => f.endsWith('.css')),
  ),
});

interface SourceMap {
  sources: string[];
  sourceRoot?: string;
  mappings: string;
}

/**
 * Bytes of a generated file attributed to its sources: each mapping segment owns the bytes up to the
 * next segment on its line; bytes before the first segment of a line, and segments with no source,
 * count as "(unmapped)". Source paths are made relative to `root`.
 */
export function attributeBytes(code: string, map: SourceMap, mapDir: string, root: string): Map<string, number> {
  const totals = new Map<string, number>();
  const add = (key: string, bytes: number) => {
    if (bytes > 0) totals.set(key, (totals.get(key) ?? 0) + bytes);
  };
  const names = map.sources.map((s) => {
    const absolute = resolve(mapDir, map.sourceRoot ?? '', s);
    return relative(root, absolute).split('\\').join('/');
  });
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  lines.forEach((line, i) => {
    const segments = decoded[i] ?? [];
    // Columns are UTF-16 offsets; count UTF-8 bytes of each slice.
    const bytes = (from: number, to: number) => Buffer.byteLength(line.slice(from, to));
    const newline = i < lines.length - 1 ? 1 : 0;
    if (segments.length === 0) {
      add('(unmapped)', bytes(0, line.length) + newline);
      return;
    }
    add('(unmapped)', bytes(0, segments[0]![0]));
    segments.forEach((segment, j) => {
      const end = j + 1 < segments.length ? segments[j + 1]![0] : line.length;
      const source = segment.length >= 4 ? names[segment[1]!] : undefined;
      add(source ?? '(unmapped)', bytes(segment[0], end) + (j + 1 === segments.length ? newline : 0));
    });
  });
  return totals;
}

/** `node_modules/@scope/name/...` → `@scope/name`; other paths → `(app) <first two folders>`. */
export function packageOf(module: string): string {
  const index = module.lastIndexOf('node_modules/');
  if (index >= 0) {
    const parts = module.slice(index + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (module === '(unmapped)') return module;
  return `(app) ${module.split('/').slice(0, 2).join('/')}`;
}

const top = (totals: Map<string, number>, n: number): ModuleSize[] =>
  [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([module, bytes]) => ({ module, bytes }));

export function measureBundle(
  distDir: string,
  root: string,
  routeSuffix = 'src/app/routes/groups/list.tsx',
): BundleReport {
  if (!existsSync(join(distDir, '.vite', 'manifest.json')))
    throw new Error(`${distDir}/.vite/manifest.json is missing: build with --manifest.`);
  const manifest = readManifest(distDir);
  const entry = entryKeys(manifest, indexHtmlOf(distDir));
  const routeModule = dynamicKey(manifest, routeSuffix, (file) => {
    const mapFile = join(distDir, `${file}.map`);
    return existsSync(mapFile) ? (JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap).sources : [];
  });
  if (!routeModule) throw new Error(`The build has no lazy chunk for ${routeSuffix}.`);
  const routeFiles = staticClosure(manifest, [...entry, routeModule]);

  const assets = join(distDir, 'assets');
  const allFiles = readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => `assets/${f}`);

  const modules = new Map<string, number>();
  for (const file of allFiles.filter((f) => f.endsWith('.js'))) {
    const mapFile = join(distDir, `${file}.map`);
    if (!existsSync(mapFile)) continue;
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap;
    const perSource = attributeBytes(readFileSync(join(distDir, file), 'utf8'), map, dirname(mapFile), root);
    for (const [source, bytes] of perSource) modules.set(source, (modules.get(source) ?? 0) + bytes);
  }
  const packages = new Map<string, number>();
  for (const [module, bytes] of modules) {
    const pkg = packageOf(module);
    packages.set(pkg, (packages.get(pkg) ?? 0) + bytes);
  }

  return {
    route: { entry, routeModule, files: routeFiles, ...sizes(distDir, routeFiles) },
    app: sizes(distDir, allFiles),
    largestModules: top(modules, 10),
    largestPackages: top(packages, 10),
  };
}

/**
 * What a browser downloads to show an app with no lazy route (the stack floor): its HTML entry chunk
 * and that chunk's static imports, with their CSS.
 */
export function measureEntry(distDir: string): { entry: string[]; files: string[] } & Sizes {
  if (!existsSync(join(distDir, '.vite', 'manifest.json')))
    throw new Error(`${distDir}/.vite/manifest.json is missing: build with --manifest.`);
  const manifest = readManifest(distDir);
  const entry = entryKeys(manifest, indexHtmlOf(distDir));
  const files = staticClosure(manifest, entry);
  return { entry, files, ...sizes(distDir, files) };
}
