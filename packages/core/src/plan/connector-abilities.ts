import type { Capabilities } from "@lethe/connector-sdk";

/**
 * What a plan needs to know of a connector: the capabilities it declares and which operations it
 * actually implements (a declared capability without its function is no ability). Plain data, so
 * the plan is decided without the connector's code; the runtime builds it from the registry.
 */
export interface ConnectorAbilities {
  capabilities: Capabilities;
  implements: { export: boolean; erase: boolean; rectify: boolean; restrict: boolean };
}

/** The abilities of a connector object (anything with `capabilities` and optional operations). */
export function connectorAbilities(connector: {
  capabilities: Capabilities;
  export?: unknown;
  erase?: unknown;
  rectify?: unknown;
  restrict?: unknown;
}): ConnectorAbilities {
  return {
    capabilities: connector.capabilities,
    implements: {
      export: connector.export !== undefined,
      erase: connector.erase !== undefined,
      rectify: connector.rectify !== undefined,
      restrict: connector.restrict !== undefined,
    },
  };
}
