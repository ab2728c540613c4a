import type { RuntimeDependencies } from "@lethe/runtime";
import type { ApiContext } from "../dependencies";
import { requireSecretBox } from "./require-secret-box";

/** What the runtime's functions that call a connector need, from the API's context. */
export function runtimeDependenciesOf(context: ApiContext): RuntimeDependencies {
  return {
    database: context.db,
    registry: context.registry,
    secretBox: requireSecretBox(context),
    exportDirectory: context.exportDirectory ?? "",
    log: context.log,
    logLevel: "info",
    outbound: context.outbound,
  };
}
