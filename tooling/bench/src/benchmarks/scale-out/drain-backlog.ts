import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import referenceConnector from "@lethe/connector-reference";
import type { OracleStats } from "@lethe/connector-sdk";
import { createSecretBox, listRequestStatuses } from "@lethe/db";
import { attestIdentity, createConnectorInstance, createConnectorRegistry, fileRequest, splitBudget, waitForRequests } from "@lethe/runtime";
import { benchEnvironment } from "../../bench-environment";
import { startSandboxProcess } from "../../sandbox-process";
import { openBenchDatabase } from "../erasure-throughput/bench-database";
import { processCpu } from "../../process-cpu";
import { startLetheWorkerProcess, type LetheWorkerProcess } from "./lethe-worker-process";
import { openPostgresCpuMeter } from "./postgres-cpu";

export interface DrainOptions {
  workers: number;
  requests: number;
  /** Jobs at once in each worker process. */
  concurrency: number;
  /** The connector instance's configured limit, shared by every worker. */
  rateLimitPerMinute: number;
  seed: number;
  log: (message: string) => void;
}

export interface DrainResult {
  workers: number;
  requests: number;
  completed: number;
  outcomes: Record<string, number>;
  /** From the first worker's "running" to the last request's final status. */
  wallMs: number;
  /** Arrival times of the vendor calls at the sandbox (epoch ms). */
  callTimes: number[];
  stats: OracleStats;
  /** Exit codes of the workers after SIGTERM; 0 each when they stopped cleanly. */
  exitCodes: Array<number | null>;
  /** User + system CPU of all worker processes from "worker running" to the last request's end; undefined without /proc. */
  workerCpuMs: number | undefined;
  /** CPU of the PostgreSQL backends that served the workers (postgres-cpu.ts); undefined when not measurable. */
  postgresCpuMs: number | undefined;
}

export type RequestKind = "erasure" | "access" | "portability";

/** Half erasures, a quarter access, a quarter portability, interleaved so every worker gets every kind. */
export function kindOf(index: number): RequestKind {
  if (index % 4 === 1) return "access";
  if (index % 4 === 3) return "portability";
  return "erasure";
}

/**
 * One side of the scale-out benchmark: a fresh database and a fresh sandbox of the same seed, the
 * backlog filed before any worker runs, then `workers` real `lethe worker` processes drain it.
 */
export async function drainBacklog(options: DrainOptions): Promise<DrainResult> {
  const { burst } = splitBudget(options.rateLimitPerMinute);
  // The vendor's own fixed-window limit one burst above the budget, so a 429 means the workers overshot.
  const sandbox = await startSandboxProcess({ seed: options.seed, people: options.requests, rateLimitPerMinute: options.rateLimitPerMinute + burst });
  const home = await mkdtemp(join(tmpdir(), "lethe-bench-scale-out-"));
  const workers: LetheWorkerProcess[] = [];
  try {
    await chmod(home, 0o755);
    const { database, dispose } = await openBenchDatabase(benchEnvironment.DATABASE_URL);
    try {
      const key = randomBytes(32);
      await createConnectorInstance(
        database,
        { registry: createConnectorRegistry([referenceConnector]), secretBox: createSecretBox(key) },
        {
          connectorId: referenceConnector.id,
          name: "Reference CRM (bench)",
          settings: sandbox.settings,
          secrets: sandbox.credentials,
          rateLimitPerMinute: options.rateLimitPerMinute,
        },
        "bench",
      );
      const people = await sandbox.people();
      const subjects = people
        .filter((person) => person.role === "subject" && !people.some((other) => other.bystanderOf === person.id))
        .slice(-options.requests);
      if (subjects.length < options.requests) throw new Error(`the sandbox seeded ${subjects.length} subjects; ${options.requests} are needed`);
      const ids: string[] = [];
      for (const [index, subject] of subjects.entries()) {
        const email = subject.identifiers.find((identifier) => identifier.kind === "email")?.value ?? "";
        const { id } = await fileRequest(database, {
          type: kindOf(index),
          regime: "gdpr",
          identifiers: [{ kind: "email", value: email }],
          timeZone: "Europe/London",
          defaultRegion: "GB",
          actor: "bench",
        });
        // Access and portability wait in `verifying` until someone vouches for the requester (Art. 12(6)).
        if (kindOf(index) !== "erasure") await attestIdentity(database, { requestId: id, note: "bench: identity checked", actor: "bench" });
        ids.push(id);
      }

      options.log(`scale-out: ${options.workers} worker process(es) x ${options.concurrency}: draining ${ids.length} requests…`);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        LETHE_HOME: home,
        LETHE_SECRET_KEY: key.toString("base64"),
        LETHE_LOG_LEVEL: "warn",
        // The bench's sandbox listens on loopback, which workers refuse unless it is listed.
        LETHE_OUTBOUND_ALLOW: "127.0.0.0/8,::1",
      };
      const postgresCpu = await openPostgresCpuMeter(database);
      const starting = Array.from({ length: options.workers }, () => startLetheWorkerProcess(options.concurrency, env));
      const started = await Promise.race(starting.map((worker) => worker.then(() => Date.now())));
      workers.push(...(await Promise.all(starting)));
      // Start-up (migrations checked, connectors loaded) is not per-request work: subtracted below.
      const cpuAtStart = await workersCpu(workers);
      await waitForRequests(database, ids, { timeoutMs: 2 * 60 * 60_000, pollIntervalMs: 100 });
      const wallMs = Date.now() - started;
      const cpuAtEnd = await workersCpu(workers);
      const workerCpuMs = cpuAtEnd === undefined || cpuAtStart === undefined ? undefined : cpuAtEnd - cpuAtStart;
      const exitCodes: Array<number | null> = [];
      for (const worker of workers.splice(0)) exitCodes.push(await worker.stop());
      const postgresCpuMs = await postgresCpu.read();

      const outcomes: Record<string, number> = {};
      for (const row of await listRequestStatuses(database.db, ids)) outcomes[row.status] = (outcomes[row.status] ?? 0) + 1;
      const { times } = await sandbox.callTimes();
      options.log(`scale-out: ${options.workers} worker process(es): ${outcomes.completed ?? 0}/${ids.length} completed in ${Math.round(wallMs)} ms, ${times.length} vendor calls`);
      return {
        workers: options.workers,
        requests: ids.length,
        completed: outcomes.completed ?? 0,
        outcomes,
        wallMs,
        callTimes: times,
        stats: await sandbox.stats(),
        exitCodes,
        workerCpuMs,
        postgresCpuMs,
      };
    } finally {
      for (const worker of workers) await worker.stop();
      await dispose();
    }
  } finally {
    await sandbox.stop();
    await rm(home, { recursive: true, force: true });
  }
}

/** The workers' CPU ms together, from /proc; undefined if any cannot be read. */
async function workersCpu(workers: readonly LetheWorkerProcess[]): Promise<number | undefined> {
  let total = 0;
  for (const worker of workers) {
    const cpu = worker.child.pid === undefined ? undefined : await processCpu(worker.child.pid);
    if (cpu === undefined) return undefined;
    total += cpu.ownMs;
  }
  return total;
}
