/**
 * Child-process entry: N erasure requests through the whole engine (fileRequest → graphile-worker
 * tasks → the reference connector → the sandbox), measured from the first filing to the last
 * request's final status. Prints one `RunResult` JSON line.
 *
 * Usage: engine-run.ts --input <file written by the parent>
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import referenceConnector from "@lethe/connector-reference";
import { createSecretBox, listRequestStatuses } from "@lethe/db";
import {
  createConnectorInstance,
  createConnectorRegistry,
  fileRequest,
  loopbackAllowList,
  startWorker,
  waitForRequests,
} from "@lethe/runtime";
import { parseBenchArguments } from "../../bench-arguments";
import { benchEnvironment } from "../../bench-environment";
import { measureSection } from "../../section-measurement";
import { openBenchDatabase } from "./bench-database";
import { runInputSchema, type RunResult } from "./protocol";
import { z } from "zod";

const { flags } = parseBenchArguments(process.argv.slice(2));
const input = runInputSchema.parse(JSON.parse(await readFile(flags.string("input", ""), "utf8")));

const { database, dispose } = await openBenchDatabase(benchEnvironment.DATABASE_URL);
const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-bench-exports-"));
try {
  const registry = createConnectorRegistry([referenceConnector]);
  const secretBox = createSecretBox(randomBytes(32));
  await createConnectorInstance(
    database,
    { registry, secretBox },
    {
      connectorId: referenceConnector.id,
      name: "Reference CRM (bench)",
      settings: input.sandbox.settings,
      secrets: input.sandbox.credentials,
      // Zero-latency, unthrottled: the benchmark measures the engine, not the vendor's limit.
      rateLimitPerMinute: 1_000_000_000,
    },
    "bench",
  );
  // Under injected faults, backoffs short enough for a benchmark (the policy is the same otherwise).
  const retryPolicy = input.faults ? { baseDelayMs: 200, maxDelayMs: 2_000 } : undefined;
  const worker = await startWorker({ db: database, registry, secretBox, exportDirectory, concurrency: input.concurrency, outboundAllow: loopbackAllowList, ...(retryPolicy ? { retryPolicy } : {}) });
  try {
    if (input.faults) {
      await sandboxCall("POST", "/faults/random", { rate: input.faults.rate, kinds: ["status", "slow", "truncated", "malformed"], seed: input.faults.seed, delayMs: 100 });
    }
    const { result: ids, cost } = await measureSection(async () => {
      const filed: string[] = [];
      for (const subject of input.subjects) {
        const { id } = await fileRequest(database, {
          type: "erasure",
          regime: "gdpr",
          identifiers: [
            { kind: "email", value: subject.email },
            { kind: "phone", value: subject.phone },
          ],
          timeZone: "Europe/London",
          defaultRegion: "GB",
          actor: "bench",
        });
        filed.push(id);
      }
      await waitForRequests(database, filed, { timeoutMs: 30 * 60_000, pollIntervalMs: 100 });
      return filed;
    });
    const outcomes: Record<string, number> = {};
    for (const row of await listRequestStatuses(database.db, ids)) outcomes[row.status] = (outcomes[row.status] ?? 0) + 1;
    const injected = input.faults ? z.object({ random: z.object({ injected: z.int() }) }).parse(await sandboxCall("GET", "/faults")).random.injected : undefined;
    const result: RunResult = {
      requests: ids.length,
      completed: outcomes.completed ?? 0,
      outcomes,
      ...cost,
      ...(injected === undefined ? {} : { faultsInjected: injected }),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await worker.stop();
  }
} finally {
  await dispose();
  await rm(exportDirectory, { recursive: true, force: true });
}

async function sandboxCall(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${input.sandbox.url}/__sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`the sandbox answered ${response.status} to ${method} ${path}`);
  return response.json();
}
