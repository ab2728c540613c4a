/**
 * The share of requests closed by their due date (GDPR Art. 12(3), CCPA §1798.130: the deadline
 * in force, extensions included) among those closed. Null when none was closed: "no data" is not
 * "0 % on time".
 */
export function onTimeRate(closed: number, closedOnTime: number): number | null {
  if (!Number.isInteger(closed) || !Number.isInteger(closedOnTime) || closed < 0 || closedOnTime < 0 || closedOnTime > closed) {
    throw new RangeError(`on-time count ${closedOnTime} does not fit ${closed} closed`);
  }
  return closed === 0 ? null : closedOnTime / closed;
}
