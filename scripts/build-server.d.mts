export declare const SERVER_SOURCES: string;
export declare const SERVER_OUT: string;
export declare function serverBuildIsStale(): boolean;
export declare function buildServer(): Promise<{ ms: number }>;
