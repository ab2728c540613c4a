import { getRequest } from "@lethe/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, type OraclePerson } from "../test/reference-world";
import { finishExcludingWeakMatches } from "../test/review-support";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { fileRequest } from "./file-request";
import { getRequestDetail } from "./request-detail";
import { attestIdentity } from "./verification";

/*
 * Issue 13, finding 9: with a fifth of the vendor's answers faulty (429, 5xx, slow, garbled and
 * cut-short bodies) every request used to end short. Transient faults must be absorbed by the
 * retries (the HTTP client's inline ones, then the task's budget); only persistent ones may end a
 * request short, quickly and saying what to do. Small backoffs keep the run short.
 */

const requestsInBatch = 30;
let world: ReferenceWorldWithWorker;
let subjects: OraclePerson[];

beforeAll(async () => {
  world = await openReferenceWorldWithWorker({
    people: requestsInBatch + 4,
    worker: {
      concurrency: 4,
      ...(process.env.FAULT_TEST_LOG ? { log: (level: string, message: string, fields: unknown) => console.log(level, message, JSON.stringify(fields)) } : {}),
      retryPolicy: { baseDelayMs: 50, maxDelayMs: 400 },
      breaker: { failureThreshold: 5, coolDownMs: 300 },
    },
  });
  const people = await world.oracle.people();
  // The generated people: subjects with no near-matching bystander, so no request waits in review.
  subjects = people.filter((person) => person.role === "subject" && !people.some((other) => other.bystanderOf === person.id));
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function sandbox(method: "POST" | "DELETE" | "GET", path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${world.running.url}/__sandbox${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox answered ${response.status} to ${method} ${path}`);
  return response.status === 204 ? undefined : response.json();
}

/** An erasure, or an access request with the subject's identity attested (a copy needs it). */
async function requestFor(subject: OraclePerson, type: "access" | "erasure") {
  const filed = await fileRequest(world.database, {
    type,
    regime: "gdpr",
    identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
    timeZone: "Europe/London",
    defaultRegion: "GB",
    actor: "fault-test",
  });
  if (type === "access") await attestIdentity(world.database, { requestId: filed.id, note: "identity checked by call-back", actor: "fault-test" });
  return filed;
}

async function finish(ids: string[], timeoutMs: number) {
  await Promise.all(ids.map((id) => finishExcludingWeakMatches(world, id, timeoutMs)));
  return Promise.all(ids.map(async (id) => ({ id, detail: await getRequestDetail(world.database, id) })));
}

describe("with a fifth of the vendor's answers transiently faulty", () => {
  it("completes at least 95 % of 30 mixed requests; the rest end partially completed with specific reasons, none silent or stuck", { timeout: 150_000 }, async () => {
    const batch = subjects.slice(0, requestsInBatch);
    expect(batch).toHaveLength(requestsInBatch);
    const recordsBefore = new Map(await Promise.all(batch.map(async (subject) => [subject.id, await world.oracle.records(subject.id)] as const)));
    await sandbox("POST", "/faults/random", {
      rate: 0.2,
      kinds: ["status", "slow", "truncated", "malformed"],
      statuses: [429, 500, 502, 503],
      delayMs: 150,
      seed: 13,
    });
    const started = Date.now();

    const filed = await Promise.all(batch.map((subject, index) => requestFor(subject, index % 2 === 0 ? "erasure" : "access")));
    const results = await finish(
      filed.map((request) => request.id),
      120_000,
    );
    const elapsedMs = Date.now() - started;
    const faults = (await sandbox("GET", "/faults")) as { random: { injected: number } };
    await sandbox("DELETE", "/faults");

    const statuses = results.map(({ detail }) => detail?.request.status);
    const completed = statuses.filter((status) => status === "completed").length;
    const short = results.filter(({ detail }) => detail?.request.status !== "completed");
    console.log(
      `transient faults: ${faults.random.injected} injected; ${completed}/${requestsInBatch} completed in ${elapsedMs} ms` +
        short.map(({ detail }) => `\n  ${detail?.request.status}: ${detail?.history.at(-1)?.reason ?? "(no reason)"}`).join(""),
    );
    expect(faults.random.injected).toBeGreaterThan(30);
    expect(completed).toBeGreaterThanOrEqual(Math.ceil(requestsInBatch * 0.95));
    for (const { detail } of short) {
      // Never silent, never stuck: ended short, saying which system failed and what to do.
      expect(detail?.request.status).toBe("partially_completed");
      expect(detail?.history.at(-1)?.reason).toMatch(/on "Reference CRM" failed: \w+Error: .+ — .+/);
      expect(detail?.history.at(-1)?.reason).not.toMatch(/failed: TypeError/);
    }
    // What completed really happened at the vendor: every erased subject's records are gone,
    // and an access request touched nothing.
    for (const [index, subject] of batch.entries()) {
      if (statuses[index] !== "completed") continue;
      const after = await world.oracle.records(subject.id);
      expect(after).toEqual(index % 2 === 0 ? [] : recordsBefore.get(subject.id));
    }
  });
});

describe("with a persistent fault", () => {
  it("fails fast on credentials refused every time, saying to renew them", { timeout: 60_000 }, async () => {
    const [first, second] = subjects.slice(requestsInBatch, requestsInBatch + 2);
    if (!first || !second) throw new Error("not enough generated subjects");
    await sandbox("POST", "/faults", { route: "*", kind: "status", status: 401, times: 100_000 });
    const started = Date.now();

    const filed = await Promise.all([requestFor(first, "erasure"), requestFor(second, "access")]);
    const results = await finish(
      filed.map((request) => request.id),
      30_000,
    );
    const elapsedMs = Date.now() - started;
    await sandbox("DELETE", "/faults");

    expect(elapsedMs).toBeLessThan(15_000);
    for (const { id, detail } of results) {
      expect(detail?.request.status).toBe("partially_completed");
      expect(detail?.history.at(-1)?.reason).toMatch(/locate on "Reference CRM" failed: AuthError: .*401.* — The system refused Lethe's credentials: renew them/);
      expect(detail?.tasks.find((task) => task.phase === "locate")).toMatchObject({ status: "failed", attempts: 1 });
      expect((await getRequest(world.database.db, id))?.status).toBe("partially_completed");
    }
  });

  it("gives up after a few runs on a vendor that answers garbage every time, saying so", { timeout: 60_000 }, async () => {
    const subject = subjects[requestsInBatch + 2];
    if (!subject) throw new Error("not enough generated subjects");
    await sandbox("POST", "/faults", { route: "*", kind: "malformed", times: 100_000 });
    const started = Date.now();

    const { id } = await requestFor(subject, "access");
    const [result] = await finish([id], 30_000);
    const elapsedMs = Date.now() - started;
    await sandbox("DELETE", "/faults");

    expect(elapsedMs).toBeLessThan(15_000);
    expect(result?.detail?.request.status).toBe("partially_completed");
    expect(result?.detail?.history.at(-1)?.reason).toMatch(
      /locate on "Reference CRM" failed: VendorContractError: .+ — The system kept answering in a form Lethe does not understand \(tried 3 times/,
    );
    expect(result?.detail?.tasks.find((task) => task.phase === "locate")).toMatchObject({ status: "failed", attempts: 3 });
  });
});
