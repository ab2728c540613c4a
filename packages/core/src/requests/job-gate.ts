import type { RequestStatus } from "./request-vocabulary";

/** How long a job for a paused request waits before it looks again. */
export const pausedRecheckMs = 60_000;

export type JobGate =
  /** The request is in the job's phase: do the work. */
  | { kind: "run" }
  /** The request is paused: keep the job's work and look again at `at`. */
  | { kind: "recheck"; at: Date }
  /** Cancelled, finished, moved on or vanished: end the job without doing anything. */
  | { kind: "drop" };

/**
 * Whether a job may do its work: only while the request (`status`, null when it no longer
 * exists) is in the phase the job belongs to. A paused request's job is added again for later,
 * its work kept rather than dropped.
 */
export function jobGate(status: string | null, phase: RequestStatus, now: Date): JobGate {
  if (status === phase) return { kind: "run" };
  if (status === "paused") return { kind: "recheck", at: new Date(now.getTime() + pausedRecheckMs) };
  return { kind: "drop" };
}
