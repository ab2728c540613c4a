import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import referenceConnector from "@lethe/connector-reference";
import { busiestWindow, sandbox } from "@lethe/connector-reference/sandbox";
import type { OraclePerson, OracleRecord, RunningSandbox } from "@lethe/connector-sdk";
import { isTerminal, requestStatuses } from "@lethe/core";
import { createSecretBox } from "@lethe/db";
import { createTestDatabase, type TestDatabase } from "@lethe/db/testing";
import {
  attestIdentity,
  createConnectorInstance,
  createConnectorRegistry,
  fileRequest,
  readBundleManifest,
  splitBudget,
  verifyAuditLog,
  waitForRequests,
} from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startLetheWorker, type StartedWorker } from "./lethe-process";

/*
 * Scale-out: three real `lethe worker` processes on one PostgreSQL drain a backlog of 160 mixed
 * requests against the reference sandbox, one of them is killed with SIGKILL in the
 * middle of the erasures and started again, and the sandbox sees the connector instance's rate
 * limit kept by all of them together.
 *
 * The limit. The issue says "say 600 requests/min". The backlog costs about 20 vendor calls per
 * request (locate runs two rounds, to a fixpoint, and verification locates again; see the log
 * line), about 10 000 calls: at 600/min that is 17 minutes, far over CI's budget for one test.
 * The instance is configured at 1 800/min (30/s) instead. What is checked does not depend on the
 * number: three processes sharing one token bucket in `instance_rate_limits` together stay under
 * the budget in every sliding minute the vendor sees, and come close to it (the busiest minute
 * uses at least 80% of it), which needs the workers to be able to go faster than the limit:
 * unthrottled, one or three workers made about 55 calls/s on this 2-core machine while it ran
 * other heavy work (`pnpm bench scale-out --rate-limit 1000000`). The drain takes about
 * 10 000 ÷ 30 ≈ 330 s for 500 requests (measured: 376 s, busiest minute 1 796 calls).
 *
 * Runs alone: the busiest minute must reach 80% of the limit, which other tests running beside it
 * on a 2-core machine could prevent (tooling/vitest/test-suites.ts puts it in the `load` suite).
 *
 * The backlog. 160 requests (about 3 200 calls, ≈ 110 s at the limit) keep everything the test is
 * for — a drain that lasts well over a minute at the limit, so the busiest sliding minute is
 * measured at full pressure; a SIGKILL mid-erasure; three processes sharing one bucket — at a
 * third of the 500-request run's time, which made it the slowest test of the suite. The
 * 500-request drain is `pnpm bench scale-out --requests 500 --rate-limit 1800`.
 */

const rateLimitPerMinute = 1_800;
const mix = { erasure: 80, access: 40, portability: 40 } as const;
const backlog = mix.erasure + mix.access + mix.portability;
const workerCount = 3;
const concurrencyPerWorker = 4;

type RequestKind = keyof typeof mix;

const callTimesSchema = z.object({ times: z.array(z.number()), dropped: z.number() });
const statsSchema = z.object({ deletions: z.record(z.string(), z.number()), throttled: z.number(), calls: z.record(z.string(), z.number()) });

let database: TestDatabase | undefined;
let running: RunningSandbox | undefined;
let home: string | undefined;
const workers: StartedWorker[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // The vendor's own fixed-window limit sits one burst above the instance's budget: it answers 429
  // only if the workers together went past the budget by more than the tolerance checked below.
  running = await sandbox.start({ seed: 1, people: backlog, rateLimitPerMinute: rateLimitPerMinute + splitBudget(rateLimitPerMinute).burst });
  home = await mkdtemp(path.join(tmpdir(), "lethe-scale-out-"));
  await chmod(home, 0o755);
});

afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
  await running?.stop();
  await database?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

async function oracle<T extends z.ZodType>(route: string, schema: T): Promise<z.output<T>> {
  const response = await fetch(`${running?.url}/__sandbox${route}`);
  if (!response.ok) throw new Error(`oracle answered ${response.status} for ${route}`);
  return schema.parse(await response.json());
}

const people = async () => (await oracle("/people", z.object({ people: z.array(z.custom<OraclePerson>()) }))).people;
const recordsOf = async (personId: string) =>
  (await oracle(`/people/${personId}/records`, z.object({ records: z.array(z.custom<OracleRecord>()) }))).records;

function emailOf(person: OraclePerson): string {
  const email = person.identifiers.find((identifier) => identifier.kind === "email")?.value;
  if (!email) throw new Error(`seeded person ${person.id} has no e-mail`);
  return email;
}

const recordKey = (record: OracleRecord) => `${record.ref.type}/${record.ref.id}`;

describe("three lethe worker processes on one database", () => {
  it(
    "drain 160 mixed requests through a SIGKILL and restart: each finishes as it should, each record is erased once, the rate limit holds",
    { timeout: 1_200_000 },
    async () => {
      if (!database || !running || !home) throw new Error("setup did not run");
      const db = database;
      const key = randomBytes(32);
      const registry = createConnectorRegistry([referenceConnector]);
      await createConnectorInstance(
        db,
        { registry, secretBox: createSecretBox(key) },
        {
          connectorId: "reference",
          name: "Reference CRM",
          settings: running.settings,
          secrets: running.credentials,
          rateLimitPerMinute,
        },
      );

      // The sandbox's generated people (no near-matching bystanders) are the backlog's subjects,
      // each in one request, kinds interleaved so every worker gets every kind.
      const everyone = await people();
      const generated = everyone.filter(
        (person) => person.role === "subject" && person.demo !== "clean" && !everyone.some((other) => other.bystanderOf === person.id),
      );
      expect(generated).toHaveLength(backlog);
      const kinds: RequestKind[] = generated.map((_, i) => (i % 4 === 1 ? "access" : i % 4 === 3 ? "portability" : "erasure"));
      expect(kinds.filter((kind) => kind === "erasure")).toHaveLength(mix.erasure);
      const recordsBefore = new Map<string, OracleRecord[]>();
      for (const person of everyone) recordsBefore.set(person.id, await recordsOf(person.id));

      const requests: Array<{ id: string; kind: RequestKind; subject: OraclePerson }> = [];
      for (const [i, subject] of generated.entries()) {
        const kind = kinds[i] ?? "erasure";
        const { id } = await fileRequest(db, {
          type: kind,
          regime: "gdpr",
          identifiers: [{ kind: "email", value: emailOf(subject) }],
          timeZone: "Europe/London",
          defaultRegion: "GB",
          actor: "scale-out-test",
        });
        // Access and portability wait in `verifying` until someone vouches for the requester (Art. 12(6)).
        if (kind !== "erasure") await attestIdentity(db, { requestId: id, note: "scale-out test: identity checked", actor: "scale-out-test" });
        requests.push({ id, kind, subject });
      }

      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: db.url,
        LETHE_HOME: home,
        LETHE_SECRET_KEY: key.toString("base64"),
        LETHE_LOG_LEVEL: "info",
        // The sandbox listens on loopback, which workers refuse unless it is listed.
        LETHE_OUTBOUND_ALLOW: new URL(running.url).hostname,
      };
      const args = ["--concurrency", String(concurrencyPerWorker), "--progress-interval", "5"];
      const terminal = requestStatuses.filter((status) => isTerminal(status));
      const finished = async () => {
        const [row] = await db.sql<Array<{ n: number }>>`
          select count(*)::int as n from requests where status in ${db.sql(terminal)}`;
        return row?.n ?? 0;
      };
      const eraseReceipts = async () => {
        const [row] = await db.sql<Array<{ n: number }>>`select count(*)::int as n from receipts where phase = 'erase'`;
        return row?.n ?? 0;
      };
      const started = Date.now();
      // A line every 15 s in the test's output: where a slow run (CI, a busy machine) spends its time.
      const reporter = setInterval(() => {
        void Promise.all([oracle("/call-times", callTimesSchema), finished(), eraseReceipts()]).then(
          ([{ times }, done, receipts]) =>
            console.log(
              `scale-out: ${Math.round((Date.now() - started) / 1000)} s: ${times.length} vendor calls, ` +
                `${done}/${backlog} requests finished, ${receipts} erase receipts`,
            ),
          () => undefined,
        );
      }, 15_000);
      workers.push(...(await Promise.all(Array.from({ length: workerCount }, () => startLetheWorker(args, env)))));

      // Kill one worker in the middle of the erasures (jobs run breadth-first: most locates come
      // before most erasures), once a quarter of the records to erase have receipts.
      const recordsToErase = requests
        .filter((request) => request.kind === "erasure")
        .reduce((sum, request) => sum + (recordsBefore.get(request.subject.id)?.length ?? 0), 0);
      const killDeadline = Date.now() + 600_000;
      while ((await eraseReceipts()) < recordsToErase / 4) {
        if (Date.now() > killDeadline) throw new Error(`no progress: ${workers.map((worker) => worker.output()).join("\n")}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const victim = workers[0];
      if (!victim) throw new Error("no worker started");
      const [held] = await db.sql<Array<{ n: number }>>`
        select count(*)::int as n from graphile_worker.jobs where locked_by is not null`;
      victim.child.kill("SIGKILL");
      expect(await victim.exited).toEqual({ code: null, signal: "SIGKILL" });
      const finishedAtKill = await finished();
      const receiptsAtKill = await eraseReceipts();
      expect(receiptsAtKill).toBeLessThan(recordsToErase);
      expect(finishedAtKill).toBeLessThan(backlog);
      workers.push(await startLetheWorker(args, env));

      await waitForRequests(db, requests.map((request) => request.id), { timeoutMs: 900_000, pollIntervalMs: 250 });
      const drainMs = Date.now() - started;
      clearInterval(reporter);

      // Every survivor stops cleanly on SIGTERM and said it was alive while it worked.
      const survivors = workers.slice(1);
      for (const worker of survivors) worker.child.kill("SIGTERM");
      const exits = await Promise.all(survivors.map((worker) => worker.exited));
      expect(exits).toEqual(survivors.map(() => ({ code: 0, signal: null })));
      for (const worker of survivors) {
        expect(worker.output()).toMatch(/worker running \(concurrency 4/);
        expect(worker.output()).toMatch(/worker stopped/);
        expect(worker.output()).not.toMatch(/Completed task/);
      }
      expect(survivors.some((worker) => /jobs? completed/.test(worker.output()))).toBe(true);

      // Outcomes: all completed; erasures left nothing, exports hold every record of the subject.
      const statuses = await db.sql<Array<{ status: string; n: number }>>`
        select status, count(*)::int as n from requests group by status`;
      expect(statuses).toEqual([{ status: "completed", n: backlog }]);
      const exportPaths = new Map(
        (await db.sql<Array<{ id: string; export_path: string | null }>>`select id, export_path from requests`).map((row) => [
          row.id,
          row.export_path,
        ]),
      );
      const erasedKeys: string[] = [];
      for (const request of requests) {
        const before = recordsBefore.get(request.subject.id) ?? [];
        expect(before.length).toBeGreaterThan(0);
        if (request.kind === "erasure") {
          expect(await recordsOf(request.subject.id)).toEqual([]);
          erasedKeys.push(...before.map(recordKey));
          continue;
        }
        expect(await recordsOf(request.subject.id)).toEqual(before);
        const bundle = exportPaths.get(request.id);
        if (!bundle) throw new Error(`${request.kind} request ${request.id} has no export`);
        const seeded: Record<string, number> = {};
        for (const record of before) seeded[record.ref.type] = (seeded[record.ref.type] ?? 0) + 1;
        expect((await readBundleManifest(bundle)).systems[0]?.records).toEqual(seeded);
      }

      // Exactly once: every erased record purged once, nothing else purged, nobody else touched.
      const stats = await oracle("/stats", statsSchema);
      expect(Object.entries(stats.deletions).filter(([, times]) => times !== 1)).toEqual([]);
      expect(Object.keys(stats.deletions).sort()).toEqual([...erasedKeys].sort());
      const subjects = new Set(generated.map((person) => person.id));
      for (const person of everyone.filter((other) => !subjects.has(other.id))) {
        expect(await recordsOf(person.id)).toEqual(recordsBefore.get(person.id));
      }
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true });

      // The rate limit, as the vendor saw it. The shared token bucket lets no 60-second window
      // (by the workers' clock) take more than the budget; calls reach the sandbox a few
      // milliseconds after their token, so a window at the sandbox may be off by what arrives in
      // that skew: one second's burst is allowed for it (the same allowance the sandbox's own
      // 429 limit has). Per second the bucket allows its burst plus a second of refill.
      const { times, dropped } = await oracle("/call-times", callTimesSchema);
      expect(dropped).toBe(0);
      const { burst, sustainedPerMinute } = splitBudget(rateLimitPerMinute);
      const minute = busiestWindow(times, 60_000);
      const second = busiestWindow(times, 1_000);
      console.log(
        `scale-out: ${backlog} requests (${Object.entries(mix).map(([kind, n]) => `${n} ${kind}`).join(", ")}) by ` +
          `${workerCount} workers x ${concurrencyPerWorker} in ${(drainMs / 1000).toFixed(1)} s, ` +
          `one killed (${held?.n} jobs locked) at ${receiptsAtKill}/${recordsToErase} erase receipts, ${finishedAtKill} requests finished; ${times.length} vendor calls ` +
          `(${(times.length / backlog).toFixed(1)}/request); busiest minute ${minute.calls} and busiest second ` +
          `${second.calls} against a limit of ${rateLimitPerMinute}/min (burst ${burst}); ${stats.throttled} throttled`,
      );
      expect(minute.calls).toBeLessThanOrEqual(rateLimitPerMinute + burst);
      expect(second.calls).toBeLessThanOrEqual(2 * burst + Math.ceil(sustainedPerMinute / 60));
      expect(stats.throttled).toBe(0);
      // …and the workers were held by the limit, not slow: the busiest minute used most of it.
      expect(times.length).toBeGreaterThan(rateLimitPerMinute);
      expect(minute.calls).toBeGreaterThanOrEqual(0.8 * rateLimitPerMinute);

    },
  );
});
