import type { UserConfig } from "tsdown";

/** See index.js: ESM + `.d.ts` into `dist/`, every bare import left external. */
export declare function defineLetheBuild(entry: Record<string, string>, overrides?: UserConfig): UserConfig;
