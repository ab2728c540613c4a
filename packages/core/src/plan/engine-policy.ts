/**
 * The organisation's engine policies. The CLI reads them from its environment (apps/cli/src/env.ts:
 * `LETHE_AUTO_APPROVE`, `LETHE_REDACT_SCOPE`, `LETHE_DEFAULT_REGION`, `LETHE_VERIFY_SEARCH`) and hands
 * them to the worker;
 * without them the defaults below hold.
 *
 * - `autoApprove` — request types whose plan is approved without a person (default
 *   `access,portability,erasure`); rectification is never approved automatically.
 * - `redactScope` — what `redact` removes from a held record: `personal-data` (default) or
 *   `whole-party`.
 * - `defaultRegion` — the region a discovered phone number without a country code is read in, as
 *   for filed requests (default `GB`).
 * - `verifySearch` — whether verification also searches the subject again on connectors that read
 *   back by id: `without-read-back` (default: the search only where `readBack` is missing; the
 *   records the plan acted on are read back by id) or `always` (one more locate per instance, which
 *   also reports a strong match the locate did not see — a record created since).
 */
export interface EnginePolicy {
  autoApprove: ReadonlySet<string>;
  redactScope: "personal-data" | "whole-party";
  defaultRegion: string;
  verifySearch: "without-read-back" | "always";
}

const neverAutomatic = new Set(["rectification"]);

/** A policy from its configured text forms; unknown or empty values fall back to the defaults. */
export function parseEnginePolicy(input: {
  autoApprove?: string | undefined;
  redactScope?: string | undefined;
  defaultRegion?: string | undefined;
  verifySearch?: string | undefined;
}): EnginePolicy {
  const listed = (input.autoApprove ?? "access,portability,erasure")
    .split(",")
    .map((type) => type.trim())
    .filter((type) => type !== "" && !neverAutomatic.has(type));
  return {
    autoApprove: new Set(listed),
    redactScope: input.redactScope === "whole-party" ? "whole-party" : "personal-data",
    defaultRegion: input.defaultRegion?.trim() || "GB",
    verifySearch: input.verifySearch === "always" ? "always" : "without-read-back",
  };
}

export const defaultEnginePolicy: EnginePolicy = parseEnginePolicy({});
