import type { RequestHandler, Response } from "express";
import type { z } from "zod";
import { newAttachmentBody, newCallBody, newNoteBody, newPersonBody, readCreate } from "../http/create-body";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import { createAttachment, createCall, createNote, createPerson } from "../world/new-records";
import type { PersonRow } from "../world/world";
import { attachmentJson, callJson, noteJson, personJson } from "./vendor-json";

/*
 * API.md, "Create records": `POST /api/people` and, under an active person,
 * `POST /api/people/:id/{notes|attachments|calls}` → `201` with the record and a `Location`
 * header; a bad body → `400 invalid_request` with `error.fields` and nothing created.
 */

function read<T extends z.ZodType>(res: Response, schema: T, body: unknown): z.output<T> | undefined {
  const read = readCreate(schema, body);
  if ("errors" in read) {
    sendVendorError(res, 400, "invalid_request", "The record is not valid; see error.fields.", read.errors);
    return undefined;
  }
  return read.value;
}

export function postPerson(state: SandboxState): RequestHandler {
  return (req, res) => {
    const body = read(res, newPersonBody, req.body);
    if (!body) return;
    const row = createPerson(state, body);
    res.status(201).location(`/api/people/${row.id}`).json(personJson(row));
  };
}

type Collection = "notes" | "attachments" | "calls";

export function postPersonRecord(state: SandboxState, collection: Collection): RequestHandler<{ id: string }> {
  return (req, res) => {
    const person: PersonRow | undefined = state.store.person(req.params.id);
    if (!person) {
      sendVendorError(res, 404, "not_found", "No such person.");
      return;
    }
    if (collection === "notes") {
      const body = read(res, newNoteBody, req.body);
      if (!body) return;
      const row = createNote(state, person, body);
      res.status(201).location(`/api/notes/${row.id}`).json(noteJson(row));
    } else if (collection === "attachments") {
      const body = read(res, newAttachmentBody, req.body);
      if (!body) return;
      const row = createAttachment(state, person, body);
      res.status(201).location(`/api/attachments/${row.id}`).json(attachmentJson(row));
    } else {
      const body = read(res, newCallBody, req.body);
      if (!body) return;
      const row = createCall(state, person, body);
      res.status(201).location(`/api/calls/${row.id}`).json(callJson(row));
    }
  };
}
