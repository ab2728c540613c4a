import { personDeclarationSchema, SandboxWorldError, worldPath } from "@lethe/sandbox-kit";
import { z } from "zod";
import { newAttachmentBody, newCallBody, newNoteBody, newPersonBody } from "../http/create-body";
import type { SandboxState } from "../sandbox-state";
import { createAttachment, createCall, createNote, createPerson } from "./new-records";
import type { SeededWorld } from "./world";

/**
 * A fixture world for `lethe sandbox start reference --world <file.json>` (API.md, "Fixture
 * worlds"): the people the oracle should know (`POST /__sandbox/people` declarations), and the
 * CRM's records — each entry a person in the body of `POST /api/people` with the bodies of their
 * notes, attachments and calls (`POST /api/people/:id/…`).
 */
export const referenceWorldSchema = z.strictObject({
  people: z.array(personDeclarationSchema).default([]),
  crm: z
    .array(
      z.strictObject({
        person: newPersonBody,
        notes: z.array(newNoteBody).default([]),
        attachments: z.array(newAttachmentBody).default([]),
        calls: z.array(newCallBody).default([]),
      }),
    )
    .default([]),
});

export type ReferenceWorld = z.output<typeof referenceWorldSchema>;

export function emptyWorld(seed: number): SeededWorld {
  return { seed, people: [], notes: [], attachments: [], calls: [], oraclePeople: [] };
}

/** Declares the fixture's people, then creates its records through the API's own code. */
export function loadFixture(state: SandboxState, world: ReferenceWorld): void {
  world.people.forEach((declaration, index) => {
    try {
      state.declarePerson(declaration);
    } catch (error) {
      throw new SandboxWorldError([`${worldPath(["people", index])}: ${error instanceof Error ? error.message : String(error)}`]);
    }
  });
  for (const entry of world.crm) {
    const person = createPerson(state, entry.person);
    for (const note of entry.notes) createNote(state, person, note);
    for (const attachment of entry.attachments) createAttachment(state, person, attachment);
    for (const call of entry.calls) createCall(state, person, call);
  }
}
