import { inspect } from "node:util";

/*
 * Test support: the one way the database tests wait for the worker. The engine works in the
 * background (graphile-worker jobs), so a test files or changes something and then polls the
 * database or a sandbox's oracle until the effect shows, failing with what it last saw.
 */

export interface PollOptions {
  /** How long to keep asking before failing; default 30 000 ms. */
  timeoutMs?: number;
  /** The pause between two probes; default 100 ms. */
  intervalMs?: number;
}

export class PollTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    readonly lastSeen: unknown,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(lastSeen)}`);
    this.name = "PollTimeoutError";
  }
}

/** The value as one line, cut short: a whole request detail would bury the message. */
function describe(value: unknown): string {
  const text = inspect(value, { depth: 4, breakLength: Infinity });
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
}

/**
 * Calls `probe` until its value is there — anything but `undefined` or `false`, or whatever
 * `options.until` accepts — and returns that value. After `timeoutMs` it throws a
 * `PollTimeoutError` naming `what` and the last value seen. A probe that throws ends the wait.
 */
export function pollUntil<T>(what: string, probe: () => Promise<T>, options: PollOptions & { until: (value: T) => boolean }): Promise<T>;
export function pollUntil<T>(what: string, probe: () => Promise<T | undefined | false>, options?: PollOptions): Promise<T>;
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  options: PollOptions & { until?: (value: T | undefined | false) => boolean } = {},
): Promise<T | undefined | false> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 100;
  const done = options.until ?? ((value: T | undefined | false) => value !== undefined && value !== false);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new PollTimeoutError(what, timeoutMs, value);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
