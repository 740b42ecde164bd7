import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { consoleDefines } from './scripts/build-info.mjs';
import { inlineSourceMessages } from './scripts/inline-source-messages';

/** The embedded server the dev server proxies to (`npm run dev` starts both). */
const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:8080';

/**
 * BASE_PATH: the path the console is served under, e.g. `/groups-console/` (default `/`): asset URLs,
 * the router's basename, config.json's URL and the sign-in redirect URI follow it (src/lib/base-path.ts).
 */
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/**
 * One package's import of another, from the files under `importerDir`, resolved to a module of ours that
 * gives what those files take from it, so that they do not bring the whole package to every page.
 */
const redirectImport = (name: string, source: string, importerDir: string, to: string): Plugin => ({
  name,
  enforce: 'pre',
  resolveId(id, importer) {
    if (id === source && importer?.replaceAll('\\', '/').includes(importerDir))
      return fileURLToPath(new URL(to, import.meta.url));
    return null;
  },
});

/**
 * Mantine's ScrollArea imports one small hook (useMergeRefs) from @floating-ui/react, which ties the whole
 * floating layer (popovers, menus, tooltips) to every page with a table. Its import resolves to an
 * equivalent built on @mantine/hooks instead; the components that float still get floating-ui.
 */
const scrollAreaWithoutFloatingUi = () =>
  redirectImport(
    'scroll-area-without-floating-ui',
    '@floating-ui/react',
    '/components/ScrollArea/',
    './src/lib/merge-refs.ts',
  );

/**
 * Mantine's AppShell header, footer and aside import react-remove-scroll for its two class names only,
 * which tied the scroll lock of modals and drawers to the first screen. Their import resolves to those
 * class names instead (src/lib/remove-scroll-class-names.ts); modals and drawers still get the real one.
 */
const appShellWithoutScrollLock = () =>
  redirectImport(
    'app-shell-without-scroll-lock',
    'react-remove-scroll',
    '/components/AppShell/',
    './src/lib/remove-scroll-class-names.ts',
  );

/**
 * Mantine's Table imports ScrollArea for `Table.ScrollContainer`'s custom scroll bars, which the console
 * does not use (its theme makes the container scroll natively): every page with a table, the group list
 * first, carried it. Table's import resolves to a native scroller instead (src/lib/table-scroll-area.tsx).
 */
const tableWithoutScrollArea = () =>
  redirectImport(
    'table-without-scroll-area',
    '../ScrollArea/ScrollArea.mjs',
    '/components/Table/',
    './src/lib/table-scroll-area.tsx',
  );

interface ChunkingModule {
  code: string | null;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
  exports: readonly string[];
}
type ModuleInfoOf = (id: string) => ChunkingModule | null;

/**
 * The names a module takes from others with `import { a, b as c } from '…'` or passes on with
 * `export { a, b as c } from '…'` (the other module's side: a, b), by the package they come from: its
 * name for a bare specifier (`@mantine/core`, `@mantine/core/…`), the importer's own package for a
 * relative one, and null for the console's own modules (`@/…`, or relative from them).
 */
const namedImportsByPackage = (code: string, importerPackage: string | null): Map<string | null, Set<string>> => {
  const byPackage = new Map<string | null, Set<string>>();
  for (const [, list, specifier] of code.matchAll(/(?:import|export)\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    const from = /^[./]/.test(specifier!)
      ? importerPackage
      : specifier!.startsWith('@/')
        ? null
        : specifier!
            .split('/')
            .slice(0, specifier!.startsWith('@') ? 2 : 1)
            .join('/');
    const names = byPackage.get(from) ?? new Set<string>();
    byPackage.set(from, names);
    for (const part of list!.split(','))
      names.add(
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim(),
      );
  }
  return byPackage;
};

/** The package a module belongs to (`@mantine/core`), or null for the console's own. */
const packageOf = (id: string): string | null => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1] ?? null;

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
    // What it asks of each package: an index of one is followed only for the names taken from it (a
    // component named like one of Mantine's, taken from the console's own module, is not Mantine's).
    const byPackage = module.code ? namedImportsByPackage(module.code, packageOf(id)) : undefined;
    for (const next of module.importedIds)
      visit(next, byPackage ? (byPackage.get(packageOf(next)) ?? new Set()) : undefined);
  };
  for (const start of starts) visit(start);
  return seen;
};

/**
 * The first screens in few requests. Rolldown gives every set of modules shared by the entry and some lazy
 * chunk a chunk of its own (it will not let lazy chunks import from the entry), so the entry imported a
 * dozen small chunks and the list route sixteen more: each one more request on a phone's network, six at
 * a time over HTTP/1.1, where all of them are needed at once. So:
 * - `core`: the entry, the list's route (the first screen) and the modules they need, which index.html
 *   loads directly with the runtime chunk: the list's code was two chunks more, which the group page,
 *   the shell's parts and most other pages imported as well;
 * - `shell`: what the shell's parts loaded after the first paint on every page need besides (`idleParts`:
 *   the header's menus, the modals and notifications hosts), which was a dozen more chunks;
 * - `common`: what of that the group page needs too (a few small modules and the pages' styles), so that
 *   the group page does not load the shell's floating layer;
 * - `detail`: those the group page needs besides, the other screen people arrive at by link. It needed 44
 *   chunks, and a phone's largest paint came about a second later for them. Modules that the shell loads
 *   on demand (the command palette) or the list after its first screen (its filter inputs, its empty
 *   view: `routeParts`) stay out of it, so that those do not fetch the group page's code; the list's
 *   dialogs (import, export, bulk delete) and the other pages that share some of its modules (edit, compare)
 *   load `detail` for them. What its route's loader imports ahead of the page (the URL state, to ask for
 *   the first members page) is `detail-early`, small, so that request does not wait for all of `detail`.
 * Other chunks import from these what they share with them.
 */
interface FirstScreens {
  entry: string;
  /** The first screen's route (the list). */
  route: string;
  /** The group page's route. */
  groupPage: string;
  /** What the shell loads once the first screen has painted, on every page. */
  idleParts: string[];
  /** What the first screen's route loads after it (when idle, or as the view needs it). */
  routeParts: string[];
}

const CHUNK_GROUPS = ['core', 'common', 'shell', 'detail-early', 'detail'] as const;

const firstScreenChunks = (screens: FirstScreens): Plugin => {
  const idOf = (module: string) => fileURLToPath(new URL(module, import.meta.url));
  const entryId = idOf(screens.entry);
  const routeId = idOf(screens.route);
  let groups: Map<string, string> | null = null;
  const compute = (info: ModuleInfoOf): Map<string, string> => {
    const graph = moduleGraph(info);
    // The entry and the list's route, which is most people's first screen: the group page and most
    // others import the list's modules anyway.
    const entry = staticClosure([entryId], graph);
    const core = new Set([...entry, ...staticClosure([routeId], graph)]);
    const result = new Map<string, string>();
    const assign = (ids: Iterable<string>, name: (typeof CHUNK_GROUPS)[number]) => {
      for (const id of ids) if (!result.has(id)) result.set(id, name);
    };
    assign(core, 'core');
    const idleParts = screens.idleParts.map(idOf);
    const detailId = idOf(screens.groupPage);
    const detail = staticClosure([detailId], graph);
    // The parts' own modules stay chunks of their own, so that one that cannot be fetched is left out
    // alone (lazyOptional). What they share with the group page is `common`, so that the group page does
    // not fetch the shell's floating layer (Popover, Menu, Tooltip, floating-ui) for a few small modules.
    const shell = [...staticClosure(idleParts, graph)].filter((id) => !idleParts.includes(id));
    assign(
      shell.filter((id) => detail.has(id)),
      'common',
    );
    assign(shell, 'shell');
    const pages = new Set(graph.moduleOf(idOf('src/app/router.tsx'))?.dynamicallyImportedIds ?? []);
    // What the entry's own modules import later (the list's dialogs, which load `detail`, are not in it).
    const coreImportsLater = [...entry]
      .flatMap((id) => graph.moduleOf(id)?.dynamicallyImportedIds ?? [])
      .filter((id) => !pages.has(id) && !idleParts.includes(id));
    // The group page's modules its loader imports ahead of the page (its URL state, to ask for the first
    // members page): a small chunk of their own, which arrives well before `detail`.
    assign(
      staticClosure(
        coreImportsLater.filter((id) => detail.has(id)),
        graph,
      ),
      'detail-early',
    );
    // What the shell loads on demand (the command palette) and what the list loads after its first screen
    // (its filter inputs): not in `detail`, which they would otherwise fetch whole for a few modules.
    const shellOnDemand = staticClosure(
      [...coreImportsLater.filter((id) => !detail.has(id)), ...screens.routeParts.map(idOf)],
      graph,
    );
    assign(
      // The route's own module stays the chunk its dynamic import loads: captured in the group, rolldown made
      // that chunk a facade re-exporting a namespace object it never declared, in some builds.
      [...detail].filter((id) => !shellOnDemand.has(id) && id !== detailId),
      'detail',
    );
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
              groups: CHUNK_GROUPS.map((name, index) => ({
                name,
                priority: CHUNK_GROUPS.length - index,
                test: (id: string) => groups?.get(id) === name,
                // `detail` leaves out what the shell loads on demand, which its modules import too: a
                // group takes in its modules' dependencies unless told not to.
                includeDependenciesRecursively: name !== 'detail',
              })),
            },
          },
        },
      },
    }),
  };
};

/** The first screen's route: its code comes with the entry's (firstScreenChunks). */
const FIRST_SCREEN_ROUTE = 'src/app/routes/groups/list.tsx';
/** The group page's route: its code is grouped into few chunks too. */
const GROUP_PAGE_ROUTE = 'src/app/routes/groups/detail.tsx';

/**
 * The console's words (lingui.config.ts): macros become message descriptors, with their English kept and
 * compiled into the code (scripts/inline-source-messages.ts), and each language's catalogue is compiled on
 * import; a catalogue that lacks a message fails the build. Web Workers are built by their own pipeline,
 * which needs the same transform for any module they share with the page.
 */
const consoleWords = () => [
  lingui({
    macroTransform: { macro: { descriptorFields: 'message' } },
    failOnMissing: true,
    failOnCompileError: true,
  }),
  inlineSourceMessages(),
];

export default defineConfig({
  base,
  worker: { plugins: consoleWords },
  // The console's version and commit (src/config/build-info.ts): package.json, GIT_COMMIT or git's HEAD.
  define: consoleDefines(),
  plugins: [
    scrollAreaWithoutFloatingUi(),
    appShellWithoutScrollLock(),
    tableWithoutScrollArea(),
    firstScreenChunks({
      entry: 'src/main.tsx',
      route: FIRST_SCREEN_ROUTE,
      groupPage: GROUP_PAGE_ROUTE,
      idleParts: [
        'src/app/header-menus.tsx',
        'src/components/feedback/modals-provider.tsx',
        'src/components/feedback/notifications-view.tsx',
      ],
      routeParts: [
        'src/features/groups/list/components/group-list-filters.tsx',
        'src/features/groups/list/components/group-list-filters-drawer.tsx',
        'src/features/groups/list/components/group-list-empty.tsx',
      ],
    }),
    ...consoleWords(),
    react(),
    // Brotli (quality 11) and gzip (level 9) copies of the hashed scripts and styles, served in place of
    // the originals to browsers that accept them: smaller than compressing on the fly, and free per request.
    // Small files too (the runtime chunk, under 1 kB, is on every page), where the copy is smaller.
    compression({ include: /^assets\/.*\.(js|css)$/, threshold: 0, skipIfLargerOrEqual: true }),
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
    // Every browser the console supports preloads modules: no polyfill for it in the entry.
    modulePreload: { polyfill: false },
  },
});
