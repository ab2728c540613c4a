import { EventEmitter } from "node:events";
import { redactIdentifierShapes, type LogLevel } from "@lethe/connector-sdk";
import type { Database, SecretSealer } from "@lethe/db";
import { Logger, run, type LogLevel as GraphileLogLevel, type WorkerEvents } from "graphile-worker";
import type { ConnectorRegistry } from "./connector-registry";
import { deadlineAlertsCronItem } from "./alerts/deadline-alerts-task";
import type { RuntimeDependencies, WorkerLog } from "./runtime-dependencies";
import { RateLimitLeases } from "./rate-limit-leases";
import { periodicCronItems } from "./periodic/periodic-tasks";
import { defaultConfirmSchedule, type EnginePolicy } from "@lethe/core";
import { defaultBreakerOptions, InstanceBreakers, type BreakerOptions } from "./tasks/instance-breaker";
import { defaultRetryPolicy, type RetryPolicy } from "./tasks/retry-policy";
import { withholdQueryParameters } from "./errors/error-summary";
import { createTaskList } from "./tasks/task-list";
import { openWorkerLiveness } from "./worker-liveness";
import type { AuditCheckpointing } from "./audit/checkpoints/checkpointed-verification";
import { scheduleAuditCheckpoints } from "./audit/checkpoints/checkpoint-schedule";
import { createAuditSealer } from "./audit/audit-sealer";
import { createOutboundGuard } from "./outbound/outbound-guard";
import { prepareWorkerSchema } from "./worker-schema";
import { openWorkerConnectionPool } from "./worker-connection-pool";

export interface StartWorkerOptions {
  db: Database;
  registry: ConnectorRegistry;
  secretBox: SecretSealer;
  exportDirectory: string;
  /** Jobs run at once by this process; default 4. */
  concurrency?: number;
  /** How often to look for jobs that are due (retries, rescheduled jobs); default 1 000 ms. */
  pollIntervalMs?: number;
  /** Where log lines go; default: warnings and errors to stderr as JSON. */
  log?: WorkerLog;
  /** The lowest level of connectors' log lines; default `info`. */
  logLevel?: LogLevel;
  /** How often to look for jobs held by dead workers; default 5 000 ms. */
  recoveryIntervalMs?: number;
  /**
   * How long an instance's `pending` erasures (vendor-side asynchronous deletions) are confirmed
   * for before the request gives up on them and ends `partially_completed`; default 7 days.
   */
  confirmDeadlineMs?: number;
  /** Delays between confirmation checks, the last repeating; default 5 s, 30 s, 2 min, 10 min, 1 h. */
  confirmDelaysMs?: readonly number[];
  /** Days left at which an open request raises `deadline.due_soon` (`LETHE_DUE_SOON_DAYS`); default 7. */
  dueSoonDays?: number;
  /** Days a closed request keeps its identifiers before minimisation (`LETHE_REQUEST_RETENTION_DAYS`); default 730. */
  requestRetentionDays?: number;
  /** Auto-approval, redact scope and default region; default `defaultEnginePolicy`. */
  policy?: EnginePolicy;
  /** Cron schedule of the deadline sweep; default every 15 minutes. */
  deadlineAlertsSchedule?: string;
  /** How failed task runs are retried (budget, backoff); default `defaultRetryPolicy`. */
  retryPolicy?: Partial<RetryPolicy>;
  /** This worker's per-instance circuit breakers; default `defaultBreakerOptions`. */
  breaker?: Partial<BreakerOptions>;
  /**
   * Sign and store a checkpoint of the audit chain (count, head hash, time) outside the database
   * every `intervalMs` (default 10 minutes), so a truncated or shortened log is detectable.
   */
  auditCheckpoints?: AuditCheckpointing & { intervalMs?: number };
  /**
   * Exceptions to the outbound policy (`LETHE_OUTBOUND_ALLOW`): host names, addresses and CIDR
   * ranges vendors and webhook receivers may be reached at although they are private or loopback.
   * Default none: connectors and webhooks reach public addresses only.
   */
  outboundAllow?: readonly string[];
  /** What time it is for retention sweeps (tests move it); default the system clock. */
  clock?: { now(): Date };
}

export interface RunningWorker {
  /** Stops taking jobs, lets running ones finish (aborting them after 5 s), and disconnects. */
  stop(): Promise<void>;
  /** Jobs this process has run since it started, for progress and liveness lines. */
  progress(): WorkerProgress;
}

export interface WorkerProgress {
  /** Jobs that ended in success. */
  completed: number;
  /** Job attempts that threw (graphile-worker retries them later, or gives up after its attempts). */
  failed: number;
  /** Jobs running now. */
  running: number;
}

/**
 * Runs a graphile-worker pool over Lethe's tasks. Any number of these may run, in one process or
 * many, against the same database: jobs are claimed under row locks, rate limits are shared in
 * Postgres, and a worker that dies mid-job has its jobs recovered by the others (see
 * worker-liveness.ts). The process's signals are left to the caller.
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const log = options.log ?? stderrLog;
  const database = options.db;
  await prepareWorkerSchema(database);
  const deps: RuntimeDependencies = {
    database,
    registry: options.registry,
    secretBox: options.secretBox,
    exportDirectory: options.exportDirectory,
    log,
    logLevel: options.logLevel ?? "info",
    outbound: createOutboundGuard({ allow: options.outboundAllow ?? [] }),
    confirmSchedule: {
      delaysMs: options.confirmDelaysMs ?? defaultConfirmSchedule.delaysMs,
      deadlineMs: options.confirmDeadlineMs ?? defaultConfirmSchedule.deadlineMs,
    },
    ...(options.dueSoonDays === undefined ? {} : { dueSoonDays: options.dueSoonDays }),
    ...(options.requestRetentionDays === undefined ? {} : { requestRetentionDays: options.requestRetentionDays }),
    ...(options.policy ? { policy: options.policy } : {}),
    retryPolicy: { ...defaultRetryPolicy, ...options.retryPolicy },
    breakers: new InstanceBreakers({ ...defaultBreakerOptions, ...options.breaker }),
    rateLimitLeases: new RateLimitLeases(),
    ...(options.clock ? { clock: options.clock } : {}),
  };

  const liveness = await openWorkerLiveness(database, log);
  const events: WorkerEvents = new EventEmitter();
  const progress: WorkerProgress = { completed: 0, failed: 0, running: 0 };
  events.on("job:start", () => void (progress.running += 1));
  events.on("job:success", () => void (progress.completed += 1));
  events.on("job:error", () => void (progress.failed += 1));
  events.on("job:complete", () => void (progress.running -= 1));
  // Jobs append audit entries unsealed; each finished job asks for a (debounced) sealing round.
  const sealer = createAuditSealer(database, log);
  events.on("job:complete", () => sealer.request());
  const claims: Array<Promise<void>> = [];
  events.on("pool:create", ({ workerPool }) => {
    claims.push(
      liveness.claim(workerPool.id).catch((error: unknown) => {
        log("error", "could not declare the worker pool alive", { error: String(error) });
      }),
    );
  });

  const concurrency = options.concurrency ?? 4;
  const connections = openWorkerConnectionPool(database.url, Math.max(4, concurrency + 2), log);
  let runner: Awaited<ReturnType<typeof run>>;
  try {
    runner = await run({
      pgPool: connections.pool,
      concurrency,
      pollInterval: options.pollIntervalMs ?? 1_000,
      noHandleSignals: true,
      taskList: createTaskList(deps),
      // Periodic tasks come from one list in code (periodic/periodic-tasks.ts); passing it
      // also stops graphile-worker from looking for a crontab file in the working directory.
      parsedCronItems: periodicCronItems([deadlineAlertsCronItem(options.deadlineAlertsSchedule)]),
      logger: graphileLogger(log),
      events,
    });
  } catch (error) {
    await sealer.stop();
    await liveness.close();
    await connections.end();
    throw error;
  }
  await Promise.all(claims);

  const sweep = () =>
    liveness.recoverDeadPools().catch((error: unknown) => {
      log("warn", "looking for dead worker pools failed", { error: String(error) });
      return 0;
    });
  await sweep();
  const timer = setInterval(() => void sweep(), options.recoveryIntervalMs ?? 5_000);
  timer.unref();
  const checkpoints = options.auditCheckpoints ? scheduleAuditCheckpoints(database, options.auditCheckpoints, log) : undefined;

  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        await checkpoints?.stop();
        try {
          await runner.stop();
        } finally {
          await sealer.stop();
          await liveness.close();
          await connections.end();
        }
      })();
      return stopping;
    },
    progress: () => ({ ...progress }),
  };
}

const levels: Record<GraphileLogLevel, LogLevel> = {
  error: "error",
  warning: "warn",
  info: "info",
  debug: "debug",
};

/**
 * graphile-worker's log lines, into ours. Its job payloads hold ids only, but its failure lines
 * quote error messages, so above debug anything shaped like an e-mail or phone number is removed,
 * and so is the parameter list of a failed query (sealed secrets, hashes, identifiers).
 * Its line for every job that succeeded (`meta.success`) is debug here: a busy worker runs
 * thousands, and `progress()` counts them for a periodic line instead.
 */
function graphileLogger(log: WorkerLog): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const mapped = meta?.success === true ? "debug" : levels[level];
    const fields: Record<string, unknown> = { source: "graphile-worker", ...scope };
    log(mapped, mapped === "debug" ? message : redactIdentifierShapes(withholdQueryParameters(message)), fields);
  });
}

function stderrLog(level: LogLevel, message: string, fields: Record<string, unknown>): void {
  if (level !== "warn" && level !== "error") return;
  process.stderr.write(`${JSON.stringify({ level, message, ...fields, at: new Date().toISOString() })}\n`);
}
