/**
 * A sandbox's time: real time plus an offset that tests move with `POST /__sandbox/clock`. Use it
 * for everything the vendor dates or expires (recycle bins, async jobs, tokens, rate-limit
 * windows), so that a test can skip a month or a minute without waiting.
 */
export class SandboxClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  /** Back to real time. */
  reset(): void {
    this.offsetMs = 0;
  }
}
