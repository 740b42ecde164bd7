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
        const route = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(module));
        const entry = chunks.find((c) => c.isEntry);
        if (!route || !entry) return this.error(`preload-route-from-html: no chunk for ${module} or no entry`);
        const inEntry = closure(bundle, entry);
        routeFile = route.fileName;
        routeChunks = [...closure(bundle, route)].filter((fileName) => !inEntry.has(fileName));
      },
    },
  };
};

export default defineConfig({
  base,
  // The console's version and commit (src/config/build-info.ts): package.json, GIT_COMMIT or git's HEAD.
  define: consoleDefines(),
  plugins: [
    scrollAreaWithoutFloatingUi(),
    preloadRouteFromHtml('src/app/routes/groups/list.tsx'),
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
