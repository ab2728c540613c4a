import { defaultEnginePolicy, type EnginePolicy } from "@lethe/core";
import type { RuntimeDependencies } from "../runtime-dependencies";

/** The policy the worker was started with, or the defaults (@lethe/core's `EnginePolicy`). */
export function enginePolicy(deps: Pick<RuntimeDependencies, "policy">): EnginePolicy {
  return deps.policy ?? defaultEnginePolicy;
}
