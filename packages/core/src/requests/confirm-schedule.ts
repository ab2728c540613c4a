/**
 * When a connector's asynchronous deletions are looked at again, and for how long. Vendors finish
 * most jobs in minutes (the recorder: six; Zendesk: seconds) but some only after days (a
 * Salesforce Recycle Bin empties after 15), so checks start soon and back off to hourly, and a
 * request stops waiting at the deadline — ending `partially_completed`, naming what stayed pending.
 */
export interface ConfirmSchedule {
  /** Delay before each check; the last one repeats. */
  delaysMs: readonly number[];
  /** How long after its erase an instance's pending receipts may wait for confirmation. */
  deadlineMs: number;
}

const second = 1_000;
const minute = 60 * second;
const hour = 60 * minute;

export const defaultConfirmSchedule: ConfirmSchedule = {
  delaysMs: [5 * second, 30 * second, 2 * minute, 10 * minute, hour],
  deadlineMs: 7 * 24 * hour,
};

/** The delay before check number `round` (0 = the first, right after erase). */
export function confirmDelayMs(schedule: ConfirmSchedule, round: number): number {
  const { delaysMs } = schedule;
  return delaysMs[Math.min(round, delaysMs.length - 1)] ?? hour;
}

export type AfterConfirmRound =
  /** Deletions still pending and time left: check again at `at`. */
  | { kind: "confirm-again"; at: Date }
  /** Nothing pending, or the deadline passed (`gaveUp`: the rest stays pending): verify the instance. */
  | { kind: "verify"; gaveUp: boolean };

/**
 * What an instance's confirm task does after a round of checks: `rounds` is how many it has made
 * (this one included), `outstanding` how many deletions are still pending, `since` when the wait
 * began (the deadline counts from it).
 */
export function afterConfirmRound(input: { schedule: ConfirmSchedule; rounds: number; outstanding: number; since: Date; now: Date }): AfterConfirmRound {
  const { schedule, rounds, outstanding, since, now } = input;
  if (outstanding === 0) return { kind: "verify", gaveUp: false };
  if (now.getTime() - since.getTime() >= schedule.deadlineMs) return { kind: "verify", gaveUp: true };
  return { kind: "confirm-again", at: new Date(now.getTime() + confirmDelayMs(schedule, rounds)) };
}
