import { fileURLToPath } from "node:url";

/** The absolute path of a file under this package's `data/` folder. */
export function dataFile(relativePath: string): string {
  return fileURLToPath(new URL(`../data/${relativePath}`, import.meta.url));
}
