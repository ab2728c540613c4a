import { EmbeddedPostgresError } from "./embedded-postgres-error";
import { launchPostmaster, type RunningPostmaster } from "./postmaster-process";
import { readPostmasterLock } from "./postmaster-pid";
import { isProcessAlive } from "./process-probes";
import { forgetOnExit } from "./shutdown-on-exit";
import type { EmbeddedServerState } from "./server-state";

export interface SupervisorOptions {
  dataDirectory: string;
  credentials: Pick<EmbeddedServerState, "user" | "password">;
  /** The postmaster as it runs now; its port is kept across restarts. */
  running: RunningPostmaster;
  durable: boolean;
  /** PostgreSQL's own output while it restarts. */
  log: (message: string) => void;
  /** That the postmaster died, was restarted, or could not be. */
  report: (message: string) => void;
  /** Runs `work` under the cluster's startup lock (so a restart never races another starter). */
  withLock: <T>(work: () => Promise<T>) => Promise<T>;
  /** Records the restarted postmaster (pid, port, owner) beside the cluster. */
  recordRunning: (running: RunningPostmaster) => Promise<void>;
  /** How often the postmaster is looked at; default 1 000 ms. */
  intervalMs?: number;
}

export interface PostmasterSupervisor {
  /** The postmaster currently supervised (its pid changes after a restart). */
  current(): RunningPostmaster;
  /** Stops watching; the postmaster is left running. */
  stop(): Promise<void>;
}

/**
 * Keeps an owned embedded PostgreSQL running: when its postmaster dies (killed, out of memory),
 * a new one is started on the same cluster and the same port, so every pool's URL stays valid
 * and its connections come back by themselves. Meanwhile queries fail as connection errors,
 * which the API answers with 503 and the worker retries.
 */
export function supervisePostmaster(options: SupervisorOptions): PostmasterSupervisor {
  let running = options.running;
  let stopped = false;
  let restarting: Promise<void> | undefined;

  const restart = async () => {
    options.report(`PostgreSQL (pid ${running.pid}) has stopped; restarting it on port ${running.port}`);
    forgetOnExit(running.pid);
    await options.withLock(async () => {
      if (stopped) return;
      // Another starter may have brought the cluster up meanwhile; then it is left to it.
      const lock = await readPostmasterLock(options.dataDirectory);
      if (lock && lock.pid !== running.pid && isProcessAlive(lock.pid)) {
        running = { pid: lock.pid, port: lock.port };
        return;
      }
      running = await launchPostmaster({
        dataDirectory: options.dataDirectory,
        credentials: options.credentials,
        initialise: false,
        durable: options.durable,
        log: options.log,
        port: running.port,
      });
      await options.recordRunning(running);
      options.report(`PostgreSQL (pid ${running.pid}) is ready again on port ${running.port}`);
    });
  };

  const timer = setInterval(() => {
    if (stopped || restarting || isProcessAlive(running.pid)) return;
    restarting = restart()
      .catch((error: unknown) => {
        const why = error instanceof EmbeddedPostgresError || error instanceof Error ? error.message : String(error);
        options.report(`restarting PostgreSQL failed (trying again): ${why}`);
      })
      .finally(() => {
        restarting = undefined;
      });
  }, options.intervalMs ?? 1_000);
  // Supervision alone must not keep the process alive.
  timer.unref();

  return {
    current: () => running,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await restarting;
    },
  };
}
