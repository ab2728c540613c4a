import { recordKey, type ErasePlan, type ErasureReceipt, type Identifier, type LocatedRecord, type OraclePerson } from "@lethe/connector-sdk";
import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collect, zendeskContext, type SentRequest } from "../../test/zendesk-context";
import { locate } from "../locate/locate";
import { startZendeskSandbox, type RunningZendeskSandbox } from "../sandbox/index";
import { mentionedIdentifiers } from "../vendor/mentions";
import { confirmErasures } from "./confirm-erasures";
import { eraseRecords } from "./erase-records";

/*
 * A redact plan (records a legal hold keeps with `redactNonEssential`) against the sandbox: the
 * held tickets stay, closed ones included, with nothing of the subject's e-mail addresses and
 * phone numbers left in any comment; bystanders' data in the same tickets stays; a second run
 * makes no redaction call and changes nothing.
 */

let sandbox: RunningZendeskSandbox;
let oracle: OracleClient;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 7, rateLimitPerMinute: 100_000 });
  oracle = createOracleClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => oracle.reset());

interface Comment {
  id: number;
  author_id: number;
  body: string;
  attachments: { file_name: string; size: number }[];
}

async function api(path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${sandbox.url}/api/v2${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${sandbox.admin.oauthAccessToken}`, "content-type": "application/json" },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const comments = async (ticketId: string) => (await api(`/tickets/${ticketId}/comments`)).body.comments as Comment[];
const ticketOf = async (ticketId: string) => (await api(`/tickets/${ticketId}`)).body.ticket as { status: string; requester_id: number } | undefined;
const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong");
const emailsOf = (person: OraclePerson) => person.identifiers.filter((i) => i.kind === "email").map((i) => i.value);
const phoneOf = (person: OraclePerson) => person.identifiers.find((i) => i.kind === "phone")?.value ?? "";

/** Every e-mail address or phone number of the subject a text still writes (any case, any spacing). */
function tracesOf(text: string, identifiers: Identifier[]): string[] {
  const wanted = new Set(identifiers.filter((i) => i.kind === "email" || i.kind === "phone").map((i) => `${i.kind}:${i.value.toLowerCase()}`));
  return mentionedIdentifiers(text).filter((m) => wanted.has(`${m.kind}:${m.value}`)).map((m) => m.value);
}

async function subjectWorld(index: number) {
  const people = await oracle.people();
  const subject = people.filter((person) => person.role === "subject")[index];
  if (!subject) throw new Error("no subject");
  const bystanders = people.filter((person) => person.bystanderOf === subject.id);
  const located = await collect(locate(zendeskContext(sandbox), { identifiers: subject.identifiers }));
  const tickets = located.filter((record) => record.ref.type === "ticket" && strong(record)).map((record) => record.ref);
  return { subject, bystanders, located, tickets };
}

describe("erase with a redact plan", () => {
  it("keeps held tickets (closed ones too) with no trace of the subject's identifiers, bystanders' addresses untouched, and a second run is harmless", async () => {
    const { subject, bystanders, tickets } = await subjectWorld(0);
    const statuses = await Promise.all(tickets.map(async (ref) => (await ticketOf(ref.id))?.status));
    expect(statuses).toContain("closed");
    const open = tickets[statuses.findIndex((status) => status !== "closed")];
    if (!open) throw new Error("no open ticket");
    // An agent's note in a held ticket naming the subject beside every bystander's address.
    const bystanderEmails = bystanders.flatMap(emailsOf);
    const phone = phoneOf(subject);
    const note = `Customer wrote from ${emailsOf(subject)[0]?.toUpperCase()} and called on ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}; also copied: ${bystanderEmails.join(", ")}.`;
    expect((await api(`/tickets/${open.id}`, { method: "PUT", body: { ticket: { comment: { body: note, public: false } } } })).status).toBe(200);
    const before = await Promise.all(tickets.map((ref) => comments(ref.id)));
    // The closed ticket writes the subject's second address (comment redaction must reach it).
    const closed = before[statuses.indexOf("closed")] ?? [];
    expect(closed.some((comment) => tracesOf(comment.body, subject.identifiers).length > 0)).toBe(true);
    const bystandersBefore = await Promise.all(bystanders.map((b) => oracle.records(b.id)));
    expect(bystandersBefore.flat().some((record) => record.ref.id.startsWith(`${open.id}:`))).toBe(true);

    const plan: ErasePlan = { action: "redact", scope: "personal-data", identifiers: subject.identifiers };
    const sent: SentRequest[] = [];
    const receipts = await collect(eraseRecords(zendeskContext(sandbox, { sent }), tickets, plan));

    expect(receipts.map((receipt) => receipt.outcome)).toEqual(tickets.map(() => "redacted"));
    expect(sent.filter((request) => request.method === "DELETE")).toEqual([]);
    expect(sent.some((request) => request.route === "comment_redactions.update")).toBe(true);
    const after = await Promise.all(tickets.map((ref) => comments(ref.id)));
    for (const [i, ref] of tickets.entries()) {
      expect((await ticketOf(ref.id))?.status).toBe(statuses[i]);
      const kept = after[i] ?? [];
      expect(kept.map((comment) => comment.id)).toEqual((before[i] ?? []).map((comment) => comment.id));
      for (const comment of kept) expect(tracesOf(comment.body, subject.identifiers)).toEqual([]);
    }
    // Only the subject's identifiers were redacted: the rest of each comment is as it was.
    const noteAfter = after.flat().find((comment) => comment.body.includes("Customer wrote from"));
    for (const email of bystanderEmails) expect(noteAfter?.body).toContain(email);
    expect(noteAfter?.body).toMatch(/^Customer wrote from ▇+ and called on ▇+; also copied: /);
    const stripped = (text: string) => text.replace(/\u2587/g, "");
    const changed = after.flat().filter((comment, n) => comment.body !== before.flat()[n]?.body);
    expect(changed.length).toBeGreaterThan(1);
    for (const comment of after.flat()) {
      const was = before.flat().find((c) => c.id === comment.id);
      expect(comment.body.length).toBe(was?.body.length);
      expect(was?.body.startsWith(stripped(comment.body).slice(0, 10))).toBe(true);
    }
    // Attachments are evidence and stay under this scope.
    expect(after.flat().flatMap((c) => c.attachments.map((a) => a.file_name))).toEqual(before.flat().flatMap((c) => c.attachments.map((a) => a.file_name)));
    // Bystanders keep everything, except that the household member sharing the subject's number
    // loses its mention in the note: the number written in the subject's held ticket is redacted.
    const shared = bystanders.filter((b) => b.identifiers.some((i) => i.kind === "phone" && i.value === phone)).map((b) => b.id);
    expect(shared).toHaveLength(1);
    const bystandersAfter = await Promise.all(bystanders.map((b) => oracle.records(b.id)));
    for (const [n, b] of bystanders.entries()) {
      const lost = (bystandersBefore[n] ?? []).filter((r) => !(bystandersAfter[n] ?? []).some((a) => recordKey(a.ref) === recordKey(r.ref)));
      expect(bystandersAfter[n]).toEqual((bystandersBefore[n] ?? []).filter((r) => !lost.includes(r)));
      expect(lost.map((r) => r.ref.type)).toEqual(shared.includes(b.id) ? ["comment_mention"] : []);
      expect(lost.every((r) => r.ref.id.startsWith(`${open.id}:${noteAfter?.id}:`))).toBe(true);
    }
    // The oracle still holds each ticket (kept under the hold), without the identifiers.
    const held = (await oracle.records(subject.id)).filter((record) => record.ref.type === "ticket");
    expect(held.map((record) => record.ref.id).sort()).toEqual(tickets.map((ref) => ref.id).sort());
    expect(tracesOf(JSON.stringify(held), subject.identifiers)).toEqual([]);

    const again: SentRequest[] = [];
    const second = await collect(eraseRecords(zendeskContext(sandbox, { sent: again }), tickets, plan));
    expect(second.map((receipt) => receipt.outcome)).toEqual(tickets.map(() => "redacted"));
    expect(second.every((receipt) => receipt.detail?.includes("nothing of the subject was left to redact"))).toBe(true);
    expect(again.filter((request) => request.method !== "GET")).toEqual([]);
    expect(await Promise.all(tickets.map((ref) => comments(ref.id)))).toEqual(after);
  });

  it("scope whole-party redacts every comment the subject wrote, text and files, and only the identifiers in others'", async () => {
    const { subject, tickets } = await subjectWorld(1);
    const before = await Promise.all(tickets.map((ref) => comments(ref.id)));
    const receipts = await collect(eraseRecords(zendeskContext(sandbox), tickets, { action: "redact", scope: "whole-party", identifiers: subject.identifiers }));
    expect(receipts.map((receipt) => receipt.outcome)).toEqual(tickets.map(() => "redacted"));
    const after = (await Promise.all(tickets.map((ref) => comments(ref.id)))).flat();
    const own = after.filter((comment) => String(comment.author_id) === subject.id);
    expect(own.length).toBeGreaterThan(0);
    for (const comment of own) {
      expect(comment.body).toMatch(/^[\u2587\n]+$/);
      for (const attachment of comment.attachments) expect(attachment).toMatchObject({ file_name: "redacted.txt", size: 0 });
    }
    const others = after.filter((comment) => String(comment.author_id) !== subject.id);
    expect(others.length).toBeGreaterThan(0);
    for (const comment of others) expect(comment.body).toBe(before.flat().find((c) => c.id === comment.id)?.body);
  });

  it("erases the user and identities, leaves the person's place in others' tickets, and keeps comments they wrote there with only their identifiers redacted", async () => {
    const { subject, bystanders, located } = await subjectWorld(2);
    const refs = located.filter(strong).map((record) => record.ref);
    const bystandersBefore = await Promise.all(bystanders.map((b) => oracle.records(b.id)));
    const ctx = zendeskContext(sandbox);
    const receipts = await collect(eraseRecords(ctx, refs, { action: "redact", scope: "personal-data", identifiers: subject.identifiers }));
    const byType = (type: string) => receipts.filter((receipt) => receipt.ref.type === type);
    expect(byType("ticket").every((receipt) => receipt.outcome === "redacted")).toBe(true);
    expect(byType("comment").length).toBeGreaterThan(0);
    expect(byType("comment").every((receipt) => receipt.outcome === "redacted")).toBe(true);
    expect(byType("user").map((receipt) => receipt.outcome)).toEqual(["pending"]);
    expect(byType("identity").every((receipt) => receipt.outcome === "erased")).toBe(true);

    await oracle.moveClock({ advanceMs: 5 * 60 * 1000 });
    const confirmed = await collect(confirmErasures(ctx, receipts.filter((receipt: ErasureReceipt) => receipt.outcome === "pending")));
    expect(confirmed.map((receipt) => receipt.outcome)).toEqual(["erased"]);
    expect(await api(`/deleted_users/${subject.id}`)).toMatchObject({ body: { deleted_user: { name: "Permanently Deleted User", email: null, phone: null } } });
    for (const receipt of byType("ticket")) expect((await ticketOf(receipt.ref.id))?.requester_id).toBe(Number(subject.id));
    // The comment they wrote in a colleague's ticket stays, their address in it redacted.
    const written: string[] = [];
    for (const receipt of byType("comment")) {
      const [ticketId, commentId] = receipt.ref.id.split(":");
      const comment = (await comments(ticketId ?? "")).find((c) => String(c.id) === commentId);
      expect(tracesOf(comment?.body ?? "", subject.identifiers)).toEqual([]);
      expect(comment?.body).toMatch(/[a-z]/);
      written.push(comment?.body ?? "");
    }
    expect(written).toContainEqual(expect.stringMatching(/^Adding myself here; please write to ▇+ too\.$/));
    // With the user scrubbed, the oracle holds nothing of the person but what was kept, without identifiers.
    const left = await oracle.records(subject.id);
    expect(left.every((record) => record.ref.type === "ticket" || record.ref.type === "comment" || record.ref.type === "comment_mention")).toBe(true);
    expect(tracesOf(JSON.stringify(left.filter((record) => record.ref.type !== "comment_mention")), subject.identifiers)).toEqual([]);
    const weak = new Set(located.filter((record) => !strong(record)).map((record) => recordKey(record.ref)));
    expect(left.filter((record) => record.ref.type === "comment_mention").every((record) => weak.has(recordKey(record.ref)))).toBe(true);
    expect(await Promise.all(bystanders.map((b) => oracle.records(b.id)))).toEqual(bystandersBefore);
  });
});
