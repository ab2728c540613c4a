import type { AnyConnector } from "@lethe/connector-sdk";

/** The connectors this deployment can run, by their permanent id. */
export interface ConnectorRegistry {
  get(connectorId: string): AnyConnector | undefined;
  /** Like `get`, but an unknown id is an `UnknownConnectorError`. */
  require(connectorId: string): AnyConnector;
  list(): AnyConnector[];
}

export class UnknownConnectorError extends Error {
  constructor(readonly connectorId: string) {
    super(`no connector with id "${connectorId}" is installed`);
    this.name = "UnknownConnectorError";
  }
}

export class DuplicateConnectorError extends Error {
  constructor(readonly connectorId: string) {
    super(`two connectors declare the id "${connectorId}"`);
    this.name = "DuplicateConnectorError";
  }
}

export function createConnectorRegistry(connectors: readonly AnyConnector[]): ConnectorRegistry {
  const byId = new Map<string, AnyConnector>();
  for (const connector of connectors) {
    if (byId.has(connector.id)) throw new DuplicateConnectorError(connector.id);
    byId.set(connector.id, connector);
  }
  return {
    get: (connectorId) => byId.get(connectorId),
    require(connectorId) {
      const connector = byId.get(connectorId);
      if (!connector) throw new UnknownConnectorError(connectorId);
      return connector;
    },
    list: () => [...byId.values()],
  };
}
