export declare const cleanCommit: (value: unknown) => string | null;
export declare function buildCommit(env?: Record<string, string | undefined>): string | null;
export declare const packageVersion: () => string;
export declare const consoleDefines: (env?: Record<string, string | undefined>) => {
  __CONSOLE_VERSION__: string;
  __CONSOLE_COMMIT__: string;
};
