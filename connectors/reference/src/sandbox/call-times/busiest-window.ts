export interface BusiestWindow {
  /** Calls in the busiest window of `windowMs` (a half-open interval [startMs, startMs + windowMs)). */
  calls: number;
  startMs: number;
}

/**
 * The most calls any sliding window of `windowMs` holds, over arrival times in milliseconds — the
 * way a vendor that limits "N requests per minute" over a rolling minute counts. A busiest window
 * can always be taken to start at some call, so one pass with two indices over the sorted times
 * finds it. No calls: `{ calls: 0, startMs: NaN }`.
 */
export function busiestWindow(times: readonly number[], windowMs: number): BusiestWindow {
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be positive, got ${windowMs}`);
  const sorted = [...times].sort((a, b) => a - b);
  let best: BusiestWindow = { calls: 0, startMs: Number.NaN };
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    const from = sorted[start] ?? 0;
    while (end < sorted.length && (sorted[end] ?? 0) < from + windowMs) end++;
    if (end - start > best.calls) best = { calls: end - start, startMs: from };
  }
  return best;
}
