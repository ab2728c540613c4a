import type { OracleStats } from "@lethe/connector-sdk";

/**
 * What the sandbox saw, for `GET /__sandbox/stats`. `deletions` counts permanent deletions per
 * record: a user removed by `DELETE /deleted_users/:id` (key `user/{id}`), a ticket removed when
 * its permanent-deletion job completed (`ticket/{id}`). Soft deletion is not one; a 404 is not one.
 */
export class SandboxStats {
  private calls: Record<string, number> = {};
  private deletions: Record<string, number> = {};
  private throttled = 0;
  private unauthorised = 0;

  call(routeLabel: string): void {
    this.calls[routeLabel] = (this.calls[routeLabel] ?? 0) + 1;
  }

  purged(key: string): void {
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
    return { calls: { ...this.calls }, deletions: { ...this.deletions }, throttled: this.throttled, unauthorised: this.unauthorised };
  }
}
