import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The directory holding `templates/connector`: apps/cli, whether this runs from src/ or the built dist/. */
export function cliDirectory(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(directory, "templates", "connector"))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error("The CLI's templates/connector directory is missing from this installation");
    directory = parent;
  }
  return directory;
}

/** The Lethe source checkout this CLI runs from, if it runs from one (its packages are then linkable). */
export function cliCheckout(): string | undefined {
  const root = path.resolve(cliDirectory(), "../..");
  return isLetheCheckout(root) ? root : undefined;
}

export function isLetheCheckout(directory: string): boolean {
  const manifest = path.join(directory, "package.json");
  if (!existsSync(manifest) || !existsSync(path.join(directory, "pnpm-workspace.yaml"))) return false;
  return (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "lethe";
}

/** Whether `target` is `root` or lies under it. */
export function isInside(target: string, root: string): boolean {
  const relative = path.relative(root, target);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
