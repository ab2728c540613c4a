import type { RecordRef } from "@lethe/connector-sdk";
import type { z } from "zod";
import type { ReferenceContext } from "../settings";
import { readPage } from "../vendor/read-vendor-json";
import { attachmentRecord, noteRecord, type AttachmentRecord, type NoteRecord } from "../vendor/records";
import { callVendor, expectStatus, pathId } from "../vendor/vendor-request";
import { pageSize } from "./find-people";
import type { WalkPosition } from "./locate-checkpoint";

export interface PersonRecordStep {
  ref: RecordRef;
  label: string;
  /** Where to resume so that this record is not repeated. */
  after: WalkPosition;
}

interface Listing<T extends { id: string }> {
  stage: "notes" | "attachments";
  route: string;
  recordType: "note" | "attachment";
  schema: z.ZodType<T>;
  /** Helps a reviewer without naming anyone: a date, a file type and size. */
  label(record: T): string;
}

const notes: Listing<NoteRecord> = {
  stage: "notes",
  route: "people.notes",
  recordType: "note",
  schema: noteRecord,
  label: (note) => `Note of ${note.createdAt.slice(0, 10)}`,
};

const attachments: Listing<AttachmentRecord> = {
  stage: "attachments",
  route: "people.attachments",
  recordType: "attachment",
  schema: attachmentRecord,
  label: (attachment) => `Attachment (${attachment.contentType}, ${attachment.size} bytes)`,
};

/**
 * The person's notes, then their attachments, page by page from `from` (API.md, "List a person's
 * notes" and "… attachments"). Deleting the person does not delete these, so each is located
 * (and later erased) on its own.
 */
export async function* personRecords(
  ctx: ReferenceContext,
  personId: string,
  from: WalkPosition,
): AsyncGenerator<PersonRecordStep> {
  const attachmentsFrom: WalkPosition = { stage: "attachments", cursor: null, skip: 0 };
  if (from.stage === "notes") {
    const listed = yield* walkListing(ctx, personId, notes, from, attachmentsFrom);
    if (!listed) return;
  }
  if (from.stage !== "done") {
    const start = from.stage === "attachments" ? from : attachmentsFrom;
    yield* walkListing(ctx, personId, attachments, start, { stage: "done", cursor: null, skip: 0 });
  }
}

/** Yields one list's records from `from`; false if the person is gone (the list answers 404). */
async function* walkListing<T extends { id: string }>(
  ctx: ReferenceContext,
  personId: string,
  listing: Listing<T>,
  from: WalkPosition,
  following: WalkPosition,
): AsyncGenerator<PersonRecordStep, boolean> {
  let cursor = from.cursor;
  let skip = from.skip;
  for (;;) {
    const page = await listPage(ctx, personId, listing, cursor);
    // Deleted since the search: there is no way left to list the person's records.
    if (!page) return false;
    for (const [index, record] of page.items.entries()) {
      if (index < skip) continue;
      const lastOnPage = index === page.items.length - 1;
      yield {
        ref: { type: listing.recordType, id: record.id },
        label: listing.label(record),
        after: !lastOnPage
          ? { stage: listing.stage, cursor, skip: index + 1 }
          : page.nextCursor !== null
            ? { stage: listing.stage, cursor: page.nextCursor, skip: 0 }
            : following,
      };
    }
    if (page.nextCursor === null) return true;
    cursor = page.nextCursor;
    skip = 0;
  }
}

async function listPage<T extends { id: string }>(
  ctx: ReferenceContext,
  personId: string,
  listing: Listing<T>,
  cursor: string | null,
): Promise<{ items: T[]; nextCursor: string | null } | undefined> {
  ctx.signal.throwIfAborted();
  const response = await callVendor(ctx, {
    method: "GET",
    path: `/api/people/${pathId(personId)}/${listing.stage}`,
    query: { limit: pageSize, cursor: cursor ?? undefined },
    route: listing.route,
  });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], listing.route);
  return readPage(response, listing.schema, { route: listing.route, recordType: listing.recordType });
}
