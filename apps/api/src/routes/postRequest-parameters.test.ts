import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createdRequestSchema, requestListSchema } from "@lethe/contracts";
import { getRequest } from "@lethe/db";
import { fieldPaths, jsonHeaders, readBody, readError, startApiHarness, type ApiHarness } from "../../test/api-harness";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness();
});
afterAll(async () => {
  await api.close();
});

const file = (body: unknown) =>
  fetch(`${api.url}/api/v1/requests`, { method: "POST", headers: jsonHeaders(api.credentials.compliance), body: JSON.stringify(body) });
const base = { regime: "gdpr", identifiers: [{ kind: "email", value: "subject@example.com" }] };

describe("POST /requests for rectification and restriction", () => {
  it("stores a rectification's changes normalised, and a restriction's lift", async () => {
    const rectification = await file({
      ...base,
      type: "rectification",
      defaultRegion: "GB",
      changes: [
        { field: "email", value: "New.Address@Example.com" },
        { field: "phone", value: "020 7946 0123" },
        { field: "name", value: "Ada King" },
      ],
    });
    expect(rectification.status).toBe(201);
    const { request } = await readBody(rectification, createdRequestSchema);
    expect((await getRequest(api.database.db, request.id))?.parameters).toEqual({
      changes: [
        { field: "email", value: "new.address@example.com" },
        { field: "phone", value: "+442079460123" },
        { field: "name", value: "Ada King" },
      ],
    });
    const restriction = await readBody(await file({ ...base, type: "restriction", lift: true }), createdRequestSchema);
    expect((await getRequest(api.database.db, restriction.request.id))?.parameters).toEqual({ lift: true });
  });

  it("answers 400 naming the field paths for bad input, and stores nothing", async () => {
    const count = async () =>
      (await readBody(await fetch(`${api.url}/api/v1/requests?limit=100`, { headers: jsonHeaders(api.credentials.viewer) }), requestListSchema)).requests.length;
    const before = await count();
    const unknownField = await file({ ...base, type: "rectification", changes: [{ field: "customerId", value: "X" }] });
    expect(unknownField.status).toBe(400);
    expect(fieldPaths((await readError(unknownField)).details)).toContain("body.changes.0.field");

    const badValue = await file({ ...base, type: "rectification", changes: [{ field: "name", value: "A" }, { field: "phone", value: "12" }] });
    expect(badValue.status).toBe(400);
    const error = await readError(badValue);
    expect(fieldPaths(error.details)).toEqual(["body.changes.1.value"]);
    expect(error.message).not.toContain('"12"');

    const missing = await file({ ...base, type: "rectification" });
    expect(fieldPaths((await readError(missing)).details)).toEqual(["body.changes"]);
    const misplaced = await file({ ...base, type: "erasure", lift: true });
    expect(misplaced.status).toBe(400);
    expect(fieldPaths((await readError(misplaced)).details)).toEqual(["body.lift"]);
    expect(await count()).toBe(before);
  });
});
