import { recordKey, type LocatedRecord } from "@lethe/connector-sdk";
import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collect, zendeskContext, type SentRequest } from "../../test/zendesk-context";
import { startZendeskSandbox, type RunningZendeskSandbox } from "../sandbox/index";
import { locate } from "./locate";

let sandbox: RunningZendeskSandbox;
let oracle: OracleClient;
const heavyTickets = 1_100;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 1, rateLimitPerMinute: 100_000, heavyTickets });
  oracle = createOracleClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => oracle.reset());

const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong");

async function firstSubject() {
  const people = await oracle.people();
  const subject = people.find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject");
  const emails = subject.identifiers.filter((i) => i.kind === "email").map((i) => i.value);
  const phone = subject.identifiers.find((i) => i.kind === "phone")?.value ?? "";
  return { ...subject, emails, phone, bystanders: people.filter((p) => p.bystanderOf === subject.id) };
}

describe("locate", () => {
  it("finds a person with more than 1,000 tickets in full, though the search API stops at 1,000", async () => {
    const subject = await firstSubject();
    const sent: SentRequest[] = [];
    const located = await collect(locate(zendeskContext(sandbox, { sent }), { identifiers: subject.identifiers }));
    const held = await oracle.records(subject.id);
    const locatedKeys = new Set(located.map((record) => recordKey(record.ref)));
    expect(held.filter((record) => record.ref.type === "ticket")).toHaveLength(heavyTickets + 3);
    for (const record of held) expect(locatedKeys.has(recordKey(record.ref)), recordKey(record.ref)).toBe(true);
    // The requested list by cursor: 12 pages of 100 for 1,103 tickets, never an offset page past the cap.
    const pages = sent.filter((request) => request.route === "users.tickets.requested" && request.url.includes(`/users/${subject.id}/`));
    expect(pages).toHaveLength(12);
    expect(sent.some((request) => request.route === "search.users" && request.query?.page !== undefined)).toBe(false);
  });

  it("finds the person by a secondary e-mail alone and reports the rest of their identifiers as discovered", async () => {
    const subject = await firstSubject();
    const secondary = subject.emails[1];
    if (!secondary) throw new Error("no secondary e-mail");
    const located = await collect(locate(zendeskContext(sandbox), { identifiers: [{ kind: "email", value: secondary }] }));
    const user = located.find((record) => record.ref.type === "user");
    expect(user?.ref.id).toBe(subject.id);
    expect(user?.matchedBy).toEqual([expect.objectContaining({ strength: "strong" })]);
    expect(user?.discovered).toEqual([
      { kind: "email", value: subject.emails[0] },
      { kind: "phone", value: subject.phone },
      { kind: "native_id", value: subject.id, system: "zendesk" },
    ]);
    expect(located.filter((record) => record.ref.type === "ticket").length).toBe(heavyTickets + 3);
  });

  it("finds the person by their Zendesk user id", async () => {
    const subject = await firstSubject();
    const located = await collect(locate(zendeskContext(sandbox), { identifiers: [{ kind: "native_id", value: subject.id, system: "zendesk" }] }));
    expect(located[0]).toMatchObject({ ref: { type: "user", id: subject.id }, matchedBy: [{ strength: "strong" }] });
  });

  it("reports CC places, comments written in others' tickets and mentions by others as their own record types", async () => {
    const subject = await firstSubject();
    const located = await collect(locate(zendeskContext(sandbox), { identifiers: subject.identifiers }));
    const types = (type: string) => located.filter((record) => record.ref.type === type);
    // CC'd on a colleague's ticket; submitter (and CC) of one filed for a relative; follower of another.
    expect(types("ticket_participation").map((record) => record.label)).toEqual([
      expect.stringMatching(/^email_cc on/),
      expect.stringMatching(/^email_cc, submitter on/),
      expect.stringMatching(/^follower on/),
    ]);
    expect(types("comment").every(strong)).toBe(true);
    const mentions = types("comment_mention");
    // The primary e-mail written by an agent: strong. The household's shared number: weak, with why.
    expect(mentions.filter(strong)).toHaveLength(1);
    expect(mentions.filter((m) => !strong(m))).toEqual([
      expect.objectContaining({ matchedBy: [expect.objectContaining({ identifier: { kind: "phone", value: subject.phone }, reason: expect.stringContaining("shared") })] }),
    ]);
  });

  it("never takes a bystander with a +tag, the same mailbox elsewhere or the same digits under +44 for the subject", async () => {
    const subject = await firstSubject();
    const located = await collect(locate(zendeskContext(sandbox), { identifiers: subject.identifiers }));
    const users = located.filter((record) => record.ref.type === "user");
    const household = subject.bystanders.find((b) => b.identifiers.some((i) => i.kind === "phone" && i.value === subject.phone));
    expect(users.filter(strong).map((u) => u.ref.id)).toEqual([subject.id]);
    expect(users.filter((u) => !strong(u)).map((u) => u.ref.id)).toEqual([household?.id]);
  });
});
