import { AuthError, RateLimitedError, recordKey, type LocatedRecord, type OraclePerson } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { startSalesforceSandbox } from "./sandbox/start-sandbox";
import { sandboxPerFile } from "../test/sandbox-per-file";
import { collect, rawSession, salesforceContext, soql } from "../test/salesforce-context";
import { check } from "./check";
import { confirmErasure } from "./erase/confirm-erasure";
import { eraseRecords } from "./erase/erase-records";
import { locate } from "./locate/locate";
import { defaultSearchIndexLagMs } from "./sandbox/sandbox-state";

const { sandbox, oracle } = sandboxPerFile();
const post = (path: string, body: unknown) => fetch(`${sandbox().url}/__sandbox/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function firstSubject(): Promise<OraclePerson> {
  const subject = (await oracle().people()).find((person) => person.role === "subject");
  if (!subject) throw new Error("no subject");
  return subject;
}

// What the engine erases: strong matches, never other people's records that only mention the subject.
const strongRefs = (records: LocatedRecord[]) =>
  records.filter((record) => record.matchedBy.some((match) => match.strength === "strong") && record.relation !== "mentions").map((record) => record.ref);

describe("the Salesforce client", () => {
  it("logs in with the JWT bearer flow as well", async () => {
    await expect(check(salesforceContext(sandbox(), { secrets: sandbox().jwtCredentials }))).resolves.toBeUndefined();
  });

  it("refuses a JWT signed with another key as AuthError", async () => {
    const other = await startSalesforceSandbox();
    try {
      await expect(check(salesforceContext(sandbox(), { secrets: other.jwtCredentials }))).rejects.toBeInstanceOf(AuthError);
    } finally {
      await other.stop();
    }
  });

  it("re-runs the OAuth flow when the session expires mid-operation and carries on", async () => {
    const ctx = salesforceContext(sandbox());
    await check(ctx);
    await oracle().moveClock({ advanceMs: 3 * 3_600_000 });
    const subject = await firstSubject();
    const located = await collect(locate(ctx, { identifiers: subject.identifiers }));
    expect(located.length).toBeGreaterThan(0);
    const { calls, unauthorised } = await oracle().stats();
    expect(calls["POST /services/oauth2/token"]).toBe(2);
    expect(unauthorised).toBe(1);
  });

  it("stops with RateLimitedError until the next day once only the reserve of the daily allocation is left", async () => {
    await post("api-allocation", { max: 1_000, spend: 985 });
    const now = new Date("2026-03-01T18:00:00.000Z");
    const ctx = salesforceContext(sandbox(), { settings: { apiReserve: 10 }, now: () => now });
    const subject = await firstSubject();
    const error = await collect(locate(ctx, { identifiers: subject.identifiers })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(6 * 3_600_000);
    // The reserve was kept: the org still has it for its other integrations.
    const used = Number(/api-usage=(\d+)/.exec((await (await rawSession(sandbox())).get("/services/data/v62.0/limits")).headers.get("sforce-limit-info") ?? "")?.[1]);
    expect(used).toBeLessThanOrEqual(1_000 - 10 + 1);
  });

  it("turns 403 REQUEST_LIMIT_EXCEEDED into RateLimitedError, not ScopeError", async () => {
    await post("api-allocation", { max: 3 });
    const ctx = salesforceContext(sandbox(), { settings: { apiReserve: 0 } });
    const subject = await firstSubject();
    await expect(collect(locate(ctx, { identifiers: subject.identifiers }))).rejects.toBeInstanceOf(RateLimitedError);
  });
});

describe("locate", () => {
  it("matches a phone typed as free text by E.164, and not the same digits under another country code", async () => {
    const people = await oracle().people();
    const subject = await firstSubject();
    const phone = subject.identifiers.find((identifier) => identifier.kind === "phone");
    if (!phone) throw new Error("no phone");
    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: [phone] }));
    const subjectRecords = new Set((await oracle().records(subject.id)).map((record) => recordKey(record.ref)));
    expect(located.some((record) => record.ref.type === "Contact" && subjectRecords.has(recordKey(record.ref)))).toBe(true);
    const ukTwin = people.find((person) => person.bystanderOf === subject.id && person.identifiers.some((identifier) => identifier.value === `+44${phone.value.slice(2)}`));
    if (!ukTwin) throw new Error("no UK twin");
    const twinRecords = new Set((await oracle().records(ukTwin.id)).map((record) => recordKey(record.ref)));
    expect(located.filter((record) => twinRecords.has(recordKey(record.ref)))).toEqual([]);
    // A household shares the number: nothing found by phone alone is strong.
    expect(strongRefs(located)).toEqual([]);
  });

  it("reports a mention of the subject's address in someone else's case as a mention, with the field that holds it", async () => {
    const people = await oracle().people();
    const subject = await firstSubject();
    const bystander = people.find((person) => person.bystanderOf === subject.id);
    const address = subject.identifiers.find((identifier) => identifier.kind === "email")?.value;
    const bystanderCase = (await oracle().records(bystander?.id ?? "")).find((record) => record.ref.type === "Case");
    if (!address || !bystanderCase) throw new Error("no bystander case");
    const session = await rawSession(sandbox());
    const patched = await session.get(`/services/data/v62.0/sobjects/Case/${bystanderCase.ref.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ Description: `Caller said her sister (${address}) should be copied.` }) });
    expect(patched.status).toBe(204);
    // Mentions are found through SOSL, which sees the change once the search index caught up.
    await oracle().moveClock({ advanceMs: defaultSearchIndexLagMs });
    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: subject.identifiers }));
    const mention = located.find((record) => record.ref.id === bystanderCase.ref.id);
    expect(mention).toMatchObject({ relation: "mentions", mentionFields: ["Description"], discovered: [] });
    expect(mention?.matchedBy).toEqual([expect.objectContaining({ strength: "strong", field: "Case.Description", reason: expect.stringContaining("another person's record") })]);
  });

  it("reports the identifiers it discovered on the records it found", async () => {
    const subject = await firstSubject();
    const emailOnly = subject.identifiers.filter((identifier) => identifier.kind === "email");
    const located = await collect(locate(salesforceContext(sandbox()), { identifiers: emailOnly }));
    const phone = subject.identifiers.find((identifier) => identifier.kind === "phone");
    expect(located.flatMap((record) => record.discovered)).toContainEqual(phone);
  });
});

describe("erase", () => {
  it("leaves nothing of the subject to queryAll on any object, and every bystander untouched", async () => {
    const people = await oracle().people();
    const subject = await firstSubject();
    const before = new Map(await Promise.all(people.map(async (person) => [person.id, JSON.stringify(await oracle().records(person.id))] as const)));
    const ctx = salesforceContext(sandbox());
    const refs = strongRefs(await collect(locate(ctx, { identifiers: subject.identifiers })));
    const receipts = await collect(eraseRecords(ctx, refs, { action: "erase" }));
    expect(new Set(receipts.map((receipt) => receipt.outcome))).toEqual(new Set(["erased"]));
    const session = await rawSession(sandbox());
    const types = [...new Set(refs.map((ref) => ref.type))];
    expect(types.length).toBeGreaterThanOrEqual(8);
    for (const type of types) {
      const ids = refs.filter((ref) => ref.type === type).map((ref) => `'${ref.id}'`);
      const body = (await (await session.get(soql("queryAll", `SELECT Id FROM ${type} WHERE Id IN (${ids.join(", ")})`))).json()) as { totalSize: number };
      expect(body.totalSize, type).toBe(0);
    }
    expect(await oracle().records(subject.id)).toEqual([]);
    for (const person of people.filter((other) => other.id !== subject.id)) {
      expect(JSON.stringify(await oracle().records(person.id)), person.id).toBe(before.get(person.id));
    }
  });

  it("without the Bulk API Hard Delete permission leaves records pending in the Recycle Bin, confirmed once the bin is purged", async () => {
    await post("bulk", { hardDeletePermission: false });
    const subject = await firstSubject();
    const ctx = salesforceContext(sandbox());
    const refs = strongRefs(await collect(locate(ctx, { identifiers: subject.identifiers }))).slice(0, 5);
    const receipts = await collect(eraseRecords(ctx, refs, { action: "erase" }));
    expect(receipts.every((receipt) => receipt.outcome === "pending" && receipt.pending?.jobId)).toBe(true);
    expect((await oracle().records(subject.id)).filter((record) => refs.some((ref) => ref.id === record.ref.id)).every((record) => record.store === "recycle-bin")).toBe(true);
    await oracle().moveClock({ advanceMs: 15 * 86_400_000 });
    const confirmed = await collect(confirmErasure(salesforceContext(sandbox()), receipts));
    expect(confirmed.map((receipt) => receipt.outcome)).toEqual(refs.map(() => "erased"));
  });

  it("anonymises the records an anonymise plan keeps", async () => {
    const subject = await firstSubject();
    const ctx = salesforceContext(sandbox());
    const refs = strongRefs(await collect(locate(ctx, { identifiers: subject.identifiers }))).filter((ref) => ref.type === "Contact" || ref.type === "Case");
    const receipts = await collect(eraseRecords(ctx, refs, { action: "anonymise" }));
    expect(receipts.map((receipt) => receipt.outcome)).toEqual(refs.map(() => "anonymised"));
    const remaining = (await oracle().records(subject.id)).filter((record) => refs.some((ref) => ref.id === record.ref.id));
    expect(remaining.every((record) => record.anonymised)).toBe(true);
  });
});
