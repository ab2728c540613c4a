import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig, type Plugin } from "vite";
import { buildStampPath, fingerprintConsoleSources } from "./src/build/source-fingerprint";

const packageDirectory = fileURLToPath(new URL(".", import.meta.url));

/** Records which sources the build was made from; `lethe start` refuses a build of other sources. */
function stampBuild(): Plugin {
  return {
    name: "lethe:stamp-build",
    apply: "build",
    async closeBundle() {
      const stamp = buildStampPath(packageDirectory);
      await mkdir(path.dirname(stamp), { recursive: true });
      await writeFile(stamp, `${JSON.stringify({ sources: await fingerprintConsoleSources(packageDirectory) })}\n`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [vue(), stampBuild()],
  resolve: {
    // Workspace packages' TypeScript (their `source` export), so the console builds and serves
    // in dev without their dist/; the rest are Vite's defaults for the browser.
    conditions: ["source", "module", "browser", "development|production"],
  },
  build: {
    // dist/ itself holds the Node-side helper (tsdown), built first; see package.json.
    outDir: "dist/web",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
  },
  server: {
    // `pnpm --filter @lethe/console dev` against a `lethe start` on the default port.
    proxy: { "/api": "http://127.0.0.1:4400" },
  },
});
