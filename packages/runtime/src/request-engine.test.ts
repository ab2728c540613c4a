import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, type OraclePerson } from "../test/reference-world";
import { waitForStatus } from "../test/wait-for-status";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { verifyAuditLog } from "./audit-verification";
import { verifyBundle } from "./export";
import { fileRequest } from "./file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "./plan";
import { getRequestDetail } from "./request-detail";
import { waitForRequests } from "./wait-for-requests";
import { attestIdentity } from "./verification";

let world: ReferenceWorldWithWorker;
let people: OraclePerson[];
const logLines: Array<{ level: string; message: string; fields: unknown }> = [];

beforeAll(async () => {
  world = await openReferenceWorldWithWorker({ worker: { log: (level, message, fields) => logLines.push({ level, message, fields }) } });
  people = await world.oracle.people();
});
afterAll(async () => {
  await world?.close();
});

const subjects = () => people.filter((person) => person.role === "subject");
const bystandersOf = (subject: OraclePerson) => people.filter((person) => person.bystanderOf === subject.id);

async function recordsOf(persons: OraclePerson[]) {
  return Object.fromEntries(await Promise.all(persons.map(async (person) => [person.id, await world.oracle.records(person.id)] as const)));
}

const base = { regime: "gdpr" as const, timeZone: "Europe/London", defaultRegion: "GB", actor: "test" };

/**
 * Every subject of the sandbox shares a phone with a household member: the phone discovered on
 * the subject's person record finds the household's records in locate round 1, as weak matches
 * waiting for review. A reviewer excludes them and approves.
 */
async function excludePendingAndApprove(id: string): Promise<number> {
  await waitForStatus(world.database, id, "review");
  const pending = (await getRequestPlan(world.database, id))?.items.filter((item) => item.review === "pending") ?? [];
  await reviewPlan(world, { requestId: id, actor: "user:reviewer", decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })) });
  await approvePlan(world, { requestId: id, actor: "user:reviewer" });
  return pending.length;
}

describe("an erasure request through the reference connector", () => {
  it("erases every record of the subject, proves it by reading each back by id, and leaves the bystanders untouched", async () => {
    const subject = subjects()[1];
    if (!subject) throw new Error("the sandbox has no second subject");
    const before = await world.oracle.records(subject.id);
    expect(before.length).toBeGreaterThan(0);
    const bystandersBefore = await recordsOf(bystandersOf(subject));

    const { id } = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email").toUpperCase() }],
    });
    // The subject's records are erased before the household's wait for review.
    await waitForStatus(world.database, id, "review");
    expect(await world.oracle.records(subject.id)).toEqual([]);
    expect(await excludePendingAndApprove(id)).toBeGreaterThan(0);
    await waitForRequests(world.database, [id], { timeoutMs: 30_000 });

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("completed");
    expect(detail?.history.map((entry) => entry.to)).toEqual(["received", "locating", "executing", "review", "executing", "completed"]);
    expect(await world.oracle.records(subject.id)).toEqual([]);
    expect(await recordsOf(bystandersOf(subject))).toEqual(bystandersBefore);

    const erased = detail?.receipts.filter((receipt) => receipt.phase === "erase") ?? [];
    expect(erased.map((receipt) => `${receipt.type}/${receipt.id}`).sort()).toEqual(
      before.map((record) => `${record.ref.type}/${record.ref.id}`).sort(),
    );
    expect(new Set(erased.map((receipt) => `${receipt.outcome} ${receipt.connectorId}@${receipt.connectorVersion}`))).toEqual(
      new Set(["erased reference@0.1.0"]),
    );
    expect(detail?.receipts.filter((receipt) => receipt.outcome === "still-present")).toEqual([]);
    expect(detail?.tasks.map((task) => [task.phase, task.status, task.connectorId, task.connectorVersion])).toEqual(
      expect.arrayContaining([
        ["locate", "done", "reference", "0.1.0"],
        ["erase", "done", "reference", "0.1.0"],
        ["verify", "done", "reference", "0.1.0"],
      ]),
    );
    const stats = await world.oracle.stats();
    for (const record of before) expect(stats.deletions[`${record.ref.type}/${record.ref.id}`]).toBe(1);
  });

  it("does not erase what only a shared household phone number points at: it waits in review", async () => {
    const subject = subjects()[2];
    if (!subject) throw new Error("the sandbox has no third subject");
    const household = bystandersOf(subject).find(
      (person) => identifierOf(person, "phone") === identifierOf(subject, "phone"),
    );
    if (!household) throw new Error("the subject has no household member");
    const householdBefore = await world.oracle.records(household.id);

    const { id } = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [
        { kind: "email", value: identifierOf(subject, "email") },
        { kind: "phone", value: identifierOf(subject, "phone") },
      ],
    });
    await waitForStatus(world.database, id, "review");

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("review");
    expect(await world.oracle.records(subject.id)).toEqual([]);
    expect(await world.oracle.records(household.id)).toEqual(householdBefore);
    const weak = detail?.locatedRecords.filter((record) => record.strength === "weak") ?? [];
    expect(weak.length).toBe(householdBefore.length);
    expect((await getRequestPlan(world.database, id))?.pendingReview).toBe(weak.length);
    expect(detail?.history.at(-1)?.reason).toMatch(/await review/);
  });
});

describe("an access request through the reference connector", () => {
  it("writes a bundle whose checksums match and which holds every record of the subject", async () => {
    const subject = subjects()[0];
    if (!subject) throw new Error("the sandbox has no subject");
    const records = await world.oracle.records(subject.id);

    const { id } = await fileRequest(world.database, {
      ...base,
      type: "access",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
    });
    await attestIdentity(world.database, { requestId: id, note: "passport seen at the counter", actor: "test" });
    // An access bundle is written once, complete: nothing is exported while matches await review.
    await waitForStatus(world.database, id, "review");
    expect((await getRequestDetail(world.database, id))?.exportPath).toBeFalsy();
    await excludePendingAndApprove(id);
    await waitForRequests(world.database, [id], { timeoutMs: 30_000 });

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("completed");
    expect(detail?.exportPath).toBeTruthy();
    const verification = await verifyBundle(detail?.exportPath ?? "", { sha256: detail?.request.exportSha256 ?? "" });
    expect(verification).toMatchObject({ ok: true, problems: [], archive: { matches: true } });
    const [system] = verification.manifest.systems;
    const byType: Record<string, number> = {};
    for (const record of records) byType[record.ref.type] = (byType[record.ref.type] ?? 0) + 1;
    expect(system).toMatchObject({ instanceId: world.instanceId, connector: { id: "reference", version: "0.1.0" } });
    expect(system?.records).toEqual(byType);
    const exported = detail?.receipts.filter((receipt) => receipt.phase === "export") ?? [];
    expect(exported.map((receipt) => `${receipt.type}/${receipt.id}`).sort()).toEqual(
      records.map((record) => `${record.ref.type}/${record.ref.id}`).sort(),
    );
    expect((await readFile(detail?.exportPath ?? "")).subarray(0, 2).toString()).toBe("PK");
    // Access leaves the data where it is.
    expect(await world.oracle.records(subject.id)).toHaveLength(records.length);
  });
});

describe("the audit trail of the engine's work", () => {
  it("verifies, holds no plaintext identifier, and fails once a row is altered", async () => {
    expect(await verifyAuditLog(world.database)).toMatchObject({ ok: true });
    const rows = await world.database.sql<Array<{ payload: unknown }>>`select payload from audit_log`;
    const text = JSON.stringify(rows);
    for (const person of subjects().slice(0, 3)) {
      expect(text).not.toContain(identifierOf(person, "email"));
      expect(text).not.toContain(identifierOf(person, "phone"));
    }
    for (const line of logLines.filter((entry) => entry.level !== "debug")) {
      const written = JSON.stringify(line);
      for (const person of subjects()) expect(written).not.toContain(identifierOf(person, "email"));
    }
    await world.database.sql`update audit_log set actor = 'mallory' where seq = 3`;
    expect(await verifyAuditLog(world.database)).toEqual({ ok: false, seq: 3, reason: "hash_mismatch" });
  });
});
