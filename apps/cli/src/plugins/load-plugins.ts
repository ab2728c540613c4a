import {
  validateConnectorPlugin,
  validateSandboxPlugin,
  type AnyConnector,
  type SandboxDefinition,
} from "@lethe/connector-sdk";
import { resolvePlugin, type ResolvedPlugin } from "./resolve-plugin";

export interface LoadedPlugin {
  packageName: string;
  packageVersion: string;
  connector: AnyConnector;
  /** Its `./sandbox` export, loaded when asked for. */
  loadSandbox: (() => Promise<SandboxDefinition>) | undefined;
}

/** One plugin that cannot be loaded, and every reason. */
export interface RefusedPlugin {
  specifier: string;
  problems: string[];
}

export type PluginLoadResult = { loaded: LoadedPlugin[]; refused: RefusedPlugin[] };

/**
 * Imports each named plugin from the installation directory and checks its default export against
 * the connector contract (`validateConnectorPlugin`) before anything calls it. Collects every
 * refusal rather than stopping at the first, so one run names all that is wrong.
 */
export async function loadPlugins(specifiers: readonly string[], installationDirectory: string): Promise<PluginLoadResult> {
  const loaded: LoadedPlugin[] = [];
  const refused: RefusedPlugin[] = [];
  for (const specifier of specifiers) {
    const resolved = await resolvePlugin(specifier, installationDirectory);
    if (typeof resolved === "string") {
      refused.push({ specifier, problems: [resolved] });
      continue;
    }
    const outcome = await importPlugin(resolved);
    if ("problems" in outcome) refused.push({ specifier, problems: outcome.problems });
    else loaded.push(outcome);
  }
  return { loaded, refused };
}

async function importPlugin(resolved: ResolvedPlugin): Promise<LoadedPlugin | { problems: string[] }> {
  let module: { default?: unknown };
  try {
    module = (await import(resolved.connectorUrl)) as { default?: unknown };
  } catch (error) {
    return { problems: [`importing ${resolved.connectorUrl} failed: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const validation = validateConnectorPlugin(module.default);
  if (!validation.ok) return { problems: validation.problems };
  const { connector } = validation;
  const sandboxUrl = resolved.sandboxUrl;
  return {
    packageName: resolved.packageName,
    packageVersion: resolved.packageVersion,
    connector,
    loadSandbox: sandboxUrl
      ? async () => {
          const sandboxModule = (await import(sandboxUrl)) as { default?: unknown };
          const problems = validateSandboxPlugin(sandboxModule.default, connector.id);
          if (problems.length > 0) throw new PluginRefusedError([{ specifier: resolved.specifier, problems }]);
          return sandboxModule.default as SandboxDefinition;
        }
      : undefined,
  };
}

/** Plugins an installation names but that cannot run: the message lists each with its problems. */
export class PluginRefusedError extends Error {
  override name = "PluginRefusedError";
  constructor(readonly refused: readonly RefusedPlugin[]) {
    super(
      [
        `${refused.length === 1 ? "a connector plugin was" : `${refused.length} connector plugins were`} refused:`,
        ...refused.flatMap((plugin) => [`  ${plugin.specifier}:`, ...plugin.problems.map((problem) => `    - ${problem}`)]),
      ].join("\n"),
    );
  }
}
