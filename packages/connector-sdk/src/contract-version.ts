/**
 * The version of the connector contract this SDK describes (`ConnectorDefinition` and what the
 * engine expects of each operation), as `major.minor`. `defineConnector` stamps it onto every
 * definition, so a plugin built against one SDK carries the contract it implements; a host loads
 * a plugin whose major equals its own and whose minor is not newer than its own. Raise the minor
 * for additions a host may ignore, the major for anything an older plugin would get wrong.
 */
export const connectorContractVersion = "1.1";

/** 1.1: `inventory` (the data inventory per record type) and the optional `countRecords` operation. */
export const inventoryContractVersion = "1.1";

/** Why a plugin's contract cannot run on this host, or undefined when it can. */
export function contractIncompatibility(pluginVersion: unknown, hostVersion: string = connectorContractVersion): string | undefined {
  if (typeof pluginVersion !== "string") {
    return `declares no contract version (build it with defineConnector from @lethe/connector-sdk, which records it)`;
  }
  const plugin = parseContractVersion(pluginVersion);
  const host = parseContractVersion(hostVersion);
  if (!plugin) return `declares contract version "${pluginVersion}", which is not major.minor`;
  if (!host) throw new Error(`host contract version "${hostVersion}" is not major.minor`);
  if (plugin.major !== host.major) {
    return `implements connector contract ${pluginVersion}; this Lethe runs contract ${hostVersion} (the major versions must match)`;
  }
  if (plugin.minor > host.minor) {
    return `implements connector contract ${pluginVersion}, newer than this Lethe's ${hostVersion}: upgrade Lethe`;
  }
  return undefined;
}

function parseContractVersion(version: string): { major: number; minor: number } | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : undefined;
}

/** Whether a plugin's contract version is older than `than` (both `major.minor`); false when either is not. */
export function contractPredates(pluginVersion: unknown, than: string): boolean {
  const plugin = typeof pluginVersion === "string" ? parseContractVersion(pluginVersion) : undefined;
  const other = parseContractVersion(than);
  if (!plugin || !other) return false;
  return plugin.major < other.major || (plugin.major === other.major && plugin.minor < other.minor);
}
