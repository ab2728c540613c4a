/*
 * Which connector plugins an installation names, from its three sources, in order: the
 * environment (`LETHE_CONNECTORS`), the installation's `lethe.config.json` (`connectors`), and the
 * installation's own dependencies that carry the `lethe-connector` keyword. A specifier is a
 * package name (`@acme/lethe-connector-crm`) or a path to a package directory (`./plugins/crm`).
 */

export const pluginKeyword = "lethe-connector";

/** `LETHE_CONNECTORS`' comma-separated entries, trimmed, empty ones dropped. */
export function parsePluginList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** Every named plugin once, first mention first. */
export function mergePluginSpecifiers(...sources: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(sources.flat())];
}

/** A path (relative or absolute) rather than a package name. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith(".") || specifier.startsWith("/");
}
