import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { consoleDistDirectory, requireConsoleBuild } from "@lethe/console";
import type { Benchmark, BenchmarkRow } from "../benchmark";

async function gzipKilobytes(files: string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(file), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

/** The script, stylesheets and module preloads `index.html` names: what a first visit downloads. */
async function firstLoadFiles(): Promise<string[]> {
  const html = await readFile(path.join(consoleDistDirectory, "index.html"), "utf8");
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1] ?? "");
  return [path.join(consoleDistDirectory, "index.html"), ...referenced.map((asset) => path.join(consoleDistDirectory, asset))];
}

async function allAssetFiles(): Promise<string[]> {
  const assets = path.join(consoleDistDirectory, "assets");
  return (await readdir(assets)).filter((name) => /\.(js|css)$/.test(name)).map((name) => path.join(assets, name));
}

/**
 * The console's production bundle (gzip -9) beside Vue's own production runtime, gzipped in the
 * same run: the ratio says how much the console (router, Pinia, zod, the API contracts and its
 * screens) adds over the framework alone. Measures the build `pnpm build` made (refuses a stale one).
 */
export const consoleBundle: Benchmark = {
  name: "console-bundle",
  description: "The console's production bundle size (gzip) vs. Vue's production runtime alone",
  run: async ({ log }): Promise<BenchmarkRow[]> => {
    log(`measuring the console build in ${await requireConsoleBuild()}`);
    const requireFromConsole = createRequire(path.join(consoleDistDirectory, "..", "..", "package.json"));
    const vueRuntime = requireFromConsole.resolve("vue/dist/vue.runtime.esm-browser.prod.js");
    const baseline = await gzipKilobytes([vueRuntime]);
    return [
      { metric: "first load JS+CSS gzip KB", value: await gzipKilobytes(await firstLoadFiles()), baseline, better: "lower" },
      { metric: "all JS+CSS gzip KB", value: await gzipKilobytes(await allAssetFiles()), baseline, better: "lower" },
    ];
  },
};
