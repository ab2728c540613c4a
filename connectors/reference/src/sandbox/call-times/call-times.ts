/**
 * When each vendor call arrived, by the sandbox clock: the vendor-side record a scale-out test or
 * benchmark reads to check that several workers together kept to the instance's rate limit.
 * The per-route counts of `SandboxStats` say how many calls; only arrival times say how fast.
 *
 * Times are kept in arrival order, which the single-threaded server makes non-decreasing unless a
 * test moves the clock back. Past `capacity` the oldest are dropped, so a long-running demo
 * sandbox cannot grow without bound; `dropped` says how many.
 */
export class CallTimes {
  private times: number[] = [];
  private droppedCount = 0;

  constructor(private readonly capacity = 1_000_000) {}

  record(at: Date): void {
    this.times.push(at.getTime());
    if (this.times.length > this.capacity) {
      const excess = this.times.length - this.capacity;
      this.times.splice(0, excess);
      this.droppedCount += excess;
    }
  }

  clear(): void {
    this.times = [];
    this.droppedCount = 0;
  }

  snapshot(): { times: number[]; dropped: number } {
    return { times: [...this.times], dropped: this.droppedCount };
  }
}
