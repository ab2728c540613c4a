import { randomBytes, randomInt } from "node:crypto";
import type { z } from "zod";
import type { newAttachmentBody, newCallBody, newNoteBody, newPersonBody } from "../http/create-body";
import type { SandboxState } from "../sandbox-state";
import { identifiersOf } from "./seed-world";
import type { AttachmentRow, CallRow, NoteRow, PersonRow } from "./world";

/*
 * Records created through the API (API.md, "Create records") or loaded from a fixture world: new
 * ids and customer numbers, timestamps from the sandbox clock, and the oracle told whose they are.
 */

function newId(state: SandboxState, prefix: string): string {
  let id: string;
  do id = `${prefix}${randomBytes(8).toString("hex").slice(0, 10)}`;
  while (state.store.taken(id));
  return id;
}

function newCustomerId(state: SandboxState): string {
  let id: string;
  do id = `CUS-${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
  while (state.store.taken(id));
  return id;
}

export function createPerson(state: SandboxState, body: z.output<typeof newPersonBody>): PersonRow {
  const row: PersonRow = { id: newId(state, "per_"), ...body, customerId: newCustomerId(state), createdAt: state.clock.now().toISOString(), restricted: false };
  state.store.add({ type: "person", row });
  const identifiers = identifiersOf(row);
  // Matched by e-mail or phone only: customer numbers and ids are new, nobody else can hold them.
  state.directory.ownerCreated(row.id, identifiers.filter((i) => i.kind === "email" || i.kind === "phone"), identifiers);
  return row;
}

export function createNote(state: SandboxState, person: PersonRow, body: z.output<typeof newNoteBody>): NoteRow {
  const row: NoteRow = { id: newId(state, "nte_"), personId: person.id, body: body.body, createdAt: state.clock.now().toISOString(), restricted: false };
  state.store.add({ type: "note", row });
  return row;
}

export function createAttachment(state: SandboxState, person: PersonRow, body: z.output<typeof newAttachmentBody>): AttachmentRow {
  const bytes = new Uint8Array(Buffer.from(body.content, "base64"));
  const row: AttachmentRow = {
    id: newId(state, "att_"),
    personId: person.id,
    fileName: body.fileName,
    contentType: body.contentType,
    size: bytes.byteLength,
    createdAt: state.clock.now().toISOString(),
    restricted: false,
    bytes,
  };
  state.store.add({ type: "attachment", row });
  return row;
}

export function createCall(state: SandboxState, person: PersonRow, body: z.output<typeof newCallBody>): CallRow {
  const row: CallRow = {
    id: newId(state, "cal_"),
    personId: person.id,
    direction: body.direction,
    durationSeconds: body.durationSeconds,
    summary: body.summary,
    tags: [...body.tags],
    caseId: body.caseId,
    occurredAt: new Date(body.occurredAt).toISOString(),
    createdAt: state.clock.now().toISOString(),
    restricted: false,
  };
  state.store.add({ type: "call", row });
  return row;
}
