import type { z } from "zod";
import type { ConnectorDefinition } from "./definition";

/**
 * Declares a connector. An identity function at run time: its value is the type inference it gives
 * `ctx.settings` and `ctx.secrets` from the two zod schemas, and one place to hang checks later.
 */
export function defineConnector<S extends z.ZodType, K extends z.ZodType>(
  definition: ConnectorDefinition<S, K>,
): ConnectorDefinition<S, K> {
  return definition;
}
