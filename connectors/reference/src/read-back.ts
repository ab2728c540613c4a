import { mentionsAnyOf, type ReadBackQuery, type RecordPresence, type RecordRef } from "@lethe/connector-sdk";
import { z } from "zod";
import { pageSize } from "./locate/find-people";
import type { ReferenceContext } from "./settings";
import { readPage, readRecord } from "./vendor/read-vendor-json";
import { collectionOf, isReferenceRecordType, recordSchemas } from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/** `GET /api/trash` entries (API.md, "List the trash"). */
const trashEntry = z.looseObject({ type: z.string(), id: z.string().min(1) });

/**
 * `readBack`: each record read by id (`GET /api/{collection}/:id`, API.md), never searched. A
 * record that is not among active records may still be in the trash, which keeps its data for 30
 * days: it is present until purged. The trash is listed once per call, and only when needed.
 *
 * Asked with the subject's identifiers (after a redact plan), a present record also says whether
 * any of them is still written in its text fields (`mentionsSubject`, the SDK's rule). The trash
 * serves no record's data, so a trashed record cannot show it has lost them: it answers `true`.
 */
export async function* readBackRecords(ctx: ReferenceContext, refs: RecordRef[], query?: ReadBackQuery): AsyncGenerator<RecordPresence> {
  let trash: Promise<Set<string>> | undefined;
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    if (!isReferenceRecordType(ref.type)) throw new TypeError(`The reference connector has no record type "${ref.type}"`);
    const collection = collectionOf[ref.type];
    const route = `${collection}.get`;
    const response = await callVendor(ctx, { method: "GET", path: `/api/${collection}/${pathId(ref.id)}`, route });
    expectStatus(response, [200, 404], route);
    if (response.status === 200) {
      const record = await readRecord(response, recordSchemas[ref.type], { route, recordType: ref.type });
      const detail = `the CRM still holds the ${ref.type} among active records`;
      yield query
        ? { ref, present: true, mentionsSubject: mentionsAnyOf(textsOf(record), query.identifiers), detail }
        : { ref, present: true, detail };
      continue;
    }
    trash ??= listTrash(ctx);
    if (!(await trash).has(`${ref.type}/${ref.id}`)) {
      yield { ref, present: false };
      continue;
    }
    const detail = `the ${ref.type} is in the trash, which keeps its data until it is purged`;
    yield query ? { ref, present: true, mentionsSubject: true, detail } : { ref, present: true, detail };
  }
}

/** Every text a record holds, at any depth (a call's tags, a note's body, a person's e-mail). */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(textsOf);
  return [];
}

async function listTrash(ctx: ReferenceContext): Promise<Set<string>> {
  const route = "trash.list";
  const keys = new Set<string>();
  let cursor: string | null = null;
  do {
    ctx.signal.throwIfAborted();
    const response = await callVendor(ctx, { method: "GET", path: "/api/trash", query: { limit: pageSize, cursor: cursor ?? undefined }, route });
    expectStatus(response, [200], route);
    const page = await readPage(response, trashEntry, { route, recordType: "trash entry" });
    for (const entry of page.items) keys.add(`${entry.type}/${entry.id}`);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return keys;
}
