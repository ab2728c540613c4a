import salesforceConnector from "@lethe/connector-salesforce";
import { startSalesforceSandbox } from "@lethe/connector-salesforce/sandbox";
import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { fileRequest } from "./file-request";
import { getRequestDetail } from "./request-detail";
import { pollUntil } from "../test/poll";
import { finishExcludingWeakMatches } from "../test/review-support";
import { openSandboxWorld, type SandboxWorld } from "../test/sandbox-world";

/*
 * Issue 6 item 8 end to end: the Salesforce connector reads the org's remaining daily allocation
 * from Sforce-Limit-Info and stops once only its reserve is left; the runtime pauses the instance
 * until the next UTC midnight, reschedules the task for then (the request stays open), makes no
 * further Salesforce calls meanwhile, and finishes the erasure when the day has turned.
 */

const reserve = 100;
const dailyAllocation = 10_000;

let world: SandboxWorld<RunningSandbox>;

const person = z.object({
  id: z.string(),
  role: z.enum(["subject", "bystander"]),
  identifiers: z.array(z.object({ kind: z.string(), value: z.string() })),
});

async function oracle<T extends z.ZodType>(path: string, schema: T, body?: unknown): Promise<z.output<T>> {
  const response = await fetch(`${world.running.url}/__sandbox${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`oracle answered ${response.status} for ${path}`);
  return schema.parse(await response.json());
}

async function salesforceCalls(): Promise<number> {
  const stats = await oracle("/stats", z.object({ calls: z.record(z.string(), z.number()) }));
  return Object.values(stats.calls).reduce((sum, count) => sum + count, 0);
}

function nextUtcMidnight(at: Date): number {
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1);
}

beforeAll(async () => {
  world = await openSandboxWorld({
    connectors: [salesforceConnector],
    startSandbox: () => startSalesforceSandbox({ seed: 7 }),
    instance: {
      connectorId: "salesforce",
      name: "Salesforce (nearly spent today)",
      settings: (running) => ({ ...running.settings, apiReserve: reserve }),
    },
    worker: { concurrency: 2 },
  });
});

afterAll(async () => {
  await world?.close();
});

describe("when the Salesforce org's daily API allocation is down to the configured reserve", () => {
  it("pauses the instance until the next UTC midnight without failing the request, makes no further calls, and finishes the erasure the next day", { timeout: 180_000 }, async () => {
    const { database, instanceId } = world;
    const { people } = await oracle("/people", z.object({ people: z.array(person) }));
    const subject = people.find((candidate) => candidate.role === "subject" && candidate.identifiers.some((identifier) => identifier.kind === "email"));
    const email = subject?.identifiers.find((identifier) => identifier.kind === "email")?.value;
    if (!subject || !email) throw new Error("no subject with an e-mail address");
    // 9 895 of 10 000 spent: a handful of calls and the 100 left for the org's other integrations are all that remain.
    await oracle("/api-allocation", z.object({ max: z.number(), used: z.number() }), { max: dailyAllocation, spend: dailyAllocation - reserve - 5 });

    const filedAt = new Date();
    const { id } = await fileRequest(database, {
      type: "erasure",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: email }],
      timeZone: "Europe/London",
      defaultRegion: "GB",
      actor: "test",
    });

    // The runtime pauses the instance once the connector says the budget is spent.
    const pausedUntil = await pollUntil("the instance to be paused", async () => {
      const [row] = await database.sql<Array<{ paused_until_ms: number | null }>>`
        select (extract(epoch from paused_until) * 1000)::float8 as paused_until_ms
        from instance_rate_limits where instance_id = ${instanceId}`;
      return row?.paused_until_ms ?? undefined;
    });
    // The connector measures the wait on its clock, the runtime adds it to its own a moment later.
    const midnight = nextUtcMidnight(filedAt);
    expect(pausedUntil).toBeGreaterThanOrEqual(midnight);
    expect(pausedUntil).toBeLessThan(midnight + 5_000);

    const paused = await getRequestDetail(database, id);
    expect(["locating", "executing"]).toContain(paused?.request.status);
    const task = paused?.tasks.find((candidate) => candidate.instanceId === instanceId);
    expect(task?.status).not.toBe("failed");
    expect(task?.lastError).toMatch(/at or below the reserve of 100; resuming tomorrow/);
    // The task's job waits for midnight: one rate-limited start is far below the reschedule cap.
    // The pause is written when the connector reports the budget spent; the job is put off for
    // midnight a moment later, when the rate-limited error reaches the task's failure handling.
    const jobs = await pollUntil(
      "the task's job to wait for midnight",
      async () =>
        database.sql<Array<{ id: string; run_at_ms: number }>>`
          select id::text as id, (extract(epoch from run_at) * 1000)::float8 as run_at_ms
          from graphile_worker.jobs where run_at > now() + interval '1 minute'`,
      { until: (rows) => rows.length > 0 },
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.run_at_ms).toBe(pausedUntil);

    // The reserve was kept, and nothing more is asked of Salesforce while paused.
    const allocation = await oracle("/api-allocation", z.object({ max: z.number(), used: z.number() }), {});
    expect(allocation.used).toBeLessThanOrEqual(dailyAllocation - reserve);
    const callsAtPause = await salesforceCalls();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await salesforceCalls()).toBe(callsAtPause);
    expect((await getRequestDetail(database, id))?.request.status).toBe(paused?.request.status);

    // The next day: the sandbox's rolling 24 hours have passed, and midnight has come for the runtime.
    await oracle("/clock", z.object({ now: z.string() }), { advanceMs: 25 * 3_600_000 });
    await database.sql`update instance_rate_limits set paused_until = now() where instance_id = ${instanceId}`;
    await database.sql`select graphile_worker.reschedule_jobs(${jobs.map((job) => job.id)}::bigint[], run_at := now())`;
    await finishExcludingWeakMatches(world, id, 120_000);

    const done = await getRequestDetail(database, id);
    expect(done?.request.status).toBe("completed");
    expect(await salesforceCalls()).toBeGreaterThan(callsAtPause);
    const left = await oracle(`/people/${subject.id}/records`, z.object({ records: z.array(z.unknown()) }));
    expect(left.records).toEqual([]);
  });
});
