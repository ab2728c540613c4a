import type { Database } from "@lethe/db";
import { summariseError } from "../errors/error-summary";
import type { WorkerLog } from "../runtime-dependencies";
import { sealAuditLog } from "./seal-audit-log";

export interface AuditSealerOptions {
  /**
   * How long after a request to seal, gathering the entries of other commits meanwhile; default
   * 1 s, so that one round (5 statements) serves the several jobs of a request, or many requests.
   */
  delayMs?: number;
  /** Seal this often even without requests (entries written by other processes); default 5 s. */
  intervalMs?: number;
}

export interface AuditSealer {
  /** Some audit entries were committed: seal soon. Requests arriving before the round runs share it. */
  request(): void;
  /** Stops the timers and waits for a round in progress, then seals what is left. */
  stop(): Promise<void>;
}

/**
 * A process's background sealing of the audit chain: one round shortly after commits that wrote
 * entries (debounced, so a busy worker seals many commits per round) and one every `intervalMs`.
 * Rounds in one process never overlap; rounds of several processes queue on the sealer's lock.
 */
export function createAuditSealer(database: Database, log: WorkerLog, options: AuditSealerOptions = {}): AuditSealer {
  const delayMs = options.delayMs ?? 1_000;
  let pending: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const round = (): void => {
    pending = undefined;
    if (running) {
      again = true;
      return;
    }
    running = sealAuditLog(database.db)
      .then(() => undefined)
      .catch((error: unknown) => log("warn", "sealing the audit chain failed; the next round retries", { error: summariseError(error) }))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          request();
        }
      });
  };
  const request = (): void => {
    if (stopped || pending) return;
    pending = setTimeout(round, delayMs);
    pending.unref();
  };
  const interval = setInterval(round, options.intervalMs ?? 5_000);
  interval.unref();

  return {
    request,
    async stop() {
      stopped = true;
      clearInterval(interval);
      if (pending) clearTimeout(pending);
      pending = undefined;
      await running;
      await sealAuditLog(database.db).catch((error: unknown) =>
        log("warn", "sealing the audit chain on stop failed; the next process seals it", { error: summariseError(error) }),
      );
    },
  };
}
