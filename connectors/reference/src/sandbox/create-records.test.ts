import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { oracleOf, validationErrorBody, vendorOf, type Oracle, type Vendor } from "../../test/oracle";
import { noteRecord, personRecord } from "../vendor/records";
import { sandbox, startReferenceSandbox } from "./index";

let running: RunningSandbox;
let oracle: Oracle;
let vendor: Vendor;

beforeAll(async () => {
  running = await sandbox.start({ seed: 6 });
  oracle = oracleOf(running);
  vendor = vendorOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

const post = (path: string, body: unknown) => vendor(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("creating records through Reference CRM's API", () => {
  it("creates a person and their note, attachment and call, readable through the API and held for the oracle", async () => {
    const created = await post("/api/people", { name: " Ada Quill ", email: "Ada.Quill@Example.com", phone: "+12015550147" });
    expect(created.status).toBe(201);
    const person = personRecord.parse(await created.json());
    expect(person).toMatchObject({ name: "Ada Quill", email: "ada.quill@example.com", phone: "+12015550147", restricted: false });
    expect(created.headers.get("location")).toBe(`/api/people/${person.id}`);

    const note = noteRecord.parse(await (await post(`/api/people/${person.id}/notes`, { body: "Called about the refund." })).json());
    const attachment = await post(`/api/people/${person.id}/attachments`, { fileName: "letter.txt", contentType: "text/plain", content: Buffer.from("Dear Ada").toString("base64") });
    expect(attachment.status).toBe(201);
    const { id: attachmentId } = z.object({ id: z.string(), size: z.literal(8) }).parse(await attachment.json());
    const call = await post(`/api/people/${person.id}/calls`, { direction: "inbound", durationSeconds: 95, summary: "Refund", tags: ["complaint"], occurredAt: "2025-03-04T09:15:02Z" });
    expect(call.status).toBe(201);
    expect(await (await vendor(`/api/attachments/${attachmentId}/content`)).text()).toBe("Dear Ada");
    const found = await vendor.page("/api/people?email=ada.quill@example.com", personRecord);
    expect(found.data.map((p) => p.id)).toEqual([person.id]);

    const known = (await oracle.people()).find((p) => p.id === person.id);
    expect(known).toMatchObject({ role: "subject", identifiers: expect.arrayContaining([{ kind: "email", value: "ada.quill@example.com" }]) });
    const held = await oracle.records(person.id);
    expect(held.map((record) => record.ref.type).sort()).toEqual(["attachment", "call", "note", "person"]);
    expect(held.find((record) => record.ref.id === note.id)?.personalData).toEqual({ personId: person.id, body: "Called about the refund." });
  });

  it("refuses a bad body with 400 invalid_request listing every field, and creates nothing", async () => {
    const before = (await oracle.people()).length;
    const refused = await post("/api/people", { name: "", email: "not-an-address", phone: "(201) 555-0147", customerId: "CUS-1" });
    expect(refused.status).toBe(400);
    const { error } = validationErrorBody.parse(await refused.json());
    expect(error.fields.map((field) => field.field).sort()).toEqual(["customerId", "email", "name", "phone"]);
    expect(JSON.stringify(error)).not.toContain("not-an-address");
    expect((await oracle.people()).length).toBe(before);
    expect((await post("/api/people/per_nobody/notes", { body: "x" })).status).toBe(404);
    const missing = await post(`/api/people/${(await oracle.people())[0]?.id ?? ""}/calls`, { direction: "sideways" });
    expect(validationErrorBody.parse(await missing.json()).error.fields.map((f) => f.field).sort()).toEqual(["direction", "durationSeconds", "occurredAt"]);
  });

  it("attaches a created person sharing a known person's e-mail to that person, and a declared person's to them", async () => {
    const [first] = await oracle.people();
    const email = first?.identifiers.find((i) => i.kind === "email")?.value ?? "";
    const twin = personRecord.parse(await (await post("/api/people", { name: "Twin", email: email.toUpperCase(), phone: "+447700900123" })).json());
    expect((await oracle.people()).some((p) => p.id === twin.id)).toBe(false);
    expect((await oracle.records(first?.id ?? "")).some((record) => record.ref.id === twin.id)).toBe(true);

    const declared = await oracle.call("POST", "/people", { id: "cy", role: "subject", identifiers: [{ kind: "email", value: "cy@example.net" }] });
    expect(declared.status).toBe(201);
    expect((await oracle.records("cy"))).toEqual([]);
    const cy = personRecord.parse(await (await post("/api/people", { name: "Cy", email: "cy@example.net", phone: "+12015550148" })).json());
    expect((await oracle.records("cy")).map((record) => record.ref.id)).toEqual([cy.id]);
    expect((await oracle.call("POST", "/people", { id: "cy", role: "subject", identifiers: [{ kind: "email", value: "x@example.net" }] })).status).toBe(409);
    await oracle.reset();
    expect((await oracle.people()).some((p) => p.id === "cy")).toBe(false);
  });
});

describe("a fixture world", () => {
  it("replaces the seeded people with the file's, and comes back on reset", async () => {
    const fixture = {
      people: [
        { id: "ada", role: "subject", identifiers: [{ kind: "email", value: "ada@example.com" }] },
        { id: "ada-twin", role: "bystander", bystanderOf: "ada", identifiers: [{ kind: "email", value: "ada+news@example.com" }] },
      ],
      crm: [
        { person: { name: "Ada", email: "ADA@example.com", phone: "+12015550147" }, notes: [{ body: "VIP" }], calls: [{ direction: "outbound", durationSeconds: 3, occurredAt: "2025-01-01T10:00:00Z" }] },
        { person: { name: "Ada T", email: "ada+news@example.com", phone: "+12015550147" }, notes: [{ body: "Wrote to ada@example.com by mistake" }] },
      ],
    };
    const world = await startReferenceSandbox({ world: fixture });
    try {
      const worldOracle = oracleOf(world);
      expect((await worldOracle.people()).map((p) => p.id)).toEqual(["ada", "ada-twin"]);
      expect((await worldOracle.records("ada")).map((r) => r.ref.type).sort()).toEqual(["call", "note", "person"]);
      expect((await worldOracle.records("ada-twin")).map((r) => r.ref.type).sort()).toEqual(["note", "person"]);
      await worldOracle.reset();
      expect((await worldOracle.records("ada")).map((r) => r.ref.type).sort()).toEqual(["call", "note", "person"]);
    } finally {
      await world.stop();
    }
  });

  it("refuses a world that does not fit, naming each bad path", async () => {
    await expect(startReferenceSandbox({ world: { crm: [{ person: { name: "A", email: "a@example.com", phone: "020 7946 0000" }, notes: [{ text: "x" }] }] } })).rejects.toThrow(
      /crm\[0\]\.person\.phone: must be an E\.164[\s\S]*crm\[0\]\.notes\[0\]/,
    );
  });
});
