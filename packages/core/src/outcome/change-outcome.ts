import type { JsonValue } from "@lethe/connector-sdk";

/**
 * The part of a finished request's outcome that rectify and restrict tasks contribute
 * (request-outcome.ts calls it for rectification and restriction requests): counts of the
 * changes made and of their verification, and the reasons the request is not complete — a change
 * the read-back did not show (`not-applied`) or could not show (`unverifiable`).
 */
export function summariseChanges(
  type: "rectification" | "restriction",
  countOf: (phase: string, outcome: string) => number,
): { details: { [key: string]: JsonValue }; reasons: string[] } {
  const phase = type === "rectification" ? "rectify" : "restrict";
  const applied: { [outcome: string]: number } =
    type === "rectification"
      ? { rectified: countOf(phase, "rectified") }
      : { restricted: countOf(phase, "restricted"), unrestricted: countOf(phase, "unrestricted") };
  const verification = {
    verified: countOf("verify", "verified"),
    notApplied: countOf("verify", "not-applied"),
    unverifiable: countOf("verify", "unverifiable"),
  };
  const reasons: string[] = [];
  if (verification.notApplied > 0) reasons.push(`${verification.notApplied} record(s) did not show the change when read back`);
  if (verification.unverifiable > 0) reasons.push(`${verification.unverifiable} record(s) could not be read back to prove the change`);
  return {
    details: { [phase]: { ...applied, alreadyAbsent: countOf(phase, "already-absent") }, verification },
    reasons,
  };
}
