// Finds the Chromium the end-to-end tests and benchmarks drive (Playwright cannot download its own
// browsers here). Order: $CHROME_PATH, then the usual system paths. The end-to-end tests prefer Debian's
// old headless shell (`chromium-headless-shell`, the same Chromium without the full browser's window and
// compositor: about a fifth less CPU for the end-to-end stage on this 2-core machine); the benchmarks
// measure with the full browser, as a user's. `node scripts/chromium.mjs --ensure` installs Debian's
// packages when they are missing and we are root with apt-get; otherwise it stops with the exact command
// to run (a full Chromium alone is enough for the tests).
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Debian's `chromium-headless-shell` package. */
const HEADLESS_SHELL_CANDIDATES = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];

/** The full browser: $CHROME_PATH, else a system Chromium or Chrome (the benchmarks). */
export const findChromium = () => {
  if (process.env.CHROME_PATH) return executable(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  return CANDIDATES.find(executable) ?? null;
};

/** The end-to-end tests' browser: $CHROME_PATH, else the headless shell, else the full browser. */
export const findTestChromium = () => {
  if (process.env.CHROME_PATH) return findChromium();
  return HEADLESS_SHELL_CANDIDATES.find(executable) ?? findChromium();
};

/** Flags for a headless Chromium on a closed network, as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

const PACKAGES = ['chromium', 'chromium-headless-shell'];
const INSTALL_HINT = `apt-get update && apt-get install -y ${PACKAGES.join(' ')}   (as root), or set CHROME_PATH to a Chromium or Chrome binary`;

const ensure = () => {
  const found = findTestChromium();
  // Installed already: the browser asked for, or the headless shell.
  if (found && (process.env.CHROME_PATH || HEADLESS_SHELL_CANDIDATES.includes(found))) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt;
  try {
    execFileSync('which', ['apt-get'], { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (isRoot && hasApt && !process.env.CHROME_PATH) {
    console.log(
      `Installing Debian's ${PACKAGES.join(' and ')} packages (apt-get install -y ${PACKAGES.join(' ')}) ...`,
    );
    try {
      execFileSync('apt-get', ['update'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', ...PACKAGES], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      // A full Chromium already here still runs the tests, only slower.
      if (!found) throw error;
      console.warn(`Could not install ${PACKAGES.join(' ')}: the tests run on ${found}.`);
    }
    const installed = findTestChromium();
    if (installed) return installed;
  }
  if (found) return found;
  console.error(`No Chromium found for the end-to-end tests. Run:\n  ${INSTALL_HINT}`);
  process.exit(1);
};

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--ensure')) {
  console.log(`Chromium: ${ensure()}`);
}
