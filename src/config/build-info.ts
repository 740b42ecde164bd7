/**
 * What this build of the console is: its version (package.json) and the commit it was built from
 * (GIT_COMMIT, else git's HEAD, else null), put in by vite.config.ts at build time
 * (scripts/build-info.mjs). Shown in the About dialog and in the details of every error.
 */
declare const __CONSOLE_VERSION__: string;
declare const __CONSOLE_COMMIT__: string | null;

export interface BuildInfo {
  version: string;
  commit: string | null;
}

export const BUILD_INFO: BuildInfo = Object.freeze({
  version: __CONSOLE_VERSION__,
  commit: __CONSOLE_COMMIT__,
});

/** A commit as people quote it: its first 12 characters. */
export const shortCommit = (commit: string | null | undefined): string | null => (commit ? commit.slice(0, 12) : null);

/** "0.1.0 (385a03d452b6)", or the version alone when the commit is unknown. */
export const describeBuild = (info: BuildInfo = BUILD_INFO): string => {
  const short = shortCommit(info.commit);
  return short ? `${info.version} (${short})` : info.version;
};
