import type { OracleStats } from "@lethe/connector-sdk";

/**
 * What the sandbox saw, for `GET /__sandbox/stats`.
 *
 * `purged(type, id)` is for permanent deletions only, asked for by a client and answered with
 * success: moving a record to a recycle bin is not one (its data is still there), a DELETE
 * answered 404 is not one, and the vendor's own expiry of its bin is not one (no client asked).
 * So an erasure done right counts exactly 1 per record, however often it was retried. Each
 * sandbox's stats note says which of its calls count.
 */
export class SandboxStats {
  private calls: Record<string, number> = {};
  private deletions: Record<string, number> = {};
  private throttled = 0;
  private unauthorised = 0;

  /** Every vendor request counts, refused and throttled ones too (see `countCall`). */
  call(routeLabel: string): void {
    this.calls[routeLabel] = (this.calls[routeLabel] ?? 0) + 1;
  }

  /** A record deleted for good; its key is `type/id`, the ref a connector reports. */
  purged(type: string, id: string): void {
    const key = `${type}/${id}`;
    this.deletions[key] = (this.deletions[key] ?? 0) + 1;
  }

  /** A 429 sent, by the rate limit or an injected fault. */
  throttle(): void {
    this.throttled++;
  }

  /** A request refused for its credentials. */
  refuse(): void {
    this.unauthorised++;
  }

  clear(): void {
    this.calls = {};
    this.deletions = {};
    this.throttled = 0;
    this.unauthorised = 0;
  }

  snapshot(): OracleStats {
    return { calls: { ...this.calls }, deletions: { ...this.deletions }, throttled: this.throttled, unauthorised: this.unauthorised };
  }
}
