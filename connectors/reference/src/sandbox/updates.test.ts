import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { errorBody, firstSubject, oracleOf, validationErrorBody, vendorOf, type Oracle, type Vendor } from "../../test/oracle";
import { callRecord, noteRecord, personRecord } from "../vendor/records";
import { sandbox } from "./index";

let running: RunningSandbox;
let oracle: Oracle;
let vendor: Vendor;

beforeAll(async () => {
  running = await sandbox.start({ seed: 5 });
  oracle = oracleOf(running);
  vendor = vendorOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

const patch = (path: string, body: unknown) =>
  vendor(path, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("updating a person (PATCH /api/people/:id)", () => {
  it("changes name, e-mail (stored lower-case) and phone, answers the person, and the oracle holds the new values", async () => {
    const subject = await firstSubject(oracle);
    const response = await patch(`/api/people/${subject.id}`, {
      name: "  Ada Byron ",
      email: "Ada.Byron@Analytical.example.com",
      phone: "+12015550199",
    });
    expect(response.status).toBe(200);
    const person = personRecord.parse(await response.json());
    expect(person).toMatchObject({ id: subject.id, name: "Ada Byron", email: "ada.byron@analytical.example.com", phone: "+12015550199" });
    expect(person.customerId).toBe(subject.customerId);
    const held = (await oracle.records(subject.id)).find((record) => record.ref.type === "person");
    expect(held?.personalData).toMatchObject({ name: "Ada Byron", email: "ada.byron@analytical.example.com", phone: "+12015550199" });
    // Searches follow the record: the old address finds nobody, the new one finds the subject.
    expect((await vendor.page(`/api/people?email=${encodeURIComponent(subject.email)}`, personRecord)).data).toEqual([]);
    const byNew = await vendor.page(`/api/people?email=${encodeURIComponent("ada.byron@analytical.example.com")}`, personRecord);
    expect(byNew.data.map((found) => found.id)).toEqual([subject.id]);
  });

  it("refuses bad values with 400, naming every bad field in error.fields, and changes nothing", async () => {
    const subject = await firstSubject(oracle);
    const before = await vendor.json(`/api/people/${subject.id}`, personRecord);
    const response = await patch(`/api/people/${subject.id}`, {
      name: " ",
      email: "not-an-address",
      phone: "201 555 0199",
      customerId: "CUS-000000",
      nickname: "Ada",
    });
    expect(response.status).toBe(400);
    const body = validationErrorBody.parse(await response.json());
    expect(body.error.fields.map((field) => field.field).sort()).toEqual(["customerId", "email", "name", "nickname", "phone"]);
    expect(body.error.fields.find((field) => field.field === "customerId")?.message).toBe("cannot be changed");
    expect(await vendor.json(`/api/people/${subject.id}`, personRecord)).toEqual(before);
  });

  it("refuses a body that is not a JSON object, or is empty, or is not JSON", async () => {
    const subject = await firstSubject(oracle);
    for (const body of [[], {}]) {
      const response = await patch(`/api/people/${subject.id}`, body);
      expect(response.status).toBe(400);
      expect(validationErrorBody.parse(await response.json()).error.fields[0]?.field).toBe("(body)");
    }
    for (const text of ["{", '"text"']) {
      const broken = await vendor(`/api/people/${subject.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: text });
      expect(broken.status).toBe(400);
      expect(errorBody.parse(await broken.json()).error.code).toBe("invalid_request");
    }
  });

  it("answers 404 for a person that is not active, trashed ones included", async () => {
    const subject = await firstSubject(oracle);
    expect((await patch("/api/people/per_nobody", { name: "X" })).status).toBe(404);
    await vendor(`/api/people/${subject.id}`, { method: "DELETE" });
    expect((await patch(`/api/people/${subject.id}`, { name: "X" })).status).toBe(404);
  });

  it("lets notes change only their restriction flag and their text (how a mention is redacted)", async () => {
    const subject = await firstSubject(oracle);
    const [note] = (await vendor.page(`/api/people/${subject.id}/notes?limit=1`, noteRecord)).data;
    const refused = await patch(`/api/notes/${note?.id}`, { body: "", personId: "per_x" });
    expect(refused.status).toBe(400);
    expect(validationErrorBody.parse(await refused.json()).error.fields).toEqual([
      { field: "body", message: "must be a non-empty string of at most 10000 characters" },
      { field: "personId", message: "cannot be changed" },
    ]);
    const rewritten = await patch(`/api/notes/${note?.id}`, { body: "rewritten" });
    expect(rewritten.status).toBe(200);
    expect(noteRecord.parse(await rewritten.json())).toMatchObject({ id: note?.id, personId: subject.id, body: "rewritten" });
  });
});

describe("restricting processing", () => {
  it("sets and lifts the flag on any record; reads and the oracle show it; other records keep theirs", async () => {
    const subject = await firstSubject(oracle);
    const [note] = (await vendor.page(`/api/people/${subject.id}/notes?limit=1`, noteRecord)).data;
    const [call] = (await vendor.page(`/api/people/${subject.id}/calls?limit=1`, callRecord)).data;
    for (const path of [`/api/people/${subject.id}`, `/api/notes/${note?.id}`, `/api/calls/${call?.id}`]) {
      const response = await patch(path, { restricted: true });
      expect(response.status).toBe(200);
      expect(z.looseObject({ restricted: z.boolean() }).parse(await response.json()).restricted).toBe(true);
    }
    expect((await vendor.json(`/api/people/${subject.id}`, personRecord)).restricted).toBe(true);
    const states = await oracle.restrictions(subject.id);
    const restricted = states.filter((state) => state.restricted).map((state) => state.ref.id).sort();
    expect(restricted).toEqual([subject.id, note?.id, call?.id].sort());

    expect((await patch(`/api/people/${subject.id}`, { restricted: false })).status).toBe(200);
    expect((await oracle.restrictions(subject.id)).find((state) => state.ref.id === subject.id)?.restricted).toBe(false);
    expect((await patch(`/api/notes/${note?.id}`, { restricted: "yes" })).status).toBe(400);
  });

  it("answers the oracle's restrictions with 404 for an id never seeded", async () => {
    expect((await oracle.call("GET", "/people/per_nobody/restrictions")).status).toBe(404);
  });
});

describe("calls", () => {
  it("lists a person's calls with tags, case and time, and serves each by id", async () => {
    const subject = await firstSubject(oracle);
    const calls = await vendor.page(`/api/people/${subject.id}/calls`, callRecord);
    // The first subject has one call of each kind.
    expect(calls.data.map((call) => call.tags).sort()).toEqual([[], ["complaint"], ["transaction"]]);
    expect(calls.data.find((call) => call.tags.includes("complaint"))?.caseId).toMatch(/^CASE-\d{5}$/);
    expect(calls.data.filter((call) => call.caseId === null)).toHaveLength(2);
    for (const call of calls.data) {
      expect(call.personId).toBe(subject.id);
      expect(await vendor.json(`/api/calls/${call.id}`, callRecord)).toEqual(call);
    }
    const held = await oracle.records(subject.id);
    expect(held.filter((record) => record.ref.type === "call").map((record) => record.ref.id).sort()).toEqual(
      calls.data.map((call) => call.id).sort(),
    );
  });

  it("deletes a call to the trash and purges it, counting one deletion", async () => {
    const subject = await firstSubject(oracle);
    const [call] = (await vendor.page(`/api/people/${subject.id}/calls?limit=1`, callRecord)).data;
    expect((await vendor(`/api/calls/${call?.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await vendor(`/api/calls/${call?.id}`)).status).toBe(404);
    expect((await oracle.records(subject.id)).find((record) => record.ref.id === call?.id)?.store).toBe("soft-deleted");
    expect((await vendor(`/api/trash/calls/${call?.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await oracle.records(subject.id)).some((record) => record.ref.id === call?.id)).toBe(false);
    expect((await oracle.stats()).deletions).toEqual({ [`call/${call?.id}`]: 1 });
  });

  it("gives calls to several subjects and bystanders", async () => {
    const people = await oracle.people();
    const withCalls = async (role: "subject" | "bystander") => {
      let count = 0;
      for (const person of people.filter((p) => p.role === role)) {
        if ((await oracle.records(person.id)).some((record) => record.ref.type === "call")) count++;
      }
      return count;
    };
    // The six seeded subjects and the demo's separable one.
    expect(await withCalls("subject")).toBe(7);
    expect(await withCalls("bystander")).toBeGreaterThan(3);
  });
});
