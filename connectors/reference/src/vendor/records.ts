import { z } from "zod";

/*
 * Reference CRM's JSON bodies (API.md, "Resources"). They validate every vendor response and are
 * the connector's `recordSchemas`: an export is the record as the vendor holds it.
 *
 * Objects are loose: a field the vendor adds later is the person's data too, so it is exported,
 * not stripped. A documented field that is missing or of the wrong type is a contract breach.
 */

const timestamp = z.iso.datetime({ offset: true });

export const personRecord = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  email: z.email(),
  phone: z.string().regex(/^\+[1-9]\d{1,14}$/, "an E.164 phone number"),
  customerId: z.string().min(1),
  createdAt: timestamp,
  /** Restricted from processing (GDPR Art. 18); set and lifted with PATCH. */
  restricted: z.boolean(),
});

export const noteRecord = z.looseObject({
  id: z.string().min(1),
  personId: z.string().min(1),
  body: z.string(),
  createdAt: timestamp,
  restricted: z.boolean(),
});

export const attachmentRecord = z.looseObject({
  id: z.string().min(1),
  personId: z.string().min(1),
  fileName: z.string().min(1),
  contentType: z.string().min(1),
  size: z.int().nonnegative(),
  createdAt: timestamp,
  restricted: z.boolean(),
});

export const callRecord = z.looseObject({
  id: z.string().min(1),
  personId: z.string().min(1),
  direction: z.enum(["inbound", "outbound"]),
  durationSeconds: z.int().nonnegative(),
  summary: z.string(),
  tags: z.array(z.string()),
  caseId: z.string().min(1).nullable(),
  occurredAt: timestamp,
  createdAt: timestamp,
  restricted: z.boolean(),
});

/** `GET /api/me`: only its shape matters, to tell Reference CRM from something else at that URL. */
export const accountRecord = z.looseObject({
  account: z.looseObject({ id: z.string(), name: z.string() }),
});

/** Every list: `{ "data": [...], "next_cursor": "…" | null }`. Items are checked one by one. */
export const pageEnvelope = z.looseObject({
  data: z.array(z.unknown()),
  next_cursor: z.string().min(1).nullable(),
});

export type PersonRecord = z.output<typeof personRecord>;
export type NoteRecord = z.output<typeof noteRecord>;
export type AttachmentRecord = z.output<typeof attachmentRecord>;
export type CallRecord = z.output<typeof callRecord>;

/** The connector's record types, which are also the `type` of every ref it reports. */
export const recordTypes = ["person", "note", "attachment", "call"] as const;
export type ReferenceRecordType = (typeof recordTypes)[number];

export const recordSchemas = {
  person: personRecord,
  note: noteRecord,
  attachment: attachmentRecord,
  call: callRecord,
} satisfies Record<ReferenceRecordType, z.ZodType>;

/** The path segment of each type: `/api/people/:id`, `/api/trash/people/:id`. */
export const collectionOf: Record<ReferenceRecordType, string> = {
  person: "people",
  note: "notes",
  attachment: "attachments",
  call: "calls",
};

export function isReferenceRecordType(type: string): type is ReferenceRecordType {
  return (recordTypes as readonly string[]).includes(type);
}
