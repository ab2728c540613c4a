import { getRequest, listPlanItems, listReceipts } from "@lethe/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { identifierOf, type OraclePerson } from "../test/reference-world";
import { waitForStatus } from "../test/wait-for-status";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { fileRequest } from "./file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "./plan";
import { InvalidRequestParametersError } from "./request-parameters";
import { waitForRequests } from "./wait-for-requests";

let world: ReferenceWorldWithWorker;
let people: OraclePerson[];

beforeAll(async () => {
  world = await openReferenceWorldWithWorker();
  people = await world.oracle.people();
});
afterAll(async () => {
  await world?.close();
});

const base = { regime: "gdpr" as const, timeZone: "Europe/London", defaultRegion: "GB", actor: "test" };
const subjects = () => people.filter((person) => person.role === "subject");
const bystandersOf = (subject: OraclePerson) => people.filter((person) => person.bystanderOf === subject.id);

/* Reference CRM's own oracle route: each record's processing-restriction flag. */
const restrictionStates = z.object({
  records: z.array(z.object({ ref: z.object({ type: z.string(), id: z.string() }), restricted: z.boolean() })),
});
async function restrictions(personId: string) {
  const response = await fetch(`${world.running.url}/__sandbox/people/${personId}/restrictions`);
  return restrictionStates.parse(await response.json()).records;
}

/** A reviewer excludes the weak matches (the household found through the shared phone) and approves. */
async function excludeWeakAndApprove(id: string): Promise<void> {
  const pending = (await getRequestPlan(world.database, id))?.items.filter((item) => item.review === "pending") ?? [];
  if (pending.length > 0) {
    await reviewPlan(world, { requestId: id, actor: "user:reviewer", decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })) });
  }
  await approvePlan(world, { requestId: id, actor: "user:reviewer" });
}

async function everyonesRecords() {
  return Object.fromEntries(await Promise.all(people.map(async (person) => [person.id, await world.oracle.records(person.id)] as const)));
}

describe("a rectification through the reference connector", () => {
  it("proposes the updates, waits for a person's approval, then changes only the subject's person record and proves it", async () => {
    const subject = subjects()[2];
    if (!subject) throw new Error("no third subject");
    const before = await everyonesRecords();
    const { id } = await fileRequest(world.database, {
      ...base,
      type: "rectification",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
      parameters: {
        changes: [
          { field: "name", value: "  Grace Hopper " },
          { field: "email", value: "Grace.Hopper@Navy.example.com" },
          { field: "phone", value: "+1 (201) 555-0123" },
        ],
      },
    });
    const stored = await getRequest(world.database.db, id);
    expect(stored?.parameters).toEqual({
      changes: [
        { field: "name", value: "Grace Hopper" },
        { field: "email", value: "grace.hopper@navy.example.com" },
        { field: "phone", value: "+12015550123" },
      ],
    });

    // Rectification is never approved automatically: it stops in review with the proposal.
    await waitForStatus(world.database, id, "review");
    const items = await listPlanItems(world.database.db, { requestId: id });
    const subjectPerson = items.find((view) => view.record.recordType === "person" && view.record.recordId === subject.id);
    expect(subjectPerson?.item).toMatchObject({ action: "rectify", approvedAction: null, fieldUpdates: stored?.parameters && (stored.parameters as { changes: unknown }).changes });
    // The reviewer's view of the plan shows the proposal on the record it changes.
    const shown = (await getRequestPlan(world.database, id))?.items.find((item) => item.type === "person" && item.recordId === subject.id);
    expect(shown).toMatchObject({ action: "rectify", fieldUpdates: [{ field: "name", value: "Grace Hopper" }, { field: "email", value: "grace.hopper@navy.example.com" }, { field: "phone", value: "+12015550123" }] });
    // Notes and calls have no rectifiable fields at Reference CRM.
    expect(items.filter((view) => view.record.recordType === "note").every((view) => view.item.action === "skip")).toBe(true);
    expect(await everyonesRecords()).toEqual(before);

    await excludeWeakAndApprove(id);
    await waitForRequests(world.database, [id], { timeoutMs: 30_000 });

    const after = await everyonesRecords();
    for (const person of people) {
      if (person.id !== subject.id) {
        expect(after[person.id]).toEqual(before[person.id]);
        continue;
      }
      const held = after[person.id]?.find((record) => record.ref.type === "person");
      expect(held?.personalData).toMatchObject({ name: "Grace Hopper", email: "grace.hopper@navy.example.com", phone: "+12015550123" });
      expect(after[person.id]?.filter((record) => record.ref.type !== "person")).toEqual(before[person.id]?.filter((record) => record.ref.type !== "person"));
    }
    const receipts = await listReceipts(world.database.db, { requestId: id });
    expect(receipts.filter((row) => row.phase === "rectify").map((row) => [row.recordId, row.outcome])).toEqual([[subject.id, "rectified"]]);
    expect(receipts.filter((row) => row.phase === "verify").map((row) => [row.recordId, row.outcome])).toEqual([[subject.id, "verified"]]);
    // Notes, calls and attachments hold none of the corrected fields: not applicable, no shortfall.
    expect((await getRequest(world.database.db, id))?.status).toBe("completed");
    expect((await getRequest(world.database.db, id))?.outcome).toMatchObject({
      failures: [],
      notApplicable: expect.any(Number),
      rectify: { rectified: 1, alreadyAbsent: 0 },
      verification: { verified: 1, notApplied: 0, unverifiable: 0 },
    });
  });

  it("refuses unknown fields and unreadable e-mail or phone values, naming each by path, and stores nothing", async () => {
    const subject = subjects()[3];
    if (!subject) throw new Error("no fourth subject");
    const file = (changes: Array<{ field: string; value: string }>) =>
      fileRequest(world.database, { ...base, type: "rectification", identifiers: [{ kind: "email", value: identifierOf(subject, "email") }], parameters: { changes } });
    const failure = await file([
      { field: "customerId", value: "CUS-1" },
      { field: "email", value: "not an address" },
      { field: "phone", value: "12" },
    ]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidRequestParametersError);
    expect((failure as InvalidRequestParametersError).fields.map((field) => field.path)).toEqual(["changes.0.field", "changes.1.value", "changes.2.value"]);
    expect((failure as Error).message).not.toContain("not an address");
    await expect(file([])).rejects.toThrow(InvalidRequestParametersError);
    await expect(
      fileRequest(world.database, { ...base, type: "erasure", identifiers: [{ kind: "email", value: identifierOf(subject, "email") }], parameters: { lift: true } }),
    ).rejects.toThrow(/lift is only for restriction requests/);
  });
});

describe("a restriction through the reference connector", () => {
  it("flags every record of the subject, proves it by locating again, leaves bystanders alone, and a second request lifts it", async () => {
    const subject = subjects()[4];
    if (!subject) throw new Error("no fifth subject");
    const bystanders = bystandersOf(subject);
    const file = (lift: boolean) =>
      fileRequest(world.database, {
        ...base,
        type: "restriction",
        identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
        parameters: lift ? { lift } : {},
      });

    const { id } = await file(false);
    expect((await getRequest(world.database.db, id))?.parameters).toEqual({ lift: false });
    // The household's weak matches wait for review; the reviewer excludes them.
    await waitForStatus(world.database, id, "review");
    await excludeWeakAndApprove(id);
    await waitForRequests(world.database, [id], { timeoutMs: 30_000 });

    const states = await restrictions(subject.id);
    expect(states.length).toBeGreaterThan(2);
    expect(states.every((state) => state.restricted)).toBe(true);
    for (const bystander of bystanders) expect((await restrictions(bystander.id)).some((state) => state.restricted)).toBe(false);
    const receipts = await listReceipts(world.database.db, { requestId: id });
    expect(receipts.filter((row) => row.phase === "restrict").length).toBe(states.length);
    expect(new Set(receipts.filter((row) => row.phase === "restrict").map((row) => row.outcome))).toEqual(new Set(["restricted"]));
    expect(receipts.filter((row) => row.phase === "verify").every((row) => row.outcome === "verified")).toBe(true);
    expect(receipts.filter((row) => row.phase === "verify").length).toBe(states.length);

    const { id: liftId } = await file(true);
    await waitForStatus(world.database, liftId, "review");
    await excludeWeakAndApprove(liftId);
    await waitForRequests(world.database, [liftId], { timeoutMs: 30_000 });
    expect((await restrictions(subject.id)).some((state) => state.restricted)).toBe(false);
    const lifted = await listReceipts(world.database.db, { requestId: liftId, phase: "restrict" });
    expect(new Set(lifted.map((row) => row.outcome))).toEqual(new Set(["unrestricted"]));
    // Every record of the subject flagged and proven, the household excluded in review: complete.
    for (const request of [id, liftId]) {
      const closed = await getRequest(world.database.db, request);
      expect(closed?.status).toBe("completed");
      expect(closed?.outcome).toMatchObject({ failures: [], verification: { notApplied: 0, unverifiable: 0 } });
    }
  });
});
