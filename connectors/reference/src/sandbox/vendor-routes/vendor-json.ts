import type { AttachmentRow, NoteRow, PersonRow } from "../world/world";
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

export function byCreation(row: { createdAt: string; id: string }): SortKey {
  return [row.createdAt, row.id];
}
