import type { LocatedRecord, RecordRef } from "@lethe/connector-sdk";
import { createOracleClient, type OracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collect, zendeskContext } from "../../test/zendesk-context";
import { locate } from "../locate/locate";
import { startZendeskSandbox, type RunningZendeskSandbox } from "../sandbox/index";
import { eraseRecords } from "./erase-records";
import { readBackRecords } from "./read-back";

/*
 * readBack against the sandbox's stores, step by step through Zendesk's two-step deletions: a
 * soft-deleted user or ticket is still present, a permanently deleted one only once it is gone
 * (the user: scrubbed), and a mention is judged by what the comment writes now.
 */

let sandbox: RunningZendeskSandbox;
let oracle: OracleClient;

beforeAll(async () => {
  sandbox = await startZendeskSandbox({ seed: 5, rateLimitPerMinute: 100_000, scrubDelayMs: 30_000 });
  oracle = createOracleClient(sandbox.url);
});
afterAll(() => sandbox.stop());
beforeEach(() => oracle.reset());

const strong = (record: LocatedRecord) => record.matchedBy.some((match) => match.strength === "strong");
const call = (method: "DELETE" | "POST", path: string, body?: unknown) =>
  fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.admin.oauthAccessToken}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });

async function firstSubject() {
  const subject = (await oracle.people()).find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject");
  const ctx = zendeskContext(sandbox);
  const located = await collect(locate(ctx, { identifiers: subject.identifiers }));
  return { subject, ctx, located };
}

async function presenceOf(ctx: ReturnType<typeof zendeskContext>, ref: RecordRef, identifiers?: Parameters<typeof readBackRecords>[2]) {
  const [answer, ...more] = await collect(readBackRecords(ctx, [ref], identifiers));
  expect(more).toEqual([]);
  return answer;
}

describe("readBack", () => {
  it("finds a user present while soft-deleted and while permanently deleted but unscrubbed, and absent once scrubbed", async () => {
    const { subject, ctx } = await firstSubject();
    const ref = { type: "user", id: subject.id };
    expect(await presenceOf(ctx, ref)).toMatchObject({ present: true });
    expect(await call("DELETE", `/api/v2/users/${subject.id}`)).toBe(200);
    expect(await presenceOf(ctx, ref)).toMatchObject({ present: true, detail: "the user is soft-deleted, not permanently deleted" });
    expect(await call("DELETE", `/api/v2/deleted_users/${subject.id}`)).toBe(200);
    expect(await presenceOf(ctx, ref)).toMatchObject({ present: true, detail: "deleted users still hold the user's name, e-mail or phone" });
    await oracle.moveClock({ advanceMs: 60_000 });
    expect(await presenceOf(ctx, ref)).toEqual({ ref, present: false });
  });

  it("finds a ticket present while soft-deleted (in deleted tickets) and absent once permanently deleted", async () => {
    const { subject, ctx, located } = await firstSubject();
    const ticket = located.find((record) => record.ref.type === "ticket" && strong(record));
    if (!ticket) throw new Error(`subject ${subject.id} requested no ticket`);
    expect(await call("DELETE", `/api/v2/tickets/${ticket.ref.id}`)).toBe(204);
    expect(await presenceOf(ctx, ticket.ref)).toMatchObject({ present: true, detail: "the ticket is soft-deleted, not permanently deleted" });
    expect(await call("DELETE", `/api/v2/deleted_tickets/${ticket.ref.id}`)).toBe(200);
    await oracle.moveClock({ advanceMs: 60_000 });
    expect(await presenceOf(ctx, ticket.ref)).toEqual({ ref: ticket.ref, present: false });
  });

  it("answers whether a mention's comment still writes the subject's identifier: before, after a redaction, and after one Zendesk ignored", async () => {
    const { subject, ctx, located } = await firstSubject();
    const mention = located.find((record) => record.ref.type === "comment_mention" && strong(record));
    if (!mention) throw new Error(`subject ${subject.id} is mentioned in no other person's comment`);
    expect(mention).toMatchObject({ relation: "mentions", mentionFields: ["comment.body"] });
    const query = { identifiers: subject.identifiers };
    expect(await presenceOf(ctx, mention.ref, query)).toMatchObject({ present: true, mentionsSubject: true });
    expect(await presenceOf(ctx, mention.ref)).toMatchObject({ present: true });

    const plan = { action: "redact" as const, scope: "personal-data" as const, identifiers: subject.identifiers };
    expect(await call("POST", "/__sandbox/redactions", { ignoreNext: 1 })).toBe(200);
    expect((await collect(eraseRecords(ctx, [mention.ref], plan))).map((receipt) => receipt.outcome)).toEqual(["redacted"]);
    // Zendesk answered 200 and changed nothing: only the read-back shows it.
    expect(await presenceOf(ctx, mention.ref, query)).toMatchObject({ present: true, mentionsSubject: true });

    // A new job (fresh checkpoint), as the runtime would run a second erasure.
    expect((await collect(eraseRecords(zendeskContext(sandbox), [mention.ref], plan))).map((receipt) => receipt.outcome)).toEqual(["redacted"]);
    expect(await presenceOf(ctx, mention.ref, query)).toMatchObject({ present: true, mentionsSubject: false, detail: "the comment is kept in its ticket" });
    // Asked as an erased record (no identifiers), the mention itself is gone.
    expect(await presenceOf(ctx, mention.ref)).toEqual({ ref: mention.ref, present: false });
  });

  it("arms the ignored-redaction fault only with a count of 0 to 100 (400 otherwise)", async () => {
    expect(await call("POST", "/__sandbox/redactions", { ignoreNext: -1 })).toBe(400);
    expect(await call("POST", "/__sandbox/redactions", { ignoreNext: "all" })).toBe(400);
    expect(await call("POST", "/__sandbox/redactions", {})).toBe(400);
  });

  it("rejects a ref of a type the connector does not have", async () => {
    const ctx = zendeskContext(sandbox);
    await expect(collect(readBackRecords(ctx, [{ type: "organisation", id: "1" }]))).rejects.toThrow(/no record type "organisation"/);
  });
});
