import type { RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { errorBody, firstSubject, oracleOf, vendorOf, type Oracle, type Vendor } from "../../test/oracle";
import { attachmentRecord, noteRecord, personRecord } from "../vendor/records";
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

describe("Reference CRM authentication", () => {
  it("refuses a missing or wrong token with 401 and the error envelope", async () => {
    const refused: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, { authorization: `Basic ${String(running.credentials.apiToken)}` }];
    for (const headers of refused) {
      const response = await fetch(`${running.url}/api/me`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    }
    expect((await oracle.stats()).unauthorised).toBe(3);
  });

  it("accepts the sandbox's token and answers /api/me", async () => {
    const response = await vendor("/api/me");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ account: { id: expect.any(String) } });
  });
});

describe("searching people", () => {
  it("matches e-mail case-insensitively and phone and customerId exactly", async () => {
    const subject = await firstSubject(oracle);
    const byEmail = await vendor.page(`/api/people?email=${encodeURIComponent(subject.email.toUpperCase())}`, personRecord);
    expect(byEmail.data.map((person) => person.id)).toEqual([subject.id]);
    const byCustomer = await vendor.page(`/api/people?customerId=${subject.customerId}`, personRecord);
    expect(byCustomer).toEqual({ data: [expect.objectContaining({ id: subject.id })], next_cursor: null });
    // The household shares the subject's number.
    const byPhone = await vendor.page(`/api/people?phone=${encodeURIComponent(subject.phone)}`, personRecord);
    expect(byPhone.data).toHaveLength(2);
    const byTrimmedPhone = await vendor.page(`/api/people?phone=${encodeURIComponent(subject.phone.slice(1))}`, personRecord);
    expect(byTrimmedPhone.data).toEqual([]);
  });

  it("answers 400 without exactly one filter", async () => {
    for (const query of ["", "?email=a@example.com&phone=%2B12015550100", "?name=x"]) {
      const response = await vendor(`/api/people${query}`);
      expect(response.status).toBe(400);
      expect(errorBody.parse(await response.json()).error.code).toBe("invalid_request");
    }
  });
});

describe("pagination", () => {
  it("walks every note of a person once, oldest first, in pages of at most `limit`", async () => {
    const subject = await firstSubject(oracle);
    const expected = (await oracle.records(subject.id)).filter((record) => record.ref.type === "note").map((r) => r.ref.id);
    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=20&cursor=${cursor}` : "?limit=20";
      const page = await vendor.page(`/api/people/${subject.id}/notes${query}`, noteRecord);
      expect(page.data.length).toBeLessThanOrEqual(20);
      seen.push(...page.data);
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    expect(seen.map((note) => note.id).sort()).toEqual([...expected].sort());
    expect(seen.map((note) => note.createdAt)).toEqual(seen.map((note) => note.createdAt).sort());
  });

  it("defaults to 20 per page and rejects bad limits and cursors with 400", async () => {
    const subject = await firstSubject(oracle);
    const page = await vendor.page(`/api/people/${subject.id}/notes`, noteRecord);
    expect(page.data).toHaveLength(20);
    for (const query of ["?limit=0", "?limit=51", "?limit=abc", "?cursor=not-ours"]) {
      expect((await vendor(`/api/people/${subject.id}/notes${query}`)).status).toBe(400);
    }
  });

  it("keeps later pages stable when records on earlier pages are deleted meanwhile", async () => {
    const subject = await firstSubject(oracle);
    const first = await vendor.page(`/api/people/${subject.id}/notes?limit=10`, noteRecord);
    for (const note of first.data) await vendor(`/api/notes/${note.id}`, { method: "DELETE" });
    const second = await vendor.page(`/api/people/${subject.id}/notes?limit=10&cursor=${first.next_cursor}`, noteRecord);
    const all = await vendor.page(`/api/people/${subject.id}/notes?limit=50`, noteRecord);
    expect(second.data[0]?.id).toBe(all.data[0]?.id);
  });
});

describe("records and attachments", () => {
  it("serves an attachment's metadata and its bytes with type and length", async () => {
    const subject = await firstSubject(oracle);
    const list = await vendor.page(`/api/people/${subject.id}/attachments`, attachmentRecord);
    const attachment = list.data[0];
    if (!attachment) throw new Error("the first subject has no attachment");
    expect(attachment).toEqual({
      id: expect.stringMatching(/^att_/),
      personId: subject.id,
      fileName: expect.any(String),
      contentType: expect.any(String),
      size: expect.any(Number),
      createdAt: expect.any(String),
      restricted: false,
    });
    const content = await vendor(`/api/attachments/${attachment.id}/content`);
    expect(content.headers.get("content-type")).toContain(attachment.contentType);
    expect((await content.arrayBuffer()).byteLength).toBe(attachment.size);
    expect(await vendor.json(`/api/attachments/${attachment.id}`, attachmentRecord)).toEqual(attachment);
  });

  it("answers 404 with the error envelope for unknown ids and routes", async () => {
    for (const path of ["/api/people/per_nobody", "/api/notes/nte_nothing", "/api/attachments/att_none", "/api/nowhere"]) {
      const response = await vendor(path);
      expect(response.status).toBe(404);
      expect(errorBody.parse(await response.json()).error.code).toBe("not_found");
    }
  });
});

const anyPage = z.object({ data: z.array(z.unknown()) });

async function firstNote(personId: string) {
  const [note] = (await vendor.page(`/api/people/${personId}/notes?limit=1`, noteRecord)).data;
  if (!note) throw new Error("no note");
  return note;
}

describe("deletion, the trash and purging", () => {
  it("moves a deleted note to the trash, where the oracle still sees its data", async () => {
    const subject = await firstSubject(oracle);
    const note = await firstNote(subject.id);
    expect((await vendor(`/api/notes/${note.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await vendor(`/api/notes/${note.id}`)).status).toBe(404);
    expect((await oracle.records(subject.id)).find((record) => record.ref.id === note.id)).toMatchObject({
      store: "soft-deleted",
      personalData: { body: note.body },
    });
    const trash = await vendor.json("/api/trash", anyPage);
    expect(trash.data).toEqual([{ type: "note", id: note.id, deletedAt: expect.any(String), purgeAt: expect.any(String) }]);
    expect((await oracle.stats()).deletions).toEqual({});
  });

  it("purges a trashed record for good and counts exactly one deletion, however often it is repeated", async () => {
    const subject = await firstSubject(oracle);
    const note = await firstNote(subject.id);
    await vendor(`/api/notes/${note.id}`, { method: "DELETE" });
    expect((await vendor(`/api/trash/notes/${note.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await vendor(`/api/trash/notes/${note.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await vendor(`/api/notes/${note.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await oracle.records(subject.id)).some((record) => record.ref.id === note.id)).toBe(false);
    expect((await oracle.stats()).deletions).toEqual({ [`note/${note.id}`]: 1 });
  });

  it("refuses to purge what was never deleted", async () => {
    const subject = await firstSubject(oracle);
    expect((await vendor(`/api/trash/people/${subject.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await oracle.records(subject.id)).find((record) => record.ref.type === "person")?.store).toBe("active");
  });

  it("leaves a deleted person's notes and attachments in place, unreachable through the person", async () => {
    const subject = await firstSubject(oracle);
    const before = await oracle.records(subject.id);
    await vendor(`/api/people/${subject.id}`, { method: "DELETE" });
    expect((await vendor(`/api/people/${subject.id}/notes`)).status).toBe(404);
    const after = await oracle.records(subject.id);
    expect(after.filter((record) => record.store === "active")).toHaveLength(before.length - 1);
  });

  it("purges trash entries by itself 30 days after deletion", async () => {
    const subject = await firstSubject(oracle);
    await vendor(`/api/people/${subject.id}`, { method: "DELETE" });
    await oracle.moveClock({ advanceMs: 29 * 24 * 3600 * 1000 });
    expect((await oracle.records(subject.id)).some((record) => record.ref.type === "person")).toBe(true);
    await oracle.moveClock({ advanceMs: 24 * 3600 * 1000 });
    expect((await oracle.records(subject.id)).some((record) => record.ref.type === "person")).toBe(false);
    expect((await vendor.json("/api/trash", anyPage)).data).toEqual([]);
  });
});

describe("counting records", () => {
  it("answers each collection's active records, the trash left out, and 404 for an unknown collection", async () => {
    const count = z.strictObject({ collection: z.string(), count: z.int() });
    const before = await vendor.json("/api/counts/notes", count);
    expect(before).toEqual({ collection: "notes", count: (await oracle.recordCounts()).note });
    const subject = await firstSubject(oracle);
    const note = (await oracle.records(subject.id)).find((record) => record.ref.type === "note");
    if (!note) throw new Error("the subject has no note");
    expect((await vendor(`/api/notes/${note.ref.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await vendor.json("/api/counts/notes", count)).toEqual({ collection: "notes", count: before.count - 1 });
    const unknown = await vendor("/api/counts/invoices");
    expect(unknown.status).toBe(404);
    expect(errorBody.parse(await unknown.json()).error.code).toBe("not_found");
  });
});
