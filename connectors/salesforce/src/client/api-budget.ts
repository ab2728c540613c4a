import { RateLimitedError } from "@lethe/connector-sdk";

/**
 * The org's daily API allocation as Salesforce reports it on every response
 * (`Sforce-Limit-Info: api-usage=used/max`, vendor-apis.md §1.4). Salesforce answers an exhausted
 * allocation with 403 REQUEST_LIMIT_EXCEEDED, not 429, and other integrations of the org share it,
 * so the connector stops itself while `reserve` requests remain: it raises RateLimitedError with a
 * wait until the next UTC day, which the runtime turns into a pause of this instance's work.
 */
export class ApiBudget {
  used: number | undefined;
  max: number | undefined;

  constructor(private readonly reserve: number) {}

  get remaining(): number | undefined {
    return this.used === undefined || this.max === undefined ? undefined : Math.max(0, this.max - this.used);
  }

  read(header: string | null): void {
    const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? "");
    if (!match) return;
    this.used = Number(match[1]);
    this.max = Number(match[2]);
  }

  /** Throws before a call that would eat into the reserve. */
  ensureAvailable(now: Date): void {
    const remaining = this.remaining;
    if (remaining !== undefined && remaining <= this.reserve) {
      throw new RateLimitedError(
        `Salesforce API budget: ${remaining} of ${this.max ?? "?"} daily requests left, at or below the reserve of ${this.reserve}; resuming tomorrow`,
        untilNextDay(now),
      );
    }
  }

  /** A 403 after the last response said the allocation was (nearly) spent is the daily limit. */
  looksExhausted(): boolean {
    const remaining = this.remaining;
    return remaining !== undefined && remaining <= 1;
  }
}

export function untilNextDay(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(60_000, next - now.getTime());
}
