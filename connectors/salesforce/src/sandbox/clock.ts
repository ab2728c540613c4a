/**
 * The sandbox's time: real time plus an offset that tests move with `POST /__sandbox/clock`.
 * It dates trash entries, expires the trash after 30 days and drives the rate-limit window, so a
 * test can skip a month or a minute without waiting.
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

  reset(): void {
    this.offsetMs = 0;
  }
}
