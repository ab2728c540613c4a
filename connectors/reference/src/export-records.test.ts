import { VendorContractError, type ExportItem, type RunningSandbox } from "@lethe/connector-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstSubject, oracleOf, vendorOf, type Oracle } from "../test/oracle";
import { collect, referenceContext, type LoggedLine } from "../test/reference-context";
import { exportRecords } from "./export-records";
import { sandbox } from "./sandbox/index";
import { isReferenceRecordType, recordSchemas } from "./vendor/records";

let running: RunningSandbox;
let oracle: Oracle;

beforeAll(async () => {
  running = await sandbox.start({ seed: 1 });
  oracle = oracleOf(running);
});
afterAll(() => running.stop());
beforeEach(() => oracle.reset());

async function subjectRefs() {
  const subject = await firstSubject(oracle);
  const held = await oracle.records(subject.id);
  return { subject, held, refs: held.map((record) => record.ref) };
}

async function bytesOf(item: Extract<ExportItem, { kind: "binary" }>): Promise<number> {
  let total = 0;
  for await (const chunk of item.content()) total += chunk.byteLength;
  return total;
}

describe("export", () => {
  it("hands over every record in its declared shape, holding what the vendor holds", async () => {
    const { held, refs } = await subjectRefs();
    const items = await collect(exportRecords(referenceContext(running), refs));
    const records = items.filter((item) => item.kind === "record");
    expect(records.map((item) => item.ref)).toEqual(refs);
    for (const item of records) {
      if (!isReferenceRecordType(item.ref.type)) throw new Error(`unexpected type ${item.ref.type}`);
      expect(recordSchemas[item.ref.type].safeParse(item.data).success).toBe(true);
    }
    const note = held.find((record) => record.ref.type === "note");
    const exported = records.find((item) => item.ref.id === note?.ref.id);
    expect(exported?.data.body).toBe(note?.personalData.body);
  });

  it("streams each attachment's file after its record, with its type and exact size", async () => {
    const { refs } = await subjectRefs();
    const attachments = refs.filter((ref) => ref.type === "attachment");
    const items = await collect(exportRecords(referenceContext(running), attachments));
    expect(items.map((item) => item.kind)).toEqual(["record", "binary", "record", "binary"]);
    for (const item of items) {
      if (item.kind !== "binary") continue;
      const vendor = vendorOf(running);
      const content = await vendor(`/api/attachments/${item.ref.id}/content`);
      expect(item.contentType).toBe(content.headers.get("content-type")?.split(";")[0]);
      expect(await bytesOf(item)).toBe(item.size);
      expect(item.name).toMatch(new RegExp(`^${item.ref.id}-[^/\\\\]+$`));
    }
  });

  it("skips a record deleted since it was located, logging no id above debug", async () => {
    const { subject, refs } = await subjectRefs();
    await vendorOf(running)(`/api/people/${subject.id}`, { method: "DELETE" });
    const lines: LoggedLine[] = [];
    const items = await collect(exportRecords(referenceContext(running, { lines }), refs));
    expect(items.some((item) => item.ref.type === "person")).toBe(false);
    expect(items.filter((item) => item.kind === "record")).toHaveLength(refs.length - 1);
    const aboveDebug = JSON.stringify(lines.filter((line) => line.level !== "debug"));
    expect(aboveDebug).toContain("deleted before export");
    expect(aboveDebug).not.toContain(subject.id);
  });

  it("fails on a malformed record with a VendorContractError naming its type and id", async () => {
    const { refs } = await subjectRefs();
    const note = refs.find((ref) => ref.type === "note");
    if (!note) throw new Error("no note");
    await oracle.injectFault({ route: "GET /api/notes/:id", kind: "malformed" });
    const error = await collect(exportRecords(referenceContext(running), [note])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorContractError);
    expect(error).toMatchObject({ details: { recordType: "note", recordId: note.id } });
  });

  it("refuses a ref of a type the connector never reports", async () => {
    await expect(collect(exportRecords(referenceContext(running), [{ type: "invoice", id: "inv_1" }]))).rejects.toThrow(
      /no record type "invoice"/,
    );
  });
});
