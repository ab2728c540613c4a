/**
 * The organisation's engine policies, read from the environment once per call (cheap, and a
 * test or an operator changing them takes effect on the next request step):
 *
 * - `LETHE_AUTO_APPROVE` — request types whose plan is approved without a person
 *   (default `access,portability,erasure`); rectification is never approved automatically.
 * - `LETHE_REDACT_SCOPE` — what `redact` removes from a held record: `personal-data` (default)
 *   or `whole-party`.
 * - `LETHE_DEFAULT_REGION` — the region a discovered phone number without a country code is read in
 *   (default `GB`), as for filed requests.
 */
export interface EnginePolicy {
  autoApprove: ReadonlySet<string>;
  redactScope: "personal-data" | "whole-party";
  defaultRegion: string;
}

const neverAutomatic = new Set(["rectification"]);

export function enginePolicy(env: NodeJS.ProcessEnv = process.env): EnginePolicy {
  const listed = (env.LETHE_AUTO_APPROVE ?? "access,portability,erasure")
    .split(",")
    .map((type) => type.trim())
    .filter((type) => type !== "" && !neverAutomatic.has(type));
  return {
    autoApprove: new Set(listed),
    redactScope: env.LETHE_REDACT_SCOPE === "whole-party" ? "whole-party" : "personal-data",
    defaultRegion: env.LETHE_DEFAULT_REGION?.trim() || "GB",
  };
}
