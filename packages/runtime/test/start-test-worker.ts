import type { Database, SecretSealer } from "@lethe/db";
import type { ConnectorRegistry } from "../src/connector-registry";
import { loopbackAllowList } from "../src/outbound/outbound-allow-list";
import { startWorker, type RunningWorker, type StartWorkerOptions } from "../src/worker";

/** What a worker needs of a test world: its database, connectors, secrets and export folder. */
export interface WorkerWorld {
  database: Database;
  registry: ConnectorRegistry;
  secretBox: SecretSealer;
  exportDirectory: string;
}

/** Anything of `startWorker`'s options a test sets itself; the world supplies the rest. */
export type TestWorkerOptions = Partial<Omit<StartWorkerOptions, "db">>;

/**
 * Test support: starts a worker over `world` the way every database test does — 4 jobs at a
 * time, quiet, and looking for due jobs every 50 ms, so that retried and rescheduled jobs run as
 * soon as they are due rather than up to a poll interval later.
 */
export function startTestWorker(world: WorkerWorld, overrides: TestWorkerOptions = {}): Promise<RunningWorker> {
  return startWorker({
    registry: world.registry,
    secretBox: world.secretBox,
    exportDirectory: world.exportDirectory,
    concurrency: 4,
    pollIntervalMs: 50,
    log: () => undefined,
    // Test worlds run their sandboxes on loopback, which the outbound guard refuses unless listed.
    outboundAllow: loopbackAllowList,
    ...overrides,
    db: world.database,
  });
}
