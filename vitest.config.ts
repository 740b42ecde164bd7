import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { consoleDefines } from './scripts/build-info.mjs';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the processors: one on this 2-core machine, and the server
    // tests spend much of their time waiting on sockets and child processes. Three workers take the
    // server project from about 180 s to 60 s here.
    maxWorkers: 3,
    projects: [
      {
        plugins: [lingui({ macroTransform: true }), react()],
        define: consoleDefines(),
        resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          setupFiles: ['src/testing/setup-tests.ts'],
          css: false,
          // One jsdom per worker instead of one per test file (43 of them took most of the project's time).
          isolate: false,
          // Rendering tests with Mantine's transitions take about a second each on a quiet machine; a busy
          // shared one can take several times that, which is slowness, not failure.
          testTimeout: 20_000,
          // As the end-to-end stage in CI: a test that fails once is run again, and reported as flaky.
          retry: process.env.CI ? 1 : 0,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
          // Seeds the demo org once; servers and databases of the tests start from copies of it.
          globalSetup: ['server/test/support/demo-template.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // The server modules are imported once per worker instead of once per file (about 1.5 s a file);
          // each test builds its own app and database, so nothing is shared through module state.
          isolate: false,
        },
      },
    ],
  },
});
