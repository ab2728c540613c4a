import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, type OraclePerson } from "../test/reference-world";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { createConnectorInstance } from "./connector-instances";
import { fileRequest } from "./file-request";
import { getRequestDetail } from "./request-detail";
import { finishExcludingWeakMatches } from "../test/review-support";
import { getRequest } from "@lethe/db";

let world: ReferenceWorldWithWorker;
let subjects: OraclePerson[];

beforeAll(async () => {
  world = await openReferenceWorldWithWorker();
  subjects = (await world.oracle.people()).filter((person) => person.role === "subject");
});
afterAll(async () => {
  await world?.close();
});

const erasureOf = (subject: OraclePerson) => ({
  type: "erasure" as const,
  regime: "gdpr" as const,
  identifiers: [{ kind: "email" as const, value: identifierOf(subject, "email") }],
  timeZone: "Europe/London",
  defaultRegion: "GB",
  actor: "test",
});

describe("when the vendor asks to wait longer than is worth waiting inline", () => {
  it("pauses the instance for every worker, reschedules the job for then, and still completes", { timeout: 60_000 }, async () => {
    const subject = subjects[3];
    if (!subject) throw new Error("no fourth subject");
    const fault = await fetch(`${world.running.url}/__sandbox/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ route: "*", times: 1, kind: "status", status: 429, retryAfterSeconds: 6 }),
    });
    expect(fault.ok).toBe(true);
    const started = Date.now();

    const { id } = await fileRequest(world.database, erasureOf(subject));
    await finishExcludingWeakMatches(world, id, 45_000);

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("completed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_500);
    expect(await world.oracle.records(subject.id)).toEqual([]);
    const locate = detail?.tasks.find((task) => task.phase === "locate");
    // One attempt per locate round (the fixpoint's), and one more for the throttled one.
    const rounds = (await getRequest(world.database.db, id))?.locateRound ?? 0;
    expect(locate?.attempts).toBe(rounds + 2);
    const [pause] = await world.database.sql<Array<{ paused_until_ms: number }>>`
      select (extract(epoch from paused_until) * 1000)::float8 as paused_until_ms
      from instance_rate_limits where instance_id = ${world.instanceId}`;
    expect(pause?.paused_until_ms).toBeGreaterThan(started + 5_000);
    expect((await world.oracle.stats()).throttled).toBe(1);
  });
});

describe("when a connector instance's credentials are refused", () => {
  it("fails that instance's task without retrying, erases through the others, and ends partially completed saying why", async () => {
    const subject = subjects[4];
    if (!subject) throw new Error("no fifth subject");
    const { id: brokenId } = await createConnectorInstance(
      world.database,
      { registry: world.registry, secretBox: world.secretBox },
      {
        connectorId: "reference",
        name: "Reference CRM (revoked token)",
        settings: world.running.settings,
        secrets: world.running.badCredentials,
      },
    );

    const { id } = await fileRequest(world.database, erasureOf(subject));
    await finishExcludingWeakMatches(world, id, 30_000);

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("partially_completed");
    expect(await world.oracle.records(subject.id)).toEqual([]);
    const failed = detail?.tasks.find((task) => task.instanceId === brokenId);
    expect(failed).toMatchObject({ phase: "locate", status: "failed", attempts: 1 });
    expect(failed?.lastError).toMatch(/^AuthError: /);
    expect(failed?.lastError).not.toContain(identifierOf(subject, "email"));
    expect(detail?.request.outcome).toMatchObject({
      failures: [{ instanceId: brokenId, phase: "locate", connectorId: "reference" }],
    });
    expect(detail?.history.at(-1)?.reason).toMatch(/locate on "Reference CRM \(revoked token\)" failed: AuthError/);
    await world.database.sql`update connector_instances set enabled = false where id = ${brokenId}`;
  });
});
