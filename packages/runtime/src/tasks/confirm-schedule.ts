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
