import '@testing-library/jest-dom/vitest';
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
