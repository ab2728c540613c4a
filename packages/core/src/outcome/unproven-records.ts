import type { JsonValue } from "@lethe/connector-sdk";

/** A record verification did not prove dealt with as the plan said: its `verify` receipt is not `verified`. */
export interface UnprovenRecord {
  instanceId: string;
  instanceName: string;
  type: string;
  id: string;
  /** The verify receipt's outcome: `still-present`, `lost`, or one a later version adds. */
  outcome: string;
  detail: string | null;
}

/** What the officer is told for each kind of shortfall, and the next step. */
const wording: Record<string, { what: string; next: (one: boolean) => string }> = {
  "still-present": {
    what: "were still present after erasure",
    next: (one) => `have the vendor delete ${one ? "it" : "them"} (or delete by hand), then file the erasure again to prove ${one ? "it" : "them"} gone`,
  },
  lost: {
    what: "the plan kept and only redacted are gone from the vendor",
    next: (one) =>
      `find out who or what deleted ${one ? "it" : "them"} (the vendor's audit log or recycle bin); restore ${one ? "it" : "them"} if the owner or a hold needs ${one ? "it" : "them"}, then file the erasure again`,
  },
};

const details: Record<string, string> = { "still-present": "stillPresentRecords", lost: "lostRecords" };

/**
 * Reasons and outcome details for the records verification did not prove: each named by the
 * vendor's record id (never the subject's identifiers) with what was found and what to do next.
 */
export function describeUnproven(records: readonly UnprovenRecord[]): { reasons: string[]; details: { [key: string]: JsonValue } } {
  const byOutcome = new Map<string, UnprovenRecord[]>();
  for (const record of records) byOutcome.set(record.outcome, [...(byOutcome.get(record.outcome) ?? []), record]);
  const reasons: string[] = [];
  const out: { [key: string]: JsonValue } = {};
  for (const [outcome, group] of byOutcome) {
    const named = group.map((record) => `${record.type}/${record.id} on "${record.instanceName}"${record.detail ? ` (${record.detail})` : ""}`);
    const say = wording[outcome] ?? {
      what: `were not proven by verification ("${outcome}")`,
      next: (one: boolean) => `check ${one ? "it" : "them"} at the vendor, then file the erasure again`,
    };
    reasons.push(`${group.length} record(s) ${say.what}: ${named.join(", ")}; next: ${say.next(group.length === 1)}`);
    out[details[outcome] ?? `${outcome}Records`] = group.map((record) => ({
      instanceId: record.instanceId,
      type: record.type,
      id: record.id,
      outcome: record.outcome,
      detail: record.detail,
    }));
  }
  return { reasons, details: out };
}
