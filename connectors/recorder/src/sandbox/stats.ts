import type { OracleStats } from "@lethe/connector-sdk";

/**
 * What the sandbox saw, for `GET /__sandbox/stats`. `deletions` counts purges per record key
 * (`recording/…`, `transcript/…`, `consent/…`) when a deletion job completes: submitting a job is
 * not a deletion, nor is deleting the media alone, so an erasure done right counts exactly 1.
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
