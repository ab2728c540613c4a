import type { OraclePerson } from "@lethe/connector-sdk";

/*
 * The rows Reference CRM keeps. Person, note and attachment rows are exactly the JSON the vendor
 * API returns (API.md), except that an attachment row also holds its bytes, which the API serves
 * from a separate content endpoint.
 */

export interface PersonRow {
  id: string;
  name: string;
  /** Stored lower-case; the search matches case-insensitively. */
  email: string;
  /** Stored in E.164. */
  phone: string;
  customerId: string;
  createdAt: string;
}

export interface NoteRow {
  id: string;
  personId: string;
  /** Free text an agent wrote; it may repeat the person's e-mail address or phone number. */
  body: string;
  createdAt: string;
}

export interface AttachmentRow {
  id: string;
  personId: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  bytes: Uint8Array;
}

/** The sandbox's name for each kind of record; the connector reports refs with the same types. */
export type RecordType = "person" | "note" | "attachment";

export type RecordRow =
  | { type: "person"; row: PersonRow }
  | { type: "note"; row: NoteRow }
  | { type: "attachment"; row: AttachmentRow };

/** A generated world: the vendor's rows plus who is who (known to the oracle only). */
export interface SeededWorld {
  seed: number;
  people: PersonRow[];
  notes: NoteRow[];
  attachments: AttachmentRow[];
  oraclePeople: OraclePerson[];
}
