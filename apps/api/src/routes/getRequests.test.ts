import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createdRequestSchema, requestDetailSchema, requestListSchema } from "@lethe/contracts";
import { createSecretBox } from "@lethe/db";
import { minimiseClosedRequests } from "@lethe/runtime";
import { fieldPaths, jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

async function file(body: unknown) {
  return fetch(`${api.url}/api/v1/requests`, {
    method: "POST",
    headers: jsonHeaders(api.credentials.compliance),
    body: JSON.stringify(body),
  });
}

describe("requests over HTTP", () => {
  it("files a request, then lists it with filters and pages, and shows its detail", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await file({
        type: index === 0 ? "access" : "erasure",
        regime: "gdpr",
        identifiers: [{ kind: "email", value: `Person.${index}@Example.com` }],
        receivedAt: new Date(Date.UTC(2025, 0, 10 + index)).toISOString(),
      });
      expect(response.status).toBe(201);
      const body = await readBody(response, createdRequestSchema);
      // Art. 12(6): an access request waits for identity verification; an erasure does not by default.
      expect(body.request.status).toBe(index === 0 ? "verifying" : "received");
      ids.push(body.request.id);
    }
    const headers = jsonHeaders(api.credentials.viewer);
    const erasures = await readBody(await fetch(`${api.url}/api/v1/requests?type=erasure`, { headers }), requestListSchema);
    expect(erasures.requests.map((r) => r.id)).toEqual([ids[2], ids[1]]);

    const first = await readBody(await fetch(`${api.url}/api/v1/requests?limit=2`, { headers }), requestListSchema);
    expect(first.requests).toHaveLength(2);
    const second = await readBody(await fetch(`${api.url}/api/v1/requests?limit=2&cursor=${first.nextCursor ?? ""}`, { headers }), requestListSchema);
    expect(second.requests.map((r) => r.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    const open = await readBody(await fetch(`${api.url}/api/v1/requests?state=open&q=person.`, { headers }), requestListSchema);
    expect(open.requests.map((r) => r.id)).toEqual([ids[2], ids[1], ids[0]]);
    const closed = await readBody(await fetch(`${api.url}/api/v1/requests?state=closed&q=person.`, { headers }), requestListSchema);
    expect(closed.requests).toEqual([]);

    const byText = await readBody(await fetch(`${api.url}/api/v1/requests?q=person.1%40`, { headers }), requestListSchema);
    expect(byText.requests.map((r) => r.id)).toEqual([ids[1]]);

    const detail = await readBody(await fetch(`${api.url}/api/v1/requests/${ids[0]}`, { headers }), requestDetailSchema);
    expect(detail.identifiers).toEqual([expect.objectContaining({ kind: "email", value: "person.0@example.com" })]);
    expect(detail.history).toEqual([
      expect.objectContaining({ from: null, to: "received" }),
      expect.objectContaining({ from: "received", to: "verifying" }),
    ]);
  });

  it("lists by due date either way with pages that continue the same order, and shows each subject masked", async () => {
    const tag = `sorted${Date.now()}`;
    const ids: string[] = [];
    // Received in one order, due (GDPR one month vs CCPA 45 days) in another.
    for (const [index, regime] of (["gdpr", "ccpa", "gdpr"] as const).entries()) {
      const response = await file({
        type: "erasure",
        regime,
        identifiers: [{ kind: "email", value: `${tag}.${index}@example.com` }],
        receivedAt: new Date(Date.UTC(2025, 2, 1 + index * 10)).toISOString(),
      });
      ids.push((await readBody(response, createdRequestSchema)).request.id);
    }
    const headers = jsonHeaders(api.credentials.viewer);
    const list = async (query: string) => readBody(await fetch(`${api.url}/api/v1/requests?q=${tag}&${query}`, { headers }), requestListSchema);
    const dueAsc = await list("sort=due-asc");
    const dues = dueAsc.requests.map((r) => r.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect((await list("sort=due-desc")).requests.map((r) => r.id)).toEqual(dueAsc.requests.map((r) => r.id).reverse());
    expect((await list("sort=received-asc")).requests.map((r) => r.id)).toEqual(ids);

    const first = await list("sort=due-asc&limit=2");
    const second = await list(`sort=due-asc&limit=2&cursor=${first.nextCursor ?? ""}`);
    expect([...first.requests, ...second.requests].map((r) => r.id)).toEqual(dueAsc.requests.map((r) => r.id));
    expect(second.nextCursor).toBeNull();

    // A cursor continues only the order it was handed out for; an unknown order is refused.
    const crossed = await fetch(`${api.url}/api/v1/requests?q=${tag}&sort=received-desc&cursor=${first.nextCursor ?? ""}`, { headers });
    expect(crossed.status).toBe(400);
    expect(fieldPaths((await readError(crossed)).details)).toContain("query.cursor");
    const unknown = await fetch(`${api.url}/api/v1/requests?sort=sideways`, { headers });
    expect(unknown.status).toBe(400);
    expect(fieldPaths((await readError(unknown)).details)).toContain("query.sort");

    // Who each request is about, masked: never the whole address in a list.
    expect(dueAsc.requests.map((r) => r.subject)).toEqual(expect.arrayContaining([`${tag.slice(0, 2)}•••@example.com`]));
    expect(JSON.stringify(dueAsc.requests)).not.toContain(`${tag}.0@example.com`);
  });

  it("extends a GDPR deadline by two months with a reason and refuses a third", async () => {
    const filed = await readBody(await file({ type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "ext@example.com" }] }), createdRequestSchema);
    const url = `${api.url}/api/v1/requests/${filed.request.id}/extend-deadline`;
    const headers = jsonHeaders(api.credentials.compliance);
    const ok = await fetch(url, { method: "POST", headers, body: JSON.stringify({ additional: { unit: "month", amount: 2 }, reason: "complex", notice: { channel: "email", text: "We need two more months." } }) });
    expect(ok.status).toBe(200);
    const detail = await readBody(ok, requestDetailSchema);
    expect(detail.request.extension).toEqual({ unit: "month", amount: 2 });
    expect(new Date(detail.request.dueAt).getTime()).toBeGreaterThan(new Date(filed.request.dueAt).getTime());
    const beyond = await fetch(url, { method: "POST", headers, body: JSON.stringify({ additional: { unit: "month", amount: 1 }, reason: "more", notice: { channel: "email", text: "And one more." } }) });
    expect(beyond.status).toBe(422);
    expect((await readError(beyond)).code).toBe("invalid_extension");
  });

  it("cancels an open request with a reason, and refuses to cancel it twice", async () => {
    const filed = await readBody(await file({ type: "access", regime: "ccpa", identifiers: [{ kind: "email", value: "c@example.com" }] }), createdRequestSchema);
    const url = `${api.url}/api/v1/requests/${filed.request.id}/cancel`;
    const headers = jsonHeaders(api.credentials.compliance);
    const first = await fetch(url, { method: "POST", headers, body: JSON.stringify({ reason: "withdrawn" }) });
    expect(first.status).toBe(200);
    expect((await readBody(first, requestDetailSchema)).request.status).toBe("cancelled");
    const again = await fetch(url, { method: "POST", headers, body: JSON.stringify({ reason: "withdrawn" }) });
    expect(again.status).toBe(409);
    // Cancelled is terminal: the inbox's closed view lists it, the open view does not.
    const listIds = async (state: string) =>
      (await readBody(await fetch(`${api.url}/api/v1/requests?state=${state}&limit=200`, { headers }), requestListSchema)).requests.map((r) => r.id);
    expect(await listIds("closed")).toContain(filed.request.id);
    expect(await listIds("open")).not.toContain(filed.request.id);

    // Once minimised its identifiers are keyed hashes: the list names no subject for it.
    const listed = async () =>
      (await readBody(await fetch(`${api.url}/api/v1/requests?state=closed&limit=200`, { headers }), requestListSchema)).requests.find((r) => r.id === filed.request.id);
    expect((await listed())?.subject).toBe("•••@example.com");
    await minimiseClosedRequests({ database: api.database, secretBox: createSecretBox(Buffer.alloc(32, 7)) }, { retentionDays: 0, now: new Date(Date.now() + 60_000) });
    expect(await listed()).toMatchObject({ subject: null, minimisedAt: expect.any(String) });
  });

  it("names the identifier it cannot read", async () => {
    const response = await file({ type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "a@example.com" }, { kind: "phone", value: "not a phone" }] });
    expect(response.status).toBe(400);
    const error = await readError(response);
    expect(error.code).toBe("invalid_identifier");
    expect(fieldPaths(error.details)).toEqual(["body.identifiers.1.value"]);
  });
});
