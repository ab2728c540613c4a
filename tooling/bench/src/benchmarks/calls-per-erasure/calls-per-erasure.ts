import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { AnyConnector, OracleStats } from "@lethe/connector-sdk";
import { createSecretBox } from "@lethe/db";
import {
  createConnectorInstance,
  createConnectorRegistry,
  fileRequest,
  getRequestDetail,
  loopbackAllowList,
  startWorker,
  updateConnectorInstance,
  waitForRequests,
} from "@lethe/runtime";
import type { Benchmark, BenchmarkRow } from "../../benchmark";
import { benchEnvironment } from "../../bench-environment";
import { openBenchDatabase } from "../erasure-throughput/bench-database";

/** A vendor's sandbox, started holding one fixture world. */
export interface WorldSandbox {
  url: string;
  settings: Record<string, unknown>;
  credentials: Record<string, unknown>;
  stop(): Promise<void>;
  /** Run once the erase task has queued its confirmation (the recorder's jobs run when its clock moves). */
  whileConfirming?(): Promise<void>;
}

/** A fixture world: the subject with `records` records, other people with `tenant` records. */
export interface SubjectWorld {
  world: unknown;
  /** What the erasure is filed with (the kinds a request may be filed with). */
  identifiers: Array<{ kind: "email" | "phone"; value: string }>;
}

/** The calls the vendor's API needs at the least for one erasure, and which. */
export interface MinimumCalls {
  calls: number;
  /** Short: which calls, e.g. "2 searches + 3 lists + 2 per record + …". */
  why: string;
}

/** What one connector's calls-per-erasure benchmark is made of (one small file per connector). */
export interface ConnectorCallsSpec {
  connector: AnyConnector;
  startSandbox(world: unknown): Promise<WorldSandbox>;
  world(records: number, tenant: number): SubjectWorld;
  /** Documented in tooling/bench/README.md ("calls-per-erasure") and docs/connectors.md ("Calls per erasure"). */
  minimum(records: number): MinimumCalls;
  /** How many located records a subject of `records` has, each verified gone (default: `records`). */
  verified?(records: number): number;
}

/**
 * Vendor calls one erasure costs through the whole engine (fileRequest → the worker's locate
 * rounds, erase, confirm, verify → the connector → its sandbox, counted by the sandbox's own
 * `/__sandbox/stats`), for a subject holding each of `--records` (default 1,10,100) records in a
 * tenant where other people hold each of `--tenant` (default 100,10000) records, beside the
 * minimum the vendor's API needs for the same erasure. The erasure must end `completed` (all
 * strong matches, nothing in review), or the benchmark fails: fewer calls for less work would
 * flatter the engine. Ratios at 100 and 10,000 other records should be equal (flat): the cost
 * must not grow with the tenant.
 */
export function callsPerErasure(name: string, specs: readonly ConnectorCallsSpec[]): Benchmark {
  return {
    name,
    description: "vendor calls per erasure through the engine ÷ the API's documented minimum, per connector, for 1/10/100 records at 100/10,000 records per tenant",
    async run({ flags, log }) {
      const sizes = (flag: string, fallback: string) => flags.string(flag, fallback).split(",").map((size) => Math.round(Number(size)));
      const records = sizes("records", "1,10,100");
      const tenants = sizes("tenant", "100,10000");
      const only = flags.string("connector", "");
      const rows: BenchmarkRow[] = [];
      for (const spec of specs) {
        if (only && spec.connector.id !== only) continue;
        rows.push(...(await measureConnector(spec, records, tenants, log)));
      }
      return rows;
    },
  };
}

async function measureConnector(spec: ConnectorCallsSpec, records: number[], tenants: number[], log: (message: string) => void): Promise<BenchmarkRow[]> {
  const { database, dispose } = await openBenchDatabase(benchEnvironment.DATABASE_URL);
  const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-bench-exports-"));
  const registry = createConnectorRegistry([spec.connector]);
  const secretBox = createSecretBox(randomBytes(32));
  const worker = await startWorker({
    db: database,
    registry,
    secretBox,
    exportDirectory,
    concurrency: 2,
    outboundAllow: loopbackAllowList,
    // Asynchronous deletions (Zendesk's jobs, the recorder's) are confirmed after seconds, not minutes.
    // The first after 1.5 s, time for `whileConfirming` to move a vendor's clock on before it reads.
    confirmDelaysMs: [1500, 1500, 3000, 6000],
    log: () => undefined,
  });
  const rows: BenchmarkRow[] = [];
  let instanceId: string | undefined;
  try {
    for (const tenant of tenants) {
      for (const size of records) {
        const { world, identifiers } = spec.world(size, tenant);
        const sandbox = await spec.startSandbox(world);
        try {
          // One instance, pointed at each run's sandbox: every erasure locates on it alone.
          const config = { settings: sandbox.settings, secrets: sandbox.credentials, rateLimitPerMinute: 1_000_000_000 };
          if (instanceId) await updateConnectorInstance(database, { registry, secretBox }, instanceId, config, "bench");
          else instanceId = (await createConnectorInstance(database, { registry, secretBox }, { connectorId: spec.connector.id, name: `${spec.connector.id} (bench)`, ...config }, "bench")).id;
          const before = totalCalls(await statsOf(sandbox));
          const { id } = await fileRequest(database, { type: "erasure", regime: "gdpr", identifiers, timeZone: "Europe/London", defaultRegion: "GB", actor: "bench" });
          if (sandbox.whileConfirming) await whenConfirming(database, id, () => sandbox.whileConfirming?.() ?? Promise.resolve());
          await waitForRequests(database, [id], { timeoutMs: 10 * 60_000, pollIntervalMs: 50 });
          const detail = await getRequestDetail(database, id);
          const stats = await statsOf(sandbox);
          if (detail?.request.status !== "completed") {
            throw new Error(`${spec.connector.id}: the erasure of ${size} record(s) ended ${detail?.request.status ?? "missing"}: ${detail?.history.at(-1)?.reason ?? ""}`);
          }
          const erased = detail.receipts.filter((receipt) => receipt.phase === "verify" && receipt.outcome === "verified").length;
          const calls = totalCalls(stats) - before;
          const minimum = spec.minimum(size);
          const load = loadavg()[0] ?? 0;
          log(`calls-per-erasure: ${spec.connector.id}: ${size} record(s), ${tenant} per tenant: ${calls} calls, minimum ${minimum.calls} (${minimum.why}); ${erased} verified; ${describeRoutes(stats)}; load ${load.toFixed(2)}`);
          const label = `${size} record(s), ${tenant} per tenant`;
          rows.push({ metric: `${spec.connector.id}: calls per erasure, ${label}`, value: calls, baseline: minimum.calls, better: "lower", loadAverage: load });
          // Fidelity: the erasure did the work the minimum is counted for (1.00× expected).
          rows.push({ metric: `${spec.connector.id}: records verified gone, ${label}`, value: erased, baseline: spec.verified?.(size) ?? size, better: "equal", loadAverage: load });
          if (stats.throttled > 0) throw new Error(`${spec.connector.id}: the sandbox throttled ${stats.throttled} calls`);
        } finally {
          await sandbox.stop();
        }
      }
    }
  } finally {
    await worker.stop();
    await dispose();
    await rm(exportDirectory, { recursive: true, force: true });
  }
  return rows;
}

async function whenConfirming(database: Parameters<typeof getRequestDetail>[0], requestId: string, action: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const detail = await getRequestDetail(database, requestId);
    if (detail?.tasks.some((task) => task.phase === "confirm") || (detail && detail.request.status !== "locating" && detail.request.status !== "executing" && detail.request.status !== "received")) break;
    if (Date.now() > deadline) throw new Error("the erasure never reached its confirmation");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await action();
}

async function statsOf(sandbox: WorldSandbox): Promise<OracleStats> {
  const response = await fetch(`${sandbox.url}/__sandbox/stats`);
  if (!response.ok) throw new Error(`the sandbox's stats answered ${response.status}`);
  return (await response.json()) as OracleStats;
}

function totalCalls(stats: OracleStats): number {
  return Object.values(stats.calls).reduce((sum, calls) => sum + calls, 0);
}

function describeRoutes(stats: OracleStats): string {
  return Object.entries(stats.calls)
    .filter(([, calls]) => calls > 0)
    .map(([route, calls]) => `${route} ×${calls}`)
    .join(", ");
}
