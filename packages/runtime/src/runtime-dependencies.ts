import type { LogFields, LogLevel } from "@lethe/connector-sdk";
import type { Database, SecretSealer } from "@lethe/db";
import type { ConnectorRegistry } from "./connector-registry";
import type { OutboundGuard } from "./outbound/outbound-guard";
import type { ConfirmSchedule, EnginePolicy } from "@lethe/core";
import type { InstanceBreakers } from "./tasks/instance-breaker";
import type { RateLimitLeases } from "./rate-limit-leases";
import type { RetryPolicy } from "./tasks/retry-policy";

/** Where the worker writes its log lines; nothing above debug holds an identifier or a secret. */
export type WorkerLog = (level: LogLevel, message: string, fields: LogFields) => void;

/** What every task is handed: typed references, so tests can pass fakes. */
export interface RuntimeDependencies {
  database: Database;
  registry: ConnectorRegistry;
  secretBox: SecretSealer;
  /** Where access/portability bundles are written. */
  exportDirectory: string;
  log: WorkerLog;
  /** The only way out to a vendor or a webhook receiver: checked and pinned addresses (outbound/outbound-guard.ts). */
  outbound: OutboundGuard;
  /** The lowest level connectors' log lines are written at; default `info`. */
  logLevel: LogLevel;
  /** When pending erasures are confirmed again, and until when; default `defaultConfirmSchedule`. */
  confirmSchedule?: ConfirmSchedule;
  /** Days a closed request keeps its identifiers before minimisation; default 730 (minimise-task.ts). */
  requestRetentionDays?: number;
  /** Auto-approval, redact scope, default region (plan/engine-policy.ts); default `defaultEnginePolicy`. */
  policy?: EnginePolicy;
  /** Open requests with at most this many days left raise `deadline.due_soon`; default 7. */
  dueSoonDays?: number;
  /** How failed task runs are retried; default `defaultRetryPolicy`. */
  retryPolicy?: RetryPolicy;
  /** This worker's circuit breakers, one per connector instance; none: every job may start. */
  breakers?: InstanceBreakers;
  /** This worker's unspent rate-limit tokens per instance, shared by its jobs; none: each job leases its own. */
  rateLimitLeases?: RateLimitLeases;
  /** What time it is for decisions that count periods (retention sweeps); default the system clock. */
  clock?: { now(): Date };
}
