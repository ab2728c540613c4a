import type { RecordFacts, RecordRef } from "@lethe/connector-sdk";
import type { z } from "zod";
import type { ReferenceContext } from "../settings";
import { readPage } from "../vendor/read-vendor-json";
import {
  attachmentRecord,
  callRecord,
  noteRecord,
  type AttachmentRecord,
  type CallRecord,
  type NoteRecord,
} from "../vendor/records";
import { callVendor, expectStatus, pathId } from "../vendor/vendor-request";
import { pageSize } from "./find-people";
import type { WalkPosition } from "./locate-checkpoint";

export interface PersonRecordStep {
  ref: RecordRef;
  label: string;
  /** For legal holds: a call's tags, case and time. */
  facts?: RecordFacts;
  /** The vendor's processing-restriction flag, as listed. */
  restricted: boolean;
  /** Where to resume so that this record is not repeated. */
  after: WalkPosition;
}

interface Listing<T extends ListedRecord> {
  stage: "notes" | "attachments" | "calls";
  route: string;
  recordType: "note" | "attachment" | "call";
  schema: z.ZodType<T>;
  /** Helps a reviewer without naming anyone: a date, a file type and size. */
  label(record: T): string;
  facts?(record: T): RecordFacts;
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

const calls: Listing<CallRecord> = {
  stage: "calls",
  route: "people.calls",
  recordType: "call",
  schema: callRecord,
  label: (call) => `Call of ${call.occurredAt.slice(0, 10)} (${call.direction}, ${call.durationSeconds} s)`,
  // What legal holds match: "calls tagged transaction, 5 years from the call", "case CASE-…".
  facts: (call) => ({ tags: [...call.tags], caseIds: call.caseId ? [call.caseId] : [], occurredAt: call.occurredAt }),
};

type ListedRecord = { id: string; restricted: boolean };

/** The lists walked for a person, in order; a walk position names one of their stages. */
const listings: readonly Listing<ListedRecord>[] = [notes, attachments, calls];

/**
 * The person's notes, then their attachments, then their calls, page by page from `from` (API.md,
 * "List a person's notes", "… attachments", "… calls"). Deleting the person does not delete
 * these, so each is located (and later erased) on its own.
 */
export async function* personRecords(
  ctx: ReferenceContext,
  personId: string,
  from: WalkPosition,
): AsyncGenerator<PersonRecordStep> {
  const first = listings.findIndex((listing) => listing.stage === from.stage);
  if (first < 0) return;
  for (const [index, listing] of listings.entries()) {
    if (index < first) continue;
    const next = listings[index + 1];
    const following: WalkPosition = next ? { stage: next.stage, cursor: null, skip: 0 } : { stage: "done", cursor: null, skip: 0 };
    const start: WalkPosition = index === first ? from : { stage: listing.stage, cursor: null, skip: 0 };
    const listed = yield* walkListing(ctx, personId, listing, start, following);
    if (!listed) return;
  }
}

/** Yields one list's records from `from`; false if the person is gone (the list answers 404). */
async function* walkListing<T extends ListedRecord>(
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
        ...(listing.facts ? { facts: listing.facts(record) } : {}),
        restricted: record.restricted,
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

async function listPage<T extends ListedRecord>(
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
