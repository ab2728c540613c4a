import type { z } from "zod";
import { connectorContractVersion } from "./contract-version";
import type { ConnectorDefinition } from "./definition";

/**
 * Declares a connector: gives `ctx.settings` and `ctx.secrets` their types from the two zod
 * schemas, and records the contract version of the SDK it was built with (`contractVersion`),
 * which a host checks before it loads the connector as a plugin.
 */
export function defineConnector<S extends z.ZodType, K extends z.ZodType>(
  definition: ConnectorDefinition<S, K>,
): ConnectorDefinition<S, K> {
  return { ...definition, contractVersion: definition.contractVersion ?? connectorContractVersion };
}
