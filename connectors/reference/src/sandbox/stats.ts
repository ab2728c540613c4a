import type { OracleStats } from "@lethe/connector-sdk";
import type { RecordType } from "./world/world";

/**
 * What the sandbox saw, for `GET /__sandbox/stats`.
 *
 * `deletions` counts permanent deletions per record: a purge from the trash answered 204. Moving a
 * record to the trash is not a deletion (its data is still there), a DELETE or purge answered 404
 * is not one, and the trash's own 30-day expiry is not one either (no client asked for it). So an
 * erasure done right counts exactly 1 per record, however often it was retried.
 */
export class SandboxStats {
  private calls: Record<string, number> = {};
  private deletions: Record<string, number> = {};
  private throttled = 0;
  private unauthorised = 0;

  call(routeLabel: string): void {
    this.calls[routeLabel] = (this.calls[routeLabel] ?? 0) + 1;
  }

  purged(type: RecordType, id: string): void {
    const key = `${type}/${id}`;
    this.deletions[key] = (this.deletions[key] ?? 0) + 1;
  }

  throttle(): void {
    this.throttled++;
  }

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
    return {
      calls: { ...this.calls },
      deletions: { ...this.deletions },
      throttled: this.throttled,
      unauthorised: this.unauthorised,
    };
  }
}
