import type { OraclePerson } from "@lethe/connector-sdk";

/*
 * The rows Reference CRM keeps. Person, note, attachment and call rows are exactly the JSON the
 * vendor API returns (API.md), except that an attachment row also holds its bytes, which the API
 * serves from a separate content endpoint. Every row carries the processing-restriction flag.
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
  restricted: boolean;
}

export interface NoteRow {
  id: string;
  personId: string;
  /** Free text an agent wrote; it may repeat the person's e-mail address or phone number. */
  body: string;
  createdAt: string;
  restricted: boolean;
}

export interface AttachmentRow {
  id: string;
  personId: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  restricted: boolean;
  bytes: Uint8Array;
}

/** A logged phone call with the person: what legal holds on recordings are about. */
export interface CallRow {
  id: string;
  personId: string;
  direction: "inbound" | "outbound";
  durationSeconds: number;
  /** The agent's summary; free text like a note's body. */
  summary: string;
  /** Labels agents or rules put on the call, e.g. `transaction`, `complaint`. */
  tags: string[];
  /** The case or dispute the call belongs to, if any. */
  caseId: string | null;
  occurredAt: string;
  createdAt: string;
  restricted: boolean;
}

/** The sandbox's name for each kind of record; the connector reports refs with the same types. */
export type RecordType = "person" | "note" | "attachment" | "call";

export type RecordRow =
  | { type: "person"; row: PersonRow }
  | { type: "note"; row: NoteRow }
  | { type: "attachment"; row: AttachmentRow }
  | { type: "call"; row: CallRow };

/** A generated world: the vendor's rows plus who is who (known to the oracle only). */
export interface SeededWorld {
  seed: number;
  people: PersonRow[];
  notes: NoteRow[];
  attachments: AttachmentRow[];
  calls: CallRow[];
  oraclePeople: OraclePerson[];
}
