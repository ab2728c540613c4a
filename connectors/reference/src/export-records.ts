import { VendorContractError, type ExportItem, type RecordRef } from "@lethe/connector-sdk";
import type { ReferenceContext } from "./settings";
import { readRecord } from "./vendor/read-vendor-json";
import {
  attachmentRecord,
  collectionOf,
  isReferenceRecordType,
  recordSchemas,
  type AttachmentRecord,
} from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/**
 * Each record as the vendor holds it (API.md, "Get a person / note / attachment"), and for an
 * attachment its file too, streamed from `/content` (API.md, "Download an attachment").
 */
export async function* exportRecords(ctx: ReferenceContext, refs: RecordRef[]): AsyncGenerator<ExportItem> {
  let gone = 0;
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    if (!isReferenceRecordType(ref.type)) {
      throw new TypeError(`The reference connector has no record type "${ref.type}"`);
    }
    const route = `${collectionOf[ref.type]}.show`;
    const response = await callVendor(ctx, {
      method: "GET",
      path: `/api/${collectionOf[ref.type]}/${pathId(ref.id)}`,
      route,
    });
    // Deleted since it was located: there is nothing left to hand over.
    if (response.status === 404) {
      gone++;
      ctx.log.debug("A located record no longer exists", { ref });
      continue;
    }
    expectStatus(response, [200], route);
    const source = { route, recordType: ref.type };
    if (ref.type === "attachment") {
      const attachment = await readRecord(response, attachmentRecord, source);
      yield { kind: "record", ref, data: attachment };
      yield attachmentFile(ctx, ref, attachment);
    } else {
      yield { kind: "record", ref, data: await readRecord(response, recordSchemas[ref.type], source) };
    }
  }
  if (gone > 0) ctx.log.info("Some located records were deleted before export", { gone });
}

function attachmentFile(ctx: ReferenceContext, ref: RecordRef, attachment: AttachmentRecord): ExportItem {
  return {
    kind: "binary",
    ref,
    // Prefixed with the id: two attachments may share a file name. Separators are kept out of it.
    name: `${attachment.id}-${attachment.fileName.replace(/[/\\]/g, "_")}`,
    contentType: attachment.contentType,
    size: attachment.size,
    content: () => attachmentContent(ctx, attachment.id),
  };
}

/* Requested only when the runtime reads the file, so no response sits open between items. */
async function* attachmentContent(ctx: ReferenceContext, id: string): AsyncGenerator<Uint8Array> {
  const route = "attachments.content";
  const response = await callVendor(ctx, { method: "GET", path: `/api/attachments/${pathId(id)}/content`, route });
  if (response.status === 404) {
    throw new VendorContractError("An attachment's file is missing although its metadata was just read", {
      route,
      recordType: "attachment",
      recordId: id,
    });
  }
  expectStatus(response, [200], route);
  yield* response.stream();
}
