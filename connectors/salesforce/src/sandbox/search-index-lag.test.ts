import { describe, expect, it } from "vitest";
import { sandboxPerFile } from "../../test/sandbox-per-file";
import { rawSession, soql } from "../../test/salesforce-context";
import { defaultSearchIndexLagMs } from "./sandbox-state";

/* POST /sobjects/{type} and the SOSL index's lag behind writes (vendor-apis.md §1.9 trap 7, §5.4). */

const { sandbox, oracle } = sandboxPerFile();
const knob = (body: unknown) => fetch(`${sandbox().url}/__sandbox/search`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function createLead(session: Awaited<ReturnType<typeof rawSession>>, fields: Record<string, unknown>): Promise<Response> {
  return session.get("/services/data/v62.0/sobjects/Lead", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fields) });
}

const searchIds = async (session: Awaited<ReturnType<typeof rawSession>>, term: string) =>
  ((await (await session.get(`/services/data/v62.0/search?q=${encodeURIComponent(`FIND {${term}} IN ALL FIELDS RETURNING Lead(Id)`)}`)).json()) as { searchRecords: { Id: string }[] }).searchRecords.map((record) => record.Id);

describe("creating a record", () => {
  it("answers 201 {id, success, errors} with an 18-character id, and the record is in SOQL at once", async () => {
    const session = await rawSession(sandbox());
    const response = await createLead(session, { LastName: "Quill", Company: "Quill & Co" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; success: boolean; errors: unknown[] };
    expect(body).toEqual({ id: expect.stringMatching(/^00Q[a-zA-Z0-9]{15}$/), success: true, errors: [] });
    const query = (await (await session.get(soql("query", `SELECT Id, Name, CreatedDate FROM Lead WHERE Id = '${body.id}'`))).json()) as { totalSize: number; records: { Name: string; CreatedDate: string }[] };
    expect(query.totalSize).toBe(1);
    expect(query.records[0]?.Name).toBe("Quill");
    expect(query.records[0]?.CreatedDate).toMatch(/\+0000$/);
  });

  it("refuses a missing required field, an unknown field and a read-only one with Salesforce's error array", async () => {
    const session = await rawSession(sandbox());
    const missing = await createLead(session, { LastName: "Quill" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual([{ message: "Required fields are missing: [Company]", errorCode: "REQUIRED_FIELD_MISSING", fields: ["Company"] }]);
    const unknown = await createLead(session, { LastName: "Quill", Company: "Q", Shoe: "9" });
    expect(((await unknown.json()) as { errorCode: string }[])[0]?.errorCode).toBe("INVALID_FIELD");
    const readOnly = await createLead(session, { LastName: "Quill", Company: "Q", IsConverted: true });
    expect(((await readOnly.json()) as { errorCode: string }[])[0]?.errorCode).toBe("INVALID_FIELD_FOR_INSERT_UPDATE");
  });
});

describe("the search index's lag", () => {
  it("hides a new record from SOSL for the lag (five minutes by default), then finds it", async () => {
    const session = await rawSession(sandbox());
    const { id } = (await (await createLead(session, { LastName: "Zebediah", Company: "Lagging Ltd" })).json()) as { id: string };
    expect(await searchIds(session, "Zebediah")).toEqual([]);
    await oracle().moveClock({ advanceMs: defaultSearchIndexLagMs - 1_000 });
    expect(await searchIds(session, "Zebediah")).toEqual([]);
    await oracle().moveClock({ advanceMs: 1_000 });
    expect(await searchIds(session, "Zebediah")).toEqual([id]);
  });

  it("hides a changed record until the index has caught up with the change", async () => {
    const session = await rawSession(sandbox());
    const { id } = (await (await createLead(session, { LastName: "Zebediah", Company: "Lagging Ltd" })).json()) as { id: string };
    await oracle().moveClock({ advanceMs: defaultSearchIndexLagMs });
    const patched = await session.get(`/services/data/v62.0/sobjects/Lead/${id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ Company: "Caught Up plc" }) });
    expect(patched.status).toBe(204);
    expect(await searchIds(session, "Caught")).toEqual([]);
    await oracle().moveClock({ advanceMs: defaultSearchIndexLagMs });
    expect(await searchIds(session, "Caught")).toEqual([id]);
  });

  it("is a knob: POST /__sandbox/search {indexLagMs} sets it, reset restores the default, bad bodies get the oracle's 400", async () => {
    const session = await rawSession(sandbox());
    expect(await (await knob({ indexLagMs: 0 })).json()).toEqual({ indexLagMs: 0 });
    const { id } = (await (await createLead(session, { LastName: "Zebediah", Company: "Instant Ltd" })).json()) as { id: string };
    expect(await searchIds(session, "Zebediah")).toEqual([id]);
    const bad = await knob({ indexLagMs: -1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    await oracle().reset();
    await createLead(session, { LastName: "Yolanda", Company: "Default Ltd" });
    expect(await searchIds(session, "Yolanda")).toEqual([]);
  });
});
