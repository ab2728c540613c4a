import type { AnyConnector, SandboxDefinition } from "@lethe/connector-sdk";
import { installedSandboxes, loadInstalledConnectors } from "../installed-connectors.gen";
import { discoverKeywordPlugins } from "./keyword-plugins";
import { loadPlugins, PluginRefusedError, type LoadedPlugin, type RefusedPlugin } from "./load-plugins";
import { readPluginConfig } from "./plugin-config";
import { mergePluginSpecifiers } from "./plugin-specifiers";

/** Every connector this installation runs: those bundled with Lethe and its plugins. */
export interface ConnectorCatalog {
  connectors: AnyConnector[];
  sandboxes: Readonly<Record<string, () => Promise<SandboxDefinition>>>;
  plugins: readonly LoadedPlugin[];
}

export interface CatalogSources {
  installationDirectory: string;
  /** `LETHE_CONNECTORS`' entries. */
  environmentPlugins: readonly string[];
}

const catalogs = new Map<string, Promise<ConnectorCatalog>>();

/**
 * The bundled connectors plus the plugins the installation names (environment, `lethe.config.json`,
 * `lethe-connector` keyword). Any plugin that cannot be loaded, or whose id another connector
 * already has, refuses the whole catalog with a `PluginRefusedError`: running without a connector
 * the organisation configured would leave its systems out of every request. Loaded once per process.
 */
export function loadConnectorCatalog(sources: CatalogSources): Promise<ConnectorCatalog> {
  const key = JSON.stringify(sources);
  let catalog = catalogs.get(key);
  if (!catalog) {
    catalog = buildCatalog(sources);
    catalogs.set(key, catalog);
  }
  return catalog;
}

async function buildCatalog(sources: CatalogSources): Promise<ConnectorCatalog> {
  const specifiers = mergePluginSpecifiers(
    sources.environmentPlugins,
    await readPluginConfig(sources.installationDirectory),
    await discoverKeywordPlugins(sources.installationDirectory),
  );
  const bundled = await loadInstalledConnectors();
  const { loaded, refused } = await loadPlugins(specifiers, sources.installationDirectory);
  const clashes = idClashes(bundled, loaded);
  if (refused.length > 0 || clashes.length > 0) throw new PluginRefusedError([...refused, ...clashes]);
  const sandboxes: Record<string, () => Promise<SandboxDefinition>> = { ...installedSandboxes };
  for (const plugin of loaded) if (plugin.loadSandbox) sandboxes[plugin.connector.id] = plugin.loadSandbox;
  return { connectors: [...bundled, ...loaded.map((plugin) => plugin.connector)], sandboxes, plugins: loaded };
}

/** Plugins whose connector id a bundled connector or an earlier plugin already has. */
export function idClashes(bundled: readonly AnyConnector[], plugins: readonly LoadedPlugin[]): RefusedPlugin[] {
  const owners = new Map(bundled.map((connector) => [connector.id, "a connector bundled with Lethe"]));
  const clashes: RefusedPlugin[] = [];
  for (const plugin of plugins) {
    const owner = owners.get(plugin.connector.id);
    if (owner) clashes.push({ specifier: plugin.packageName, problems: [`its id "${plugin.connector.id}" is already taken by ${owner}`] });
    else owners.set(plugin.connector.id, plugin.packageName);
  }
  return clashes;
}
