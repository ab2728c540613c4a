import { recordKey, type ErasureReceipt, type LocatedRecord } from "@lethe/connector-sdk";
import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collect, zendeskContext } from "../../test/zendesk-context";
import { locate } from "../locate/locate";
import { startZendeskSandbox, type RunningZendeskSandbox } from "../sandbox/index";
import { confirmErasures } from "./confirm-erasures";
import { eraseRecords } from "./erase-records";
import { redactRecord } from "./redact-record";

let sandbox: RunningZendeskSandbox;
let oracle: OracleClient;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 5, rateLimitPerMinute: 100_000 });
  oracle = createOracleClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => oracle.reset());

const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong");
const api = (path: string) =>
  fetch(`${sandbox.url}/api/v2${path}`, { headers: { authorization: `Bearer ${sandbox.admin.oauthAccessToken}` } }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

async function eraseSubject(index = 0) {
  const people = await oracle.people();
  const subject = people.filter((person) => person.role === "subject")[index];
  if (!subject) throw new Error("no subject");
  const ctx = zendeskContext(sandbox);
  const located = await collect(locate(ctx, { identifiers: subject.identifiers }));
  const refs = located.filter(strong).map((record) => record.ref);
  const receipts = await collect(eraseRecords(ctx, refs, { action: "erase" }));
  return { subject, people, located, refs, receipts, ctx };
}

async function settle(ctx: ReturnType<typeof zendeskContext>, receipts: ErasureReceipt[]) {
  await oracle.moveClock({ advanceMs: 5 * 60 * 1000 });
  const confirmed = await collect(confirmErasures(ctx, receipts.filter((receipt) => receipt.outcome === "pending")));
  const byKey = new Map(confirmed.map((receipt) => [recordKey(receipt.ref), receipt]));
  return receipts.map((receipt) => byKey.get(recordKey(receipt.ref)) ?? receipt);
}

describe("erase", () => {
  it("leaves no trace of the person in users, deleted users, tickets, deleted tickets or comment text", async () => {
    const { subject, receipts, ctx, located } = await eraseSubject();
    expect(receipts.some((receipt) => receipt.outcome === "pending")).toBe(true);
    const settled = await settle(ctx, receipts);
    // Only the place as submitter of the ticket filed for a relative is kept: Zendesk never changes
    // a submitter; the reference points at the permanently deleted user.
    expect(settled.filter((receipt) => receipt.outcome !== "erased")).toEqual([
      expect.objectContaining({ ref: expect.objectContaining({ type: "ticket_participation" }), outcome: "retained", hold: { basis: expect.stringContaining("submitter") } }),
    ]);
    // Only the mention of the number shared with the household remains: weak, left for review.
    const weak = located.filter((record) => !strong(record)).map((record) => recordKey(record.ref));
    const left = (await oracle.records(subject.id)).map((record) => recordKey(record.ref));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^comment_mention\//);
    expect(weak).toContain(left[0]);
    expect((await api(`/users/${subject.id}`)).status).toBe(404);
    expect(await api(`/deleted_users/${subject.id}`)).toMatchObject({ body: { deleted_user: { name: "Permanently Deleted User", email: null, phone: null } } });
    expect((await api("/deleted_tickets")).body.deleted_tickets).toEqual([]);
    const stats = await oracle.stats();
    expect(stats.deletions[`user/${subject.id}`]).toBe(1);
  });

  it("changes no bystander's records, and a second erase is already-absent everywhere and deletes nothing", async () => {
    const { subject, people, refs, ctx, receipts } = await eraseSubject(1);
    await settle(ctx, receipts);
    const bystanders = people.filter((person) => person.bystanderOf === subject.id);
    const before = await Promise.all(bystanders.map((b) => oracle.records(b.id)));
    const deletions = (await oracle.stats()).deletions;
    const again = await collect(eraseRecords(zendeskContext(sandbox), refs, { action: "erase" }));
    // The submitter reference stays on the relative's ticket (retained again); all else is gone.
    const retained = again.filter((receipt) => receipt.outcome === "retained");
    expect(retained.map((receipt) => receipt.ref.type)).toEqual(["ticket_participation"]);
    expect(again.filter((receipt) => receipt.outcome !== "retained").every((receipt) => receipt.outcome === "already-absent")).toBe(true);
    expect((await oracle.stats()).deletions).toEqual(deletions);
    expect(await Promise.all(bystanders.map((b) => oracle.records(b.id)))).toEqual(before);
  });

  it("redacts only the mention in another person's comment and keeps the rest of it", async () => {
    const people = await oracle.people();
    const subject = people.find((person) => person.role === "subject");
    if (!subject) throw new Error("no subject");
    const ctx = zendeskContext(sandbox);
    const mention = (await collect(locate(ctx, { identifiers: subject.identifiers }))).find((r) => r.ref.type === "comment_mention" && strong(r));
    if (!mention) throw new Error("no strong mention");
    const [ticketId, commentId] = mention.ref.id.split(":").map(Number);
    const before = ((await api(`/tickets/${ticketId}/comments`)).body.comments as { id: number; body: string }[]).find((c) => c.id === commentId);
    const [receipt] = await collect(eraseRecords(ctx, [mention.ref], { action: "erase" }));
    expect(receipt?.outcome).toBe("erased");
    const after = ((await api(`/tickets/${ticketId}/comments`)).body.comments as { id: number; body: string }[]).find((c) => c.id === commentId);
    const email = subject.identifiers.find((i) => i.kind === "email")?.value ?? "";
    expect(after?.body).toBe(before?.body.replace(email, "\u2587".repeat(email.length)));
  });

  it("redacts spans of a comment's text through redact(ctx, ref, spans)", async () => {
    const { subject } = { subject: (await oracle.people()).find((p) => p.role === "subject") };
    if (!subject) throw new Error("no subject");
    const ctx = zendeskContext(sandbox);
    const comment = (await collect(locate(ctx, { identifiers: subject.identifiers }))).find((r) => r.ref.type === "comment");
    if (!comment) throw new Error("no comment");
    const receipt = await redactRecord(ctx, comment.ref, [{ kind: "text", field: "body", start: 0, end: 6, label: "name" }]);
    expect(receipt.outcome).toBe("redacted");
    const [ticketId, commentId] = comment.ref.id.split(":").map(Number);
    const after = ((await api(`/tickets/${ticketId}/comments`)).body.comments as { id: number; body: string }[]).find((c) => c.id === commentId);
    expect(after?.body.startsWith("\u2587".repeat(6))).toBe(true);
    expect((await redactRecord(ctx, comment.ref, [{ kind: "text", field: "body", start: 0, end: 6, label: "name" }])).outcome).toBe("already-absent");
    await expect(redactRecord(ctx, { type: "ticket", id: String(ticketId) }, [])).rejects.toThrow(TypeError);
  });

  it("erases many tickets with the bulk endpoints and leaves none of them anywhere", async () => {
    const bulk = await startZendeskSandbox({ seed: 5, people: 1, extraPeopleTickets: 12, rateLimitPerMinute: 100_000 });
    try {
      const bulkOracle = createOracleClient(bulk.url);
      const person = (await bulkOracle.people()).filter((p) => p.role === "subject").at(-1);
      if (!person) throw new Error("no extra person");
      const ctx = zendeskContext(bulk);
      const refs = (await collect(locate(ctx, { identifiers: person.identifiers }))).filter(strong).map((r) => r.ref);
      const receipts = await collect(eraseRecords(ctx, refs, { action: "erase" }));
      expect(receipts.filter((r) => r.ref.type === "ticket").map((r) => r.outcome)).toEqual(Array(12).fill("erased"));
      await bulkOracle.moveClock({ advanceMs: 5 * 60 * 1000 });
      await collect(confirmErasures(ctx, receipts.filter((r) => r.outcome === "pending")));
      expect(await bulkOracle.records(person.id)).toEqual([]);
      const { calls } = await bulkOracle.stats();
      expect(calls).toMatchObject({ "DELETE /api/v2/tickets/destroy_many": 1, "DELETE /api/v2/deleted_tickets/destroy_many": 1 });
      expect(calls["DELETE /api/v2/tickets/:id"]).toBeUndefined();
    } finally {
      await bulk.stop();
    }
  });
});
