import { createOracleClient } from "@lethe/connector-testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { api, rawSession, soql } from "../../test/salesforce-context";
import { startSalesforceSandbox } from "./start-sandbox";

/* The raw wire of vendor-apis.md §1, checked byte-level: casing, +0000, error arrays, statuses. */

let sandbox: Awaited<ReturnType<typeof startSalesforceSandbox>>;
let session: Awaited<ReturnType<typeof rawSession>>;
const oracle = () => createOracleClient(sandbox.url);

beforeAll(async () => {
  sandbox = await startSalesforceSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(async () => {
  await oracle().reset();
  session = await rawSession(sandbox);
});

async function firstContact(): Promise<{ Id: string; Email: string }> {
  const body = (await (await session.get(soql("query", "SELECT Id, Email FROM Contact ORDER BY Email LIMIT 1"))).json()) as { records: { Id: string; Email: string }[] };
  const contact = body.records[0];
  if (!contact) throw new Error("the world has no Contact");
  return contact;
}

describe("token endpoint", () => {
  it("answers a client-credentials grant with the documented fields and no refresh token", async () => {
    const credentials = sandbox.credentials as { clientId: string; clientSecret: string };
    const response = await fetch(`${sandbox.url}/services/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret }) });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["access_token", "id", "instance_url", "issued_at", "signature", "token_format", "token_type"]);
    expect(body.token_type).toBe("Bearer");
    expect(body.instance_url).toBe(sandbox.url);
    expect(body.issued_at).toMatch(/^\d{13}$/);
  });

  it("refuses a wrong secret, an unknown client and an unknown grant with OAuth's error object, not the REST array", async () => {
    const credentials = sandbox.credentials as { clientId: string };
    const post = (form: Record<string, string>) => fetch(`${sandbox.url}/services/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) });
    const wrongSecret = await post({ grant_type: "client_credentials", client_id: credentials.clientId, client_secret: "nope" });
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toEqual({ error: "invalid_client", error_description: "invalid client credentials" });
    expect(await (await post({ grant_type: "client_credentials", client_id: "3MVGnobody", client_secret: "x" })).json()).toEqual({ error: "invalid_client_id", error_description: "client identifier invalid" });
    expect(await (await post({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: "a.b.c" })).json()).toEqual({ error: "invalid_grant", error_description: "invalid assertion" });
    expect(await (await post({ grant_type: "password" })).json()).toEqual({ error: "unsupported_grant_type", error_description: "grant type not supported" });
  });
});

describe("REST envelopes", () => {
  it("serves records with attributes first, API field casing and +0000 timestamps, and Sforce-Limit-Info on every response", async () => {
    const response = await session.get(soql("query", "select id, email, createddate from contact where email != null limit 1"));
    expect(response.headers.get("sforce-limit-info")).toMatch(/^api-usage=\d+\/100000$/);
    const body = (await response.json()) as { totalSize: number; done: boolean; records: Record<string, unknown>[] };
    expect(Object.keys(body)).toEqual(["totalSize", "done", "records"]);
    const [record] = body.records;
    expect(Object.keys(record ?? {})).toEqual(["attributes", "Id", "Email", "CreatedDate"]);
    expect(record?.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(record?.Id).toMatch(/^003[a-zA-Z0-9]{15}$/);
  });

  it("pages 2,000 records at most, fewer with long text, with nextRecordsUrl only while done is false, under /query/ for queryAll too", async () => {
    const first = (await (await session.get(soql("queryAll", "SELECT Id, Description FROM Task"))).json()) as { totalSize: number; done: boolean; nextRecordsUrl?: string; records: unknown[] };
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(200);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[A-Za-z0-9]+-200$/);
    let seen = first.records.length;
    let next = first.nextRecordsUrl;
    while (next) {
      const page = (await (await session.get(next)).json()) as { done: boolean; nextRecordsUrl?: string; records: unknown[] };
      seen += page.records.length;
      next = page.nextRecordsUrl;
      if (page.done) expect(page).not.toHaveProperty("nextRecordsUrl");
    }
    expect(seen).toBe(first.totalSize);
    const short = (await (await session.get(soql("query", "SELECT Id FROM Task"), { headers: { "Sforce-Query-Options": "batchSize=250" } })).json()) as { records: unknown[] };
    expect(short.records).toHaveLength(250);
  });

  it("answers malformed SOQL, unknown fields, an expired session and unknown records with Salesforce's error arrays and statuses", async () => {
    const malformed = await session.get(soql("query", "SELECT Id FROM Contact WHERE Email = 'unterminated"));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual([{ message: expect.any(String), errorCode: "MALFORMED_QUERY" }]);
    const field = await session.get(soql("query", "SELECT Nope FROM Contact"));
    expect(((await field.json()) as { errorCode: string }[])[0]?.errorCode).toBe("INVALID_FIELD");
    const mixed = await session.get(soql("query", "SELECT Id FROM Contact WHERE Email = 'a' OR Email = 'b' AND Phone = 'c'"));
    expect(mixed.status).toBe(400);
    const unauthorised = await fetch(`${sandbox.url}${api}/limits`, { headers: { authorization: "Bearer expired" } });
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toEqual([{ message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID" }]);
    const missing = await session.get(`${api}/sobjects/Contact/003000000000000AAA`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errorCode: string }[])[0]?.errorCode).toBe("NOT_FOUND");
  });

  it("PATCHes with 204 and no body, DELETEs into the Recycle Bin that only queryAll sees, and answers a second DELETE with ENTITY_IS_DELETED", async () => {
    const contact = await firstContact();
    const patch = await session.get(`${api}/sobjects/Contact/${contact.Id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ MailingCity: null }) });
    expect(patch.status).toBe(204);
    expect(await patch.text()).toBe("");
    // A 15-character id is accepted and answered in its 18-character form.
    const fetched = (await (await session.get(`${api}/sobjects/Contact/${contact.Id.slice(0, 15)}`)).json()) as Record<string, unknown>;
    expect(fetched).toMatchObject({ Id: contact.Id, MailingCity: null });
    const caseIds = await casesOf(contact.Id);
    for (const id of caseIds) expect((await session.get(`${api}/sobjects/Case/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await session.get(`${api}/sobjects/Contact/${contact.Id}`, { method: "DELETE" })).status).toBe(204);
    const again = await session.get(`${api}/sobjects/Contact/${contact.Id}`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual([{ errorCode: "ENTITY_IS_DELETED", message: "entity is deleted", fields: [] }]);
    const where = `SELECT Id, IsDeleted FROM Contact WHERE Id = '${contact.Id}'`;
    expect(((await (await session.get(soql("query", where))).json()) as { totalSize: number }).totalSize).toBe(0);
    expect(((await (await session.get(soql("queryAll", where))).json()) as { records: unknown[] }).records).toEqual([expect.objectContaining({ Id: contact.Id, IsDeleted: true })]);
    // Fifteen days later the bin has purged it.
    await oracle().moveClock({ advanceMs: 15 * 86_400_000 });
    // Sessions last two hours on the same clock.
    expect((await session.get(`${api}/limits`)).status).toBe(401);
    session = await rawSession(sandbox);
    expect(((await (await session.get(soql("queryAll", where))).json()) as { totalSize: number }).totalSize).toBe(0);
  });

  it("refuses to delete a Contact that still has Cases", async () => {
    const contact = await firstContact();
    if ((await casesOf(contact.Id)).length === 0) return;
    const refused = await session.get(`${api}/sobjects/Contact/${contact.Id}`, { method: "DELETE" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errorCode: string }[])[0]?.errorCode).toBe("DELETE_FAILED");
  });

  it("answers composite delete with 200, results in input order, statusCode per item and no id for a malformed one", async () => {
    const tasks = (await (await session.get(soql("query", "SELECT Id FROM Task LIMIT 2"))).json()) as { records: { Id: string }[] };
    const ids = tasks.records.map((record) => record.Id);
    const response = await session.get(`${api}/composite/sobjects?ids=${[...ids, "bogus"].join(",")}&allOrNone=false`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { id: ids[0], success: true, errors: [] },
      { id: ids[1], success: true, errors: [] },
      { success: false, errors: [{ statusCode: "MALFORMED_ID", message: "malformed id bogus", fields: [] }] },
    ]);
  });

  it("runs a Bulk API 2.0 hardDelete job through Open, UploadComplete and JobComplete, with result CSVs, and the rows leave queryAll", async () => {
    const tasks = (await (await session.get(soql("query", "SELECT Id FROM Task LIMIT 3"))).json()) as { records: { Id: string }[] };
    const ids = tasks.records.map((record) => record.Id);
    await oracle().moveClock({ advanceMs: 0 });
    const created = (await (await session.get(`${api}/jobs/ingest`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ object: "Task", operation: "hardDelete", contentType: "CSV", lineEnding: "LF" }) })).json()) as Record<string, unknown>;
    expect(created).toMatchObject({ object: "Task", operation: "hardDelete", state: "Open", apiVersion: 62, contentUrl: `services/data/v62.0/jobs/ingest/${String(created.id)}/batches` });
    expect(created.createdDate).toMatch(/\+0000$/);
    const upload = await session.get(`${api}/jobs/ingest/${String(created.id)}/batches`, { method: "PUT", headers: { "content-type": "text/csv" }, body: `Id\n${ids.join("\n")}\n003000000000000AAA\n` });
    expect(upload.status).toBe(201);
    const closed = (await (await session.get(`${api}/jobs/ingest/${String(created.id)}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ state: "UploadComplete" }) })).json()) as { state: string };
    expect(closed.state).toBe("UploadComplete");
    const done = (await (await session.get(`${api}/jobs/ingest/${String(created.id)}`)).json()) as Record<string, unknown>;
    expect(done).toMatchObject({ state: "JobComplete", numberRecordsProcessed: 4, numberRecordsFailed: 1 });
    const successes = await (await session.get(`${api}/jobs/ingest/${String(created.id)}/successfulResults/`)).text();
    expect(successes.split("\n")[0]).toBe('"sf__Id","sf__Created",Id');
    expect(successes.split("\n").filter((line) => line !== "")).toHaveLength(4);
    const failures = await (await session.get(`${api}/jobs/ingest/${String(created.id)}/failedResults/`)).text();
    expect(failures).toContain("INVALID_CROSS_REFERENCE_KEY");
    const all = (await (await session.get(soql("queryAll", `SELECT Id FROM Task WHERE Id IN ('${ids.join("','")}')`))).json()) as { totalSize: number };
    expect(all.totalSize).toBe(0);
    expect((await session.get(`${api}/jobs/ingest/${String(created.id)}`, { method: "DELETE" })).status).toBe(204);
  });

  it("ends the daily allocation with 403 REQUEST_LIMIT_EXCEEDED, not 429", async () => {
    await fetch(`${sandbox.url}/__sandbox/api-allocation`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ max: 5 }) });
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = await session.get(`${api}/limits`);
    expect(last?.status).toBe(403);
    expect(last?.headers.get("sforce-limit-info")).toBe("api-usage=5/5");
    expect(await last?.json()).toEqual([{ message: "TotalRequests Limit exceeded.", errorCode: "REQUEST_LIMIT_EXCEEDED" }]);
  });

  it("answers SOSL with a searchRecords object and refuses an unescaped reserved character", async () => {
    const found = await session.get(`${api}/search?q=${encodeURIComponent("FIND {o\\'brien@example.com} IN EMAIL FIELDS RETURNING Contact(Id, Email)")}`);
    expect(await found.json()).toEqual({ searchRecords: [expect.objectContaining({ attributes: expect.objectContaining({ type: "Contact" }), Email: "o'brien@example.com" })] });
    const refused = await session.get(`${api}/search?q=${encodeURIComponent("FIND {o'brien} RETURNING Contact(Id)")}`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errorCode: string }[])[0]?.errorCode).toBe("MALFORMED_SEARCH");
  });
});

async function casesOf(contactId: string): Promise<string[]> {
  const body = (await (await session.get(soql("query", `SELECT Id FROM Case WHERE ContactId = '${contactId}'`))).json()) as { records: { Id: string }[] };
  return body.records.map((record) => record.Id);
}
