import { holdListSchema, holdResponseSchema } from "@lethe/contracts";
import { identifierHash } from "@lethe/core";
import { createSecretBox } from "@lethe/db";
import { identifierHashKey, releaseHoldsTaskName } from "@lethe/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fieldPaths, jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

function send(method: string, path: string, auth: { cookie: string } | string | undefined, body?: unknown): Promise<Response> {
  return fetch(`${api.url}/api/v1${path}`, { method, headers: jsonHeaders(auth), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

const base = { title: "Dispute 7", basis: "Art. 17(3)(e) GDPR: defence of legal claims", owner: "Legal" };

describe("legal holds over the API", () => {
  it("places a person hold storing only keyed hashes of the normalised identifiers, never echoing them", async () => {
    const response = await send("POST", "/holds", api.credentials.compliance, {
      ...base,
      selector: { scope: "person", identifiers: [{ kind: "email", value: " Ada.Held@Example.COM " }, { kind: "phone", value: "+44 20 7946 0958" }] },
    });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text.toLowerCase()).not.toContain("ada.held");
    expect(text).not.toContain("7946");
    const { hold } = holdResponseSchema.parse(JSON.parse(text));
    expect(hold).toMatchObject({ scope: "person", selector: { identifierCount: 2 }, endedAt: null, retainedRecords: 0, releasedRecords: 0 });
    expect(response.headers.get("location")).toBe(`/api/v1/holds/${hold.id}`);

    const [stored] = await api.database.sql<Array<{ selector: { identifierHashes: string[] } }>>`
      select selector from legal_holds where id = ${hold.id}`;
    const key = identifierHashKey({ secretBox: createSecretBox(Buffer.alloc(32, 7)) });
    expect(stored!.selector.identifierHashes.sort()).toEqual(
      [identifierHash(key, "email", "ada.held@example.com"), identifierHash(key, "phone", "+442079460958")].sort(),
    );
    const dump = JSON.stringify(await api.database.sql`select * from legal_holds`);
    expect(dump.toLowerCase()).not.toContain("ada.held");
    const audit = JSON.stringify(await api.database.sql`select payload from audit_log where action = 'hold.created'`);
    expect(audit).toContain(hold.id);
    expect(audit.toLowerCase()).not.toContain("ada.held");
  });

  it("places record, case and rule holds, lists them newest first and reads one", async () => {
    const instanceId = "11111111-1111-4111-8111-111111111111";
    const record = await send("POST", "/holds", api.credentials.admin, {
      ...base,
      title: "One call",
      selector: { scope: "record", instanceId, recordType: "call", recordId: "c-9" },
    });
    expect(record.status).toBe(201);
    const rule = await send("POST", "/holds", api.credentials.compliance, {
      title: "MiFID call recordings",
      basis: "MiFID II Art. 16(7)",
      owner: "Compliance",
      selector: { scope: "rule", recordType: "call", tag: "transaction", retainYears: 5 },
      reviewAt: "2027-01-01T00:00:00Z",
    });
    expect(rule.status).toBe(201);
    const ruleHold = (await readBody(rule, holdResponseSchema)).hold;
    expect(ruleHold.selector).toEqual({ recordType: "call", tag: "transaction", retainYears: 5, from: "occurredAt" });
    expect(ruleHold.reviewAt).toBe("2027-01-01T00:00:00.000Z");
    expect((await send("POST", "/holds", api.credentials.compliance, { ...base, selector: { scope: "case", caseId: "DISPUTE-7" } })).status).toBe(201);

    const list = await readBody(await send("GET", "/holds", api.credentials.viewer), holdListSchema);
    expect(list.holds.map((hold) => hold.scope).slice(0, 3)).toEqual(["case", "rule", "record"]);
    const one = await readBody(await send("GET", `/holds/${ruleHold.id}`, api.credentials.viewer), holdResponseSchema);
    expect(one.hold).toEqual(ruleHold);
  });

  it("ends a hold with who and why, asks the worker for a release run, and refuses to end it twice", async () => {
    const created = await readBody(
      await send("POST", "/holds", api.credentials.compliance, { ...base, selector: { scope: "case", caseId: "C-1" } }),
      holdResponseSchema,
    );
    const ended = await send("POST", `/holds/${created.hold.id}/end`, api.credentials.compliance, { reason: "case settled" });
    expect(ended.status).toBe(200);
    const { hold } = await readBody(ended, holdResponseSchema);
    expect(hold).toMatchObject({ endReason: "case settled", endedBy: expect.any(String), endedAt: expect.any(String) });
    const jobs = await api.database.sql`select 1 from graphile_worker.jobs where task_identifier = ${releaseHoldsTaskName}`;
    expect(jobs.length).toBe(1);

    const again = await send("POST", `/holds/${created.hold.id}/end`, api.credentials.compliance, { reason: "twice" });
    expect(again.status).toBe(409);
    const reread = await readBody(await send("GET", `/holds/${created.hold.id}`, api.credentials.viewer), holdResponseSchema);
    expect(reread.hold.endReason).toBe("case settled");
  });

  it("answers 404 for an unknown hold and 400 naming each bad field, writing nothing", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await send("GET", `/holds/${unknown}`, api.credentials.viewer)).status).toBe(404);
    const endUnknown = await send("POST", `/holds/${unknown}/end`, api.credentials.admin, { reason: "x" });
    expect(endUnknown.status).toBe(404);
    expect((await readError(endUnknown)).code).toBe("not_found");
    const before = (await api.database.sql`select count(*)::int as n from legal_holds`)[0]!.n as number;

    const missing = await readError(
      await send("POST", "/holds", api.credentials.admin, { title: "", owner: "x", selector: { scope: "rule", retainYears: 0 } }),
    );
    expect(missing.code).toBe("validation_failed");
    expect(fieldPaths(missing.details).sort()).toEqual(["body.basis", "body.selector.retainYears", "body.title"]);
    const badScope = await readError(await send("POST", "/holds", api.credentials.admin, { ...base, selector: { scope: "everyone" } }));
    expect(fieldPaths(badScope.details)).toEqual(["body.selector.scope"]);
    const badPhone = await send("POST", "/holds", api.credentials.admin, {
      ...base,
      selector: { scope: "person", identifiers: [{ kind: "email", value: "ok@example.com" }, { kind: "phone", value: "not a phone" }] },
    });
    expect(badPhone.status).toBe(400);
    expect(fieldPaths((await readError(badPhone)).details)).toEqual(["body.selector.identifiers.1.value"]);
    const past = await readError(
      await send("POST", "/holds", api.credentials.admin, { ...base, selector: { scope: "case", caseId: "C" }, expiresAt: "2020-01-01T00:00:00Z" }),
    );
    expect(fieldPaths(past.details)).toEqual(["body.expiresAt"]);
    const noReason = await readError(await send("POST", `/holds/${unknown}/end`, api.credentials.admin, {}));
    expect(fieldPaths(noReason.details)).toEqual(["body.reason"]);
    expect((await api.database.sql`select count(*)::int as n from legal_holds`)[0]!.n).toBe(before);
  });

  it("lets a viewer read holds but neither place nor end one", async () => {
    expect((await send("GET", "/holds", api.credentials.viewerToken)).status).toBe(200);
    expect((await send("POST", "/holds", api.credentials.viewer, { ...base, selector: { scope: "case", caseId: "V" } })).status).toBe(403);
  });
});
