export declare const cleanCommit: (value: unknown) => string | null;
export declare function buildCommit(env?: Record<string, string | undefined>): string | null;
