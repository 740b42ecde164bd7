// Finds the Chromium the end-to-end tests and benchmarks drive (Playwright cannot download its own
// browsers here). Order: $CHROME_PATH, then the usual system paths. `node scripts/chromium.mjs --ensure`
// installs Debian's chromium package when none is found and we are root with apt-get; otherwise it
// stops with the exact command to run.
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

export const findChromium = () => {
  if (process.env.CHROME_PATH) return executable(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  return CANDIDATES.find(executable) ?? null;
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

const INSTALL_HINT =
  'apt-get update && apt-get install -y chromium   (as root), or set CHROME_PATH to a Chromium or Chrome binary';

const ensure = () => {
  let found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt;
  try {
    execFileSync('which', ['apt-get'], { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (isRoot && hasApt && !process.env.CHROME_PATH) {
    console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium) ...");
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    found = findChromium();
    if (found) return found;
  }
  console.error(`No Chromium found for the end-to-end tests. Run:\n  ${INSTALL_HINT}`);
  process.exit(1);
};

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--ensure')) {
  console.log(`Chromium: ${ensure()}`);
}
