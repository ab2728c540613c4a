/**
 * The org's daily API request allocation: a rolling 24-hour count (vendor-apis.md §1.4). Calls
 * past it are refused with 403 REQUEST_LIMIT_EXCEEDED; every response reports the usage in
 * `Sforce-Limit-Info: api-usage=used/max`.
 */
export class ApiAllocation {
  private calls: number[] = [];

  constructor(public max: number) {}

  used(now: Date): number {
    const since = now.getTime() - 86_400_000;
    this.calls = this.calls.filter((at) => at > since);
    return this.calls.length;
  }

  /** Counts a call; false when the allocation is spent (the call is refused and not counted). */
  take(now: Date): boolean {
    if (this.used(now) >= this.max) return false;
    this.calls.push(now.getTime());
    return true;
  }

  /** Marks `count` calls as already made now (tests: start a day nearly spent). */
  spend(count: number, now: Date): void {
    for (let i = 0; i < count; i++) this.calls.push(now.getTime());
  }

  clear(): void {
    this.calls = [];
  }

  header(now: Date): string {
    return `api-usage=${this.used(now)}/${this.max}`;
  }
}
