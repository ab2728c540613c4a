import type { Database } from "@lethe/db";
import type { WorkerLog } from "../../runtime-dependencies";
import { summariseError } from "../../errors/error-summary";
import { writeAuditCheckpoint, type AuditCheckpointing } from "./checkpointed-verification";

/**
 * The worker's periodic audit checkpoint: verify the trail and, when intact, sign and store where
 * the chain stands. In every worker process (the file is per machine; a checkpoint that repeats
 * another's is skipped). A trail that no longer matches its checkpoint is logged at error.
 */
export function scheduleAuditCheckpoints(
  database: Database,
  checkpointing: AuditCheckpointing & { intervalMs?: number },
  log: WorkerLog,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= writeAuditCheckpoint(database, checkpointing)
      .then(({ verification }) => {
        if (!verification.ok) log("error", `audit trail check failed: ${verification.message}`, { reason: verification.reason });
      })
      .catch((error: unknown) => log("warn", "writing an audit checkpoint failed", { error: summariseError(error) }))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, checkpointing.intervalMs ?? 10 * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
