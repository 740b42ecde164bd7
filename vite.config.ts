import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig({
  base,
  // The console's version and commit (src/config/build-info.ts): package.json, GIT_COMMIT or git's HEAD.
  define: consoleDefines(),
  plugins: [
    scrollAreaWithoutFloatingUi(),
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
