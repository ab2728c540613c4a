import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, type OraclePerson } from "../test/reference-world";
import { waitForStatus } from "../test/wait-for-status";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { fileRequest } from "./file-request";
import { approvePlan, getRequestPlan, reviewPlan } from "./plan";
import { getRequestDetail } from "./request-detail";
import { waitForRequests } from "./wait-for-requests";

/*
 * The reference sandbox's last subject is mentioned in a note about their first bystander: the
 * bystander's record, which only mentions them. An erasure plans `redact` for it (not `erase`),
 * the worker redacts it, verification re-locates and finds no mention left and reads the note back
 * by id kept without the address, and the note is still the bystander's with only the address gone.
 */

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

describe("an erasure whose subject another person's record mentions", () => {
  it("redacts the mention, keeps the other person's record, and proves it by reading it back", async () => {
    const subject = people.filter((person) => person.role === "subject").at(5);
    const bystander = people.find((person) => person.bystanderOf === subject?.id);
    if (!subject || !bystander) throw new Error("the sandbox has no sixth subject with a bystander");
    const address = identifierOf(subject, "email");
    const mentioning = (await world.oracle.records(bystander.id)).filter((record) => JSON.stringify(record.personalData).includes(address));
    expect(mentioning).toHaveLength(1);
    const note = mentioning[0];

    const { id } = await fileRequest(world.database, { ...base, type: "erasure", identifiers: [{ kind: "email", value: address }] });
    // The household's records found through the shared phone wait for review: excluded.
    await waitForStatus(world.database, id, "review");
    const plan = (await getRequestPlan(world.database, id))?.items ?? [];
    const item = plan.find((entry) => entry.recordId === note?.ref.id);
    expect(item).toMatchObject({ action: "redact", review: "none" });
    expect(item?.reason).toMatch(/another person's record that mentions the subject/);
    const pending = plan.filter((entry) => entry.review === "pending");
    await reviewPlan(world, { requestId: id, actor: "user:reviewer", decisions: pending.map((entry) => ({ id: entry.id, decision: "exclude" as const })) });
    await approvePlan(world, { requestId: id, actor: "user:reviewer" });
    await waitForRequests(world.database, [id], { timeoutMs: 30_000 });

    const detail = await getRequestDetail(world.database, id);
    expect(detail?.request.status).toBe("completed");
    expect(detail?.receipts.find((receipt) => receipt.id === note?.ref.id && receipt.phase === "erase")?.outcome).toBe("redacted");
    expect(detail?.receipts.filter((receipt) => receipt.outcome === "still-present")).toEqual([]);
    // The reference connector reads the note back by id with the subject's identifiers: kept, address gone.
    expect(detail?.receipts.filter((receipt) => receipt.id === note?.ref.id && receipt.phase === "verify")).toEqual([
      expect.objectContaining({ outcome: "verified", detail: "read back by id: kept, the subject's identifiers removed" }),
    ]);
    const after = (await world.oracle.records(bystander.id)).find((record) => record.ref.id === note?.ref.id);
    expect(after?.store).toBe("active");
    expect(JSON.stringify(after?.personalData)).not.toContain(address);
    expect(after?.personalData.body).toBe(String(note?.personalData.body).replace(address, "[redacted]"));
    expect((await world.oracle.stats()).deletions[`note/${note?.ref.id}`]).toBeUndefined();
  });
});
