import type { AttachmentRow, CallRow, NoteRow, PersonRow, RecordRow } from "../world/world";
import type { SortKey } from "../http/pagination";

/* The JSON bodies of API.md. Rows are the JSON already, except an attachment's bytes. */

export function personJson(row: PersonRow): PersonRow {
  return { ...row };
}

export function noteJson(row: NoteRow): NoteRow {
  return { ...row };
}

export function attachmentJson(row: AttachmentRow): Omit<AttachmentRow, "bytes"> {
  const { bytes: _servedSeparately, ...metadata } = row;
  return metadata;
}

export function callJson(row: CallRow): CallRow {
  return { ...row, tags: [...row.tags] };
}

/** Any record's JSON, e.g. the answer to a PATCH. */
export function recordJson(record: RecordRow): unknown {
  switch (record.type) {
    case "person":
      return personJson(record.row);
    case "note":
      return noteJson(record.row);
    case "attachment":
      return attachmentJson(record.row);
    case "call":
      return callJson(record.row);
  }
}

export function byCreation(row: { createdAt: string; id: string }): SortKey {
  return [row.createdAt, row.id];
}
