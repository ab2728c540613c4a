// @ts-check
import { defineConfig } from "tsdown";

/**
 * The build every Lethe package shares: ESM for Node 20 plus `.d.ts`, into `dist/`, one file per
 * entry (named after the entry's key, so `package.json` exports can name them) and shared chunks.
 *
 * Every bare import stays an import: dependencies are installed next to the package (npm, or the
 * workspace's links), so bundling them would ship a second copy of a library, and bundling a
 * workspace package into another would give two instances of its classes and registries.
 * Relative imports (including `../package.json` for a connector's version) are bundled in.
 *
 * @param {Record<string, string>} entry  output name → source file, e.g. `{ index: "src/index.ts" }`
 * @param {import("tsdown").UserConfig} [overrides]  for the rare package that needs more
 */
export function defineLetheBuild(entry, overrides = {}) {
  return defineConfig({
    // "./"-relative: a bare "src/…" would match the never-bundle pattern below when the .d.ts
    // plugin resolves the entries, and the declarations would lose their entry names.
    entry: Object.fromEntries(Object.entries(entry).map(([name, file]) => [name, file.startsWith("./") ? file : `./${file}`])),
    format: "esm",
    platform: "node",
    target: "node20",
    outDir: "dist",
    clean: true,
    dts: true,
    sourcemap: true,
    // `.js`/`.d.ts` (the packages are "type": "module") rather than tsdown's `.mjs`/`.d.mts` default for node.
    fixedExtension: false,
    deps: { neverBundle: [/^[^./]/] },
    logLevel: "warn",
    ...overrides,
  });
}
