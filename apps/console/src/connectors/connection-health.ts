import type { ConnectorInstanceView } from "@lethe/contracts";

export type ConnectionHealthState = "healthy" | "failing" | "retrying" | "paused" | "disabled" | "unknown";

export interface ConnectionHealth {
  state: ConnectionHealthState;
  /** Short badge text. */
  label: string;
  /** What the state rests on, for people: "worked for a request …", "tested …". */
  basis: string | null;
  /** A failure's scrubbed message. */
  detail: string | null;
}

type HealthInputs = Pick<ConnectorInstanceView, "enabled" | "pausedUntil" | "lastTest" | "lastUsedAt" | "lastOutcome" | "lastError">;

/**
 * A connection's health from the latest evidence about it: its last real work for a request or
 * its last explicit test, whichever is more recent (a connection that worked yesterday but fails
 * its test today is failing; one that failed a test but has worked since is healthy). A disabled
 * connection is only "disabled"; one the vendor asked to back off is "paused" until then.
 */
export function connectionHealth(instance: HealthInputs, now: Date, formatTime: (iso: string) => string): ConnectionHealth {
  if (!instance.enabled) return { state: "disabled", label: "disabled", basis: null, detail: null };
  if (instance.pausedUntil && new Date(instance.pausedUntil) > now) {
    return { state: "paused", label: "paused", basis: `The vendor asked to back off until ${formatTime(instance.pausedUntil)}.`, detail: null };
  }
  const test = instance.lastTest;
  const used = instance.lastUsedAt !== null && instance.lastOutcome !== null ? { at: instance.lastUsedAt, outcome: instance.lastOutcome } : null;
  const useIsLatest = used !== null && (test === null || new Date(used.at) >= new Date(test.checkedAt));
  if (used && useIsLatest) {
    const basis = `Last used for a request ${formatTime(used.at)}.`;
    if (used.outcome === "ok") return { state: "healthy", label: "working", basis, detail: null };
    if (used.outcome === "retrying") return { state: "retrying", label: "retrying", basis, detail: instance.lastError };
    return { state: "failing", label: "failing", basis, detail: instance.lastError };
  }
  if (test) {
    const basis = `Tested ${formatTime(test.checkedAt)}.`;
    if (test.ok) return { state: "healthy", label: "connected", basis, detail: null };
    return { state: "failing", label: test.code ? `failing: ${test.code}` : "failing", basis, detail: test.message };
  }
  return { state: "unknown", label: "not used yet", basis: "Neither tested nor used for a request yet.", detail: null };
}
