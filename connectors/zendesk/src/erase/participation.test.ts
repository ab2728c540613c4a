import { recordKey, type LocatedRecord, type OraclePerson } from "@lethe/connector-sdk";
import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collect, zendeskContext, type SentRequest } from "../../test/zendesk-context";
import { exportRecords } from "../export-records";
import { locate } from "../locate/locate";
import { rolesIn } from "../locate/user-records";
import { startZendeskSandbox, type RunningZendeskSandbox } from "../sandbox/index";
import { zendeskTicket } from "../vendor/records";
import { eraseRecords } from "./erase-records";

/*
 * Tickets the person did not request: one they submitted for a relative (and are copied on), one
 * they follow, one they are CC'd on. Each is shared with a bystander whose identifiers nearly match
 * (the `+tag` address copied on the same ticket, the same digits under +44 following it).
 */

let sandbox: RunningZendeskSandbox;
let oracle: OracleClient;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 3, rateLimitPerMinute: 100_000 });
  oracle = createOracleClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => oracle.reset());

interface TicketJson {
  id: number;
  requester_id: number;
  submitter_id: number;
  email_cc_ids: number[];
  follower_ids: number[];
  collaborator_ids: number[];
}

const ticketOf = async (id: string): Promise<{ status: number; ticket?: TicketJson }> => {
  const response = await fetch(`${sandbox.url}/api/v2/tickets/${id}`, { headers: { authorization: `Bearer ${sandbox.admin.oauthAccessToken}` } });
  const body = (await response.json()) as { ticket?: TicketJson };
  return { status: response.status, ticket: body.ticket };
};
const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong");
const ticketIdOf = (record: LocatedRecord) => record.ref.id.split(":")[0] ?? "";

async function subjectAndBystanders(): Promise<{ subject: OraclePerson; bystanders: OraclePerson[] }> {
  const people = await oracle.people();
  const subject = people.find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject");
  return { subject, bystanders: people.filter((person) => person.bystanderOf === subject.id) };
}

describe("the person's place in other people's tickets", () => {
  it("is located through the user's CC'd tickets and verified on the ids the ticket itself holds", async () => {
    const { subject } = await subjectAndBystanders();
    const sent: SentRequest[] = [];
    const located = await collect(locate(zendeskContext(sandbox, { sent }), { identifiers: subject.identifiers }));
    const places = located.filter((record) => record.ref.type === "ticket_participation");
    expect(places).toHaveLength(3);
    const userId = Number(subject.id);
    const roles: string[] = [];
    for (const place of places) {
      expect(place.ref.id.endsWith(`:${subject.id}`)).toBe(true);
      expect(strong(place)).toBe(true);
      const { ticket } = await ticketOf(ticketIdOf(place));
      if (!ticket) throw new Error("ticket missing");
      expect(ticket.requester_id).not.toBe(userId);
      roles.push(rolesIn(zendeskTicket.parse({ ...ticket, status: "open" }), userId).join("+"));
    }
    expect(roles.sort()).toEqual(["email_cc", "email_cc+submitter", "follower"]);
    // The oracle agrees: every place it lists for the person was located.
    const held = (await oracle.records(subject.id)).filter((record) => record.ref.type === "ticket_participation").map((r) => recordKey(r.ref));
    expect(held.sort()).toEqual(places.map((r) => recordKey(r.ref)).sort());
    // Found by the documented list (Z7 `/ccd`), not by search keywords vendor-apis.md does not record.
    expect(sent.filter((request) => request.route === "users.tickets.ccd").length).toBeGreaterThan(0);
    const queries = sent.map((request) => String(request.query?.query ?? ""));
    expect(queries.filter((query) => /\b(cc|follower|submitter|commenter):/.test(query))).toEqual([]);
    // The description of the relative's ticket is the submitter's own comment.
    const submitted = places.find((place) => place.label?.includes("submitter") === true);
    if (!submitted) throw new Error("no submitter place");
    expect(located.some((record) => record.ref.type === "comment" && ticketIdOf(record) === ticketIdOf(submitted))).toBe(true);
  });

  it("counts a place only when the ticket's id lists hold the user's exact id", () => {
    const ticket = zendeskTicket.parse({
      id: 7,
      subject: "s",
      description: "d",
      status: "open",
      requester_id: 2,
      submitter_id: 2,
      assignee_id: null,
      collaborator_ids: [36100000051],
      email_cc_ids: [36100000051],
      follower_ids: [361000000050],
      created_at: "2024-01-01T00:00:00Z",
      updated_at: "2024-01-01T00:00:00Z",
    });
    expect(rolesIn(ticket, 36100000050)).toEqual([]);
    expect(rolesIn(ticket, 36100000051)).toEqual(["email_cc"]);
    expect(rolesIn({ ...ticket, email_cc_ids: [], collaborator_ids: [5] }, 5)).toEqual(["email_cc"]);
    expect(rolesIn({ ...ticket, follower_ids: [5], collaborator_ids: [5] }, 5)).toEqual(["follower"]);
  });

  it("exports each place with the ticket and the roles read from it", async () => {
    const { subject } = await subjectAndBystanders();
    const ctx = zendeskContext(sandbox);
    const places = (await collect(locate(ctx, { identifiers: subject.identifiers }))).filter((r) => r.ref.type === "ticket_participation");
    const items = await collect(exportRecords(ctx, places.map((place) => place.ref)));
    const data = items.flatMap((item) => (item.kind === "record" ? [item.data as { roles: string[]; ticket: { id: number } }] : []));
    expect(data.map((d) => d.roles.join("+")).sort()).toEqual(["email_cc", "email_cc+submitter", "follower"]);
    expect(data.map((d) => String(d.ticket.id)).sort()).toEqual(places.map(ticketIdOf).sort());
  });

  it("takes the person off the CC and follower lists, keeps the tickets, and leaves the bystanders on them", async () => {
    const { subject, bystanders } = await subjectAndBystanders();
    const ctx = zendeskContext(sandbox);
    const located = await collect(locate(ctx, { identifiers: subject.identifiers }));
    const places = located.filter((r) => r.ref.type === "ticket_participation");
    const before = new Map(await Promise.all(places.map(async (p) => [ticketIdOf(p), (await ticketOf(ticketIdOf(p))).ticket] as const)));
    const bystanderRecords = await Promise.all(bystanders.map((b) => oracle.records(b.id)));
    // Only the places: the rest of the erasure is tested elsewhere.
    const receipts = await collect(eraseRecords(ctx, places.map((p) => p.ref), { action: "erase" }));

    const userId = Number(subject.id);
    for (const place of places) {
      const id = ticketIdOf(place);
      const { status, ticket } = await ticketOf(id);
      const was = before.get(id);
      if (!ticket || !was) throw new Error("ticket gone");
      // Someone else's ticket is not deleted; only the person leaves it.
      expect(status).toBe(200);
      expect(ticket.email_cc_ids).toEqual(was.email_cc_ids.filter((cc) => cc !== userId));
      expect(ticket.follower_ids).toEqual(was.follower_ids.filter((f) => f !== userId));
      expect(ticket.requester_id).toBe(was.requester_id);
    }
    const outcome = (label: string) => receipts.find((r) => places.find((p) => p.label === label)?.ref.id === r.ref.id);
    const submitterLabel = places.find((p) => p.label?.includes("submitter") === true)?.label ?? "";
    expect(outcome(submitterLabel)).toMatchObject({ outcome: "retained", hold: { basis: expect.stringContaining("submitter") } });
    expect(receipts.filter((r) => r.outcome === "erased")).toHaveLength(2);
    // What remains of the person's places: the submitter reference, until the user is deleted.
    const left = (await oracle.records(subject.id)).filter((record) => record.ref.type === "ticket_participation");
    expect(left.map((record) => Object.keys(record.personalData))).toEqual([["submitter"]]);
    expect(await Promise.all(bystanders.map((b) => oracle.records(b.id)))).toEqual(bystanderRecords);
  });
});
