import { getRequest } from "@lethe/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, type OraclePerson } from "../test/reference-world";
import { waitForStatus } from "../test/wait-for-status";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { createConnectorInstance } from "./connector-instances";
import { fileRequest } from "./file-request";
import { approvePlan, getProvenance, getRequestPlan, PlanConflictError, relocateRequest, reviewPlan } from "./plan";
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

const subjects = () => people.filter((person) => person.role === "subject");
const householdOf = (subject: OraclePerson) => {
  const found = people.find(
    (person) => person.bystanderOf === subject.id && identifierOf(person, "phone") === identifierOf(subject, "phone"),
  );
  if (!found) throw new Error("the subject has no household member");
  return found;
};
const base = { regime: "gdpr" as const, timeZone: "Europe/London", defaultRegion: "GB", actor: "test" };
const refs = (records: Array<{ ref: { type: string; id: string } }>) => records.map((r) => `${r.ref.type}/${r.ref.id}`).sort();

describe("review of weak matches", () => {
  it("erases what the e-mail found, holds the household's phone-only matches for review, and completes once they are excluded", async () => {
    const subject = subjects()[2];
    if (!subject) throw new Error("no third subject");
    const household = householdOf(subject);
    const householdBefore = await world.oracle.records(household.id);
    expect((await world.oracle.records(subject.id)).length).toBeGreaterThan(0);

    const { id } = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [
        { kind: "email", value: identifierOf(subject, "email") },
        { kind: "phone", value: identifierOf(subject, "phone") },
      ],
    });
    await waitForStatus(world.database, id, "review");

    expect(await world.oracle.records(subject.id)).toEqual([]);
    expect(await world.oracle.records(household.id)).toEqual(householdBefore);
    const plan = await getRequestPlan(world.database, id);
    const pending = plan?.items.filter((item) => item.review === "pending") ?? [];
    expect(pending.map((item) => `${item.type}/${item.recordId}`).sort()).toEqual(refs(householdBefore));
    expect(pending.every((item) => item.strength === "weak" && item.action === "erase" && item.approvedAction === null)).toBe(true);
    expect(plan?.status).toBe("draft");

    await expect(approvePlan(world, { requestId: id, actor: "user:officer" })).rejects.toThrow(PlanConflictError);
    const strongItem = plan?.items.find((item) => item.strength === "strong");
    await expect(
      reviewPlan(world, { requestId: id, actor: "user:officer", decisions: [{ id: strongItem?.id ?? "", decision: "exclude" }] }),
    ).rejects.toThrow(/not awaiting review/);

    await reviewPlan(world, {
      requestId: id,
      actor: "user:officer",
      decisions: pending.map((item) => ({ id: item.id, decision: "exclude" as const })),
    });
    await approvePlan(world, { requestId: id, actor: "user:officer" });
    await waitForRequests(world.database, [id], { timeoutMs: 30_000 });

    const after = await getRequest(world.database.db, id);
    expect(after?.status).toBe("completed");
    expect(after?.outcome).toMatchObject({ awaitingReview: 0, excludedInReview: householdBefore.length, stillPresent: 0 });
    expect(await world.oracle.records(household.id)).toEqual(householdBefore);
    const stats = await world.oracle.stats();
    for (const ref of refs(householdBefore)) expect(stats.deletions[ref]).toBeUndefined();
  });
});

describe("locate to a fixpoint", () => {
  let requestId = "";
  let subject: OraclePerson;

  it("finds, in round 1, what an identifier discovered in round 0 points at, sends it to review, and shows the path", async () => {
    subject = subjects()[3] as OraclePerson;
    const household = householdOf(subject);
    const householdBefore = await world.oracle.records(household.id);
    const { id } = await fileRequest(world.database, {
      ...base,
      type: "erasure",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
    });
    requestId = id;
    await waitForStatus(world.database, id, "review");

    expect(await world.oracle.records(subject.id)).toEqual([]);
    expect(await world.oracle.records(household.id)).toEqual(householdBefore);
    const plan = await getRequestPlan(world.database, id);
    const householdItems = plan?.items.filter((item) => refs(householdBefore).includes(`${item.type}/${item.recordId}`)) ?? [];
    expect(householdItems).toHaveLength(householdBefore.length);
    expect(householdItems.every((item) => item.round === 1 && item.review === "pending" && item.strength === "weak")).toBe(true);
    expect(plan?.items.filter((item) => item.round === 0).every((item) => item.strength === "strong")).toBe(true);

    const graph = await getProvenance(world.database, id);
    const phone = graph?.nodes.find(
      (node) => node.kind === "identifier" && node.identifierKind === "phone" && node.value === identifierOf(subject, "phone"),
    );
    expect(phone).toMatchObject({ provenance: "discovered", strength: "weak", round: 1 });
    const subjectPerson = graph?.nodes.find((node) => node.kind === "record" && node.type === "person" && node.recordId === subject.id);
    const householdPerson = graph?.nodes.find((node) => node.kind === "record" && node.type === "person" && node.recordId === household.id);
    expect(graph?.edges).toEqual(
      expect.arrayContaining([
        { from: subjectPerson?.id, to: phone?.id, kind: "revealed" },
        expect.objectContaining({ from: phone?.id, to: householdPerson?.id, kind: "found" }),
      ]),
    );
    expect(graph?.rounds).toBeGreaterThanOrEqual(1);
  });

  it("re-locating after approval shows what differs from the approved plan and waits for approval again", async () => {
    const before = await getRequestPlan(world.database, requestId);
    const second = await createConnectorInstance(
      world.database,
      { registry: world.registry, secretBox: world.secretBox },
      { connectorId: "reference", name: "Reference CRM (second account)", settings: world.running.settings, secrets: world.running.credentials },
    );
    await relocateRequest(world, { requestId, actor: "user:officer" });
    await waitForStatus(world.database, requestId, "review");

    const plan = await getRequestPlan(world.database, requestId);
    expect(plan?.status).toBe("draft");
    const fresh = plan?.items.filter((item) => item.instanceId === second.id) ?? [];
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((item) => item.changedSinceApproval && item.approvedAction === null)).toBe(true);
    const unchanged = plan?.items.filter((item) => item.instanceId !== second.id) ?? [];
    expect(unchanged.map((item) => item.id).sort()).toEqual(before?.items.map((item) => item.id).sort());
    expect(unchanged.some((item) => item.changedSinceApproval)).toBe(false);
    const history = await world.database.sql<Array<{ to_status: string }>>`
      select to_status from request_status_history where request_id = ${requestId} order by id`;
    expect(history.map((row) => row.to_status).slice(-2)).toEqual(["locating", "review"]);
  });
});
