import type { z } from "zod";
import type { OperationsMatching } from "./capability-operations";
import { connectorContractVersion } from "./contract-version";
import type { Capabilities, ConnectorDefinition } from "./definition";

/**
 * Declares a connector: gives `ctx.settings` and `ctx.secrets` their types from the two zod
 * schemas, and records the contract version of the SDK it was built with (`contractVersion`),
 * which a host checks before it loads the connector as a plugin.
 *
 * The capabilities written in the definition (`C`, inferred with their literal values) decide
 * which operations it must implement and which it must not (`OperationsMatching`): declaring
 * `restrict: true` without `restrict()`, or implementing `sweepCardNumbers` with
 * `cardSweep: false`, does not compile.
 */
export function defineConnector<S extends z.ZodType, K extends z.ZodType, const C extends Capabilities>(
  definition: ConnectorDefinition<S, K> & { capabilities: C } & OperationsMatching<C, S, K>,
): ConnectorDefinition<S, K> {
  return { ...definition, contractVersion: definition.contractVersion ?? connectorContractVersion };
}
