export declare const findChromium: () => string | null;
export declare const findTestChromium: () => string | null;
export declare const CHROMIUM_ARGS: string[];
