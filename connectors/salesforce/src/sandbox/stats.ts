import type { OracleStats } from "@lethe/connector-sdk";

/**
 * What the sandbox saw, for `GET /__sandbox/stats`. `deletions` counts permanent removals per
 * record (`Type/id`): a hard delete, or the Recycle Bin's purge asked for by a client. Moving a
 * record to the Recycle Bin is not one (its data is still there), nor is the bin's own 15-day expiry.
 */
export class SandboxStats {
  private calls: Record<string, number> = {};
  private deletions: Record<string, number> = {};
  private throttled = 0;
  private unauthorised = 0;

  call(routeLabel: string): void {
    this.calls[routeLabel] = (this.calls[routeLabel] ?? 0) + 1;
  }

  purged(type: string, id: string): void {
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
    return { calls: { ...this.calls }, deletions: { ...this.deletions }, throttled: this.throttled, unauthorised: this.unauthorised };
  }
}
