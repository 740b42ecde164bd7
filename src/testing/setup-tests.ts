import '@testing-library/jest-dom/vitest';
import { i18n } from '@lingui/core';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Test files share one jsdom per worker (vitest.config.ts, isolate: false): every test leaves the
// document as it found it, portals and focus included, so the next file's keyboard tests start clean.
afterEach(() => {
  if (typeof document === 'undefined') return; // a file that runs in the node environment
  cleanup();
  document.body.innerHTML = '';
  (document.activeElement as HTMLElement | null)?.blur?.();
});

// The console's words in English, as an English page has them (src/lib/i18n.ts).
i18n.loadAndActivate({ locale: 'en', locales: ['en-US'], messages: {} });
