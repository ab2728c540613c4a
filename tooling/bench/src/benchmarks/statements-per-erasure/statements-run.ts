/**
 * Child-process entry: N erasure requests through the whole engine on an embedded PostgreSQL that
 * counts statements with pg_stat_statements. Prints one `StatementsResult` JSON line.
 *
 * Usage: statements-run.ts --input <file written by the parent> [--top N]
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import referenceConnector from "@lethe/connector-reference";
import { isTerminal, requestStatusSchema } from "@lethe/core";
import { createSecretBox, listRequestStatuses } from "@lethe/db";
import { createConnectorInstance, createConnectorRegistry, fileRequest, loopbackAllowList, startWorker } from "@lethe/runtime";
import { parseBenchArguments } from "../../bench-arguments";
import { runInputSchema } from "../erasure-throughput/protocol";
import { openStatementCountingDatabase, type CountedStatement } from "./statement-counting-database";
import { statementKinds, type StatementKind, type StatementSource } from "./statement-kinds";
import type { StatementsResult } from "./protocol";

const { flags } = parseBenchArguments(process.argv.slice(2));
const input = runInputSchema.parse(JSON.parse(await readFile(flags.string("input", ""), "utf8")));
const top = Math.round(flags.number("top", 25));

const counting = await openStatementCountingDatabase();
const exportDirectory = await mkdtemp(join(tmpdir(), "lethe-bench-exports-"));
try {
  const database = counting.engine;
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
      rateLimitPerMinute: 1_000_000_000,
    },
    "bench",
  );
  const worker = await startWorker({ db: database, registry, secretBox, exportDirectory, concurrency: input.concurrency, outboundAllow: loopbackAllowList });
  let stopped = false;
  try {
    await counting.start();
    const ids: string[] = [];
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
      ids.push(id);
    }
    // Polled by the observer role, whose statements and commits are not counted.
    const outcomes = await waitUntilFinal(ids);
    await worker.stop();
    stopped = true;
    const counted = await counting.finish();
    const result: StatementsResult = {
      requests: ids.length,
      completed: outcomes.completed ?? 0,
      outcomes,
      commits: counted.commits,
      lethe: byKind(counted.statements, "lethe"),
      graphileWorker: byKind(counted.statements, "graphile-worker"),
      top: counted.statements.slice(0, top).map(({ query, calls, source }) => ({ query: query.replace(/\s+/g, " ").slice(0, 300), calls, source })),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (!stopped) await worker.stop();
  }
} finally {
  await counting.dispose();
  await rm(exportDirectory, { recursive: true, force: true });
}

async function waitUntilFinal(ids: readonly string[]): Promise<Record<string, number>> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const rows = await listRequestStatuses(counting.observer.db, ids);
    if (rows.length === ids.length && rows.every((row) => isTerminal(requestStatusSchema.parse(row.status)))) {
      const outcomes: Record<string, number> = {};
      for (const row of rows) outcomes[row.status] = (outcomes[row.status] ?? 0) + 1;
      return outcomes;
    }
    if (Date.now() > deadline) throw new Error("the requests did not finish within 30 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function byKind(statements: readonly CountedStatement[], source: StatementSource): Record<StatementKind, number> {
  const counts = Object.fromEntries(statementKinds.map((kind) => [kind, 0])) as Record<StatementKind, number>;
  for (const statement of statements) if (statement.source === source) counts[statement.kind] += statement.calls;
  return counts;
}
