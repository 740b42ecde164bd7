import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { consoleDefines } from './scripts/build-info.mjs';

/** The embedded server the dev server proxies to (`npm run dev` starts both). */
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:8080';

/**
 * BASE_PATH: the path the console is served under, e.g. `/groups-console/` (default `/`): asset URLs,
 * the router's basename, config.json's URL and the sign-in redirect URI follow it (src/lib/base-path.ts).
 */
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * Mantine's ScrollArea imports one small hook (useMergeRefs) from @floating-ui/react, which ties the whole
 * floating layer (popovers, menus, tooltips) to every page with a table. Its import resolves to an
 * equivalent built on @mantine/hooks instead; the components that float still get floating-ui.
 */
const scrollAreaWithoutFloatingUi = (): Plugin => ({
  name: 'scroll-area-without-floating-ui',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === '@floating-ui/react' && importer?.replaceAll('\\', '/').includes('/components/ScrollArea/'))
      return fileURLToPath(new URL('./src/lib/merge-refs.ts', import.meta.url));
    return null;
  },
});

/**
 * The group list is the first screen. Vite preloads a lazy route's chunks by inserting `modulepreload`
 * links when the route's `import()` runs, which for the list is inside the entry's first task (about
 * 60 ms of a phone's main thread for a dozen links). For the route `module`, the links go into
 * index.html instead: the browser fetches those chunks beside the entry, and the entry's task inserts
 * none for it. (Its stylesheets, if it had any, would still be added when the route loads.)
 */
const preloadRouteFromHtml = (module: string): Plugin => {
  let routeFile: string | undefined;
  let routeChunks: string[] = [];
  const closure = (bundle: Rolldown.OutputBundle, start: Rolldown.OutputChunk): Set<string> => {
    const seen = new Set<string>();
    const visit = (fileName: string) => {
      const chunk = bundle[fileName];
      if (seen.has(fileName) || chunk?.type !== 'chunk') return;
      seen.add(fileName);
      chunk.imports.forEach(visit);
    };
    visit(start.fileName);
    return seen;
  };
  return {
    name: 'preload-route-from-html',
    apply: 'build',
    config: () => ({
      build: {
        modulePreload: {
          resolveDependencies: (filename, deps, { hostType }) => {
            if (hostType === 'js') return filename === routeFile ? [] : deps;
            return [...new Set([...deps, ...routeChunks])];
          },
        },
      },
    }),
    // Before Vite's own generateBundle hooks, which write index.html and the preload lists.
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
        // The chunk holding the route's module (its own, or the group firstScreenChunks put it in).
        const route = chunks.find((c) => c.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith(module)));
        const entry = chunks.find((c) => c.isEntry);
        if (!route || !entry) return this.error(`preload-route-from-html: no chunk for ${module} or no entry`);
        const inEntry = closure(bundle, entry);
        routeFile = route.fileName;
        routeChunks = [...closure(bundle, route)].filter((fileName) => !inEntry.has(fileName));
      },
    },
  };
};

interface ChunkingModule {
  code: string | null;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
  exports: readonly string[];
}
type ModuleInfoOf = (id: string) => ChunkingModule | null;

/** The names a module imports with `import { a, b as c } from '…'` (the imported side: a, b). */
const namedImports = (code: string): Set<string> => {
  const names = new Set<string>();
  for (const [, list] of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"][^'"]+['"]/g))
    for (const part of list!.split(','))
      names.add(
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim(),
      );
  return names;
};

/** A package's index that only imports and re-exports (`@mantine/core`, `@tabler/icons-react`). */
const isReexportIndex = (module: ChunkingModule): boolean =>
  !!module.code &&
  module.code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map((line) => line.trim())
    .every(
      (line) =>
        !line || line.startsWith('//') || /^(import|export)\s*[{*]/.test(line) || /^['"]use client['"];?$/.test(line),
    );

/**
 * The module graph as the chunking reads it, each module's info and whether it is a re-exporting index
 * asked for once: every importer of `@mantine/core` passes through its index, and reading a module's
 * info copies its code out of the bundler.
 */
const moduleGraph = (info: ModuleInfoOf) => {
  const modules = new Map<string, ChunkingModule | null>();
  const indexes = new Map<string, boolean>();
  const moduleOf = (id: string) => {
    if (!modules.has(id)) modules.set(id, info(id));
    return modules.get(id)!;
  };
  const isIndex = (id: string) => {
    if (!indexes.has(id)) {
      const module = moduleOf(id);
      indexes.set(id, !!module && isReexportIndex(module));
    }
    return indexes.get(id)!;
  };
  return { moduleOf, isIndex };
};

/**
 * The modules `starts` need, statically and transitively. A package's re-exporting index is followed only
 * to the modules exporting a name the importer asks for, not to everything it re-exports (most of which
 * the bundle drops, or only lazy chunks use).
 */
const staticClosure = (starts: Iterable<string>, graph: ReturnType<typeof moduleGraph>): Set<string> => {
  const { moduleOf, isIndex } = graph;
  const seen = new Set<string>();
  const visit = (id: string, asked?: Set<string>) => {
    const module = moduleOf(id);
    if (!module) return;
    if (asked && isIndex(id)) {
      for (const next of module.importedIds)
        if (isIndex(next) || moduleOf(next)?.exports.some((name) => asked.has(name))) visit(next, asked);
      return;
    }
    if (seen.has(id)) return;
    seen.add(id);
    const names = module.code ? namedImports(module.code) : undefined;
    for (const next of module.importedIds) visit(next, names);
  };
  for (const start of starts) visit(start);
  return seen;
};

/**
 * The first screen in few requests. Rolldown gives every set of modules shared by the entry and some lazy
 * chunk a chunk of its own (it will not let lazy chunks import from the entry), so the entry imported a
 * dozen small chunks and the list route sixteen more: each one more request on a phone's network, six at
 * a time over HTTP/1.1, where all of them are needed at once. Here the modules the entry needs go into one
 * `core` chunk (the entry itself stays a small chunk that imports it), and those the list route needs
 * besides into the route's own chunk when no other lazy chunk needs them, or else into one `list-shared`
 * chunk. Other chunks import from these what they share with them.
 */
const firstScreenChunks = (entryModule: string, routeModule: string): Plugin => {
  const entryId = fileURLToPath(new URL(entryModule, import.meta.url));
  const routeId = fileURLToPath(new URL(routeModule, import.meta.url));
  let groups: Map<string, string> | null = null;
  const compute = (info: ModuleInfoOf): Map<string, string> => {
    const graph = moduleGraph(info);
    const core = staticClosure([entryId], graph);
    core.delete(entryId);
    const route = staticClosure([routeId], graph);
    // Every module any chunk loads lazily, and what each of those needs.
    const lazyStarts = new Set<string>();
    const all = new Set<string>();
    const walk = (id: string) => {
      if (all.has(id)) return;
      all.add(id);
      const module = graph.moduleOf(id);
      module?.importedIds.forEach(walk);
      module?.dynamicallyImportedIds.forEach((next) => {
        lazyStarts.add(next);
        walk(next);
      });
    };
    walk(entryId);
    lazyStarts.delete(routeId);
    const elsewhere = staticClosure(lazyStarts, graph);
    const result = new Map<string, string>();
    for (const id of core) result.set(id, 'core');
    for (const id of route) if (!core.has(id)) result.set(id, elsewhere.has(id) ? 'list-shared' : 'list');
    return result;
  };
  return {
    name: 'first-screen-chunks',
    apply: 'build',
    buildEnd() {
      groups = compute((id) => this.getModuleInfo(id) as ChunkingModule | null);
    },
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              // Higher priority first: each group also takes in the modules its modules import, so the
              // shared ones are placed before the route's own can pull them in.
              groups: (['core', 'list-shared', 'list'] as const).map((name, index) => ({
                name,
                priority: 3 - index,
                test: (id: string) => groups?.get(id) === name,
              })),
            },
          },
        },
      },
    }),
  };
};

/** The first screen's route: its code is preloaded by index.html and grouped into few chunks. */
const FIRST_SCREEN_ROUTE = 'src/app/routes/groups/list.tsx';

export default defineConfig({
  base,
  // The console's version and commit (src/config/build-info.ts): package.json, GIT_COMMIT or git's HEAD.
  define: consoleDefines(),
  plugins: [
    scrollAreaWithoutFloatingUi(),
    preloadRouteFromHtml(FIRST_SCREEN_ROUTE),
    firstScreenChunks('src/main.tsx', FIRST_SCREEN_ROUTE),
    react(),
    // Brotli (quality 11) and gzip (level 9) copies of the hashed scripts and styles, served in place of
    // the originals to browsers that accept them: smaller than compressing on the fly, and free per request.
    compression({ include: /^assets\/.*\.(js|css)$/, threshold: 1024 }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/oauth': { target: apiTarget, changeOrigin: false },
      // The embedded server's build (the About dialog).
      '/version': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    // Source maps are published only when asked for: SOURCEMAP=1 (or `vite build --sourcemap`, as the bench does).
    sourcemap: process.env.SOURCEMAP === '1' || process.env.SOURCEMAP === 'true',
    chunkSizeWarningLimit: 700,
  },
});
