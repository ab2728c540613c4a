import { personDeclarationSchema, PersonDirectoryError, SandboxWorldError, worldPath } from "@lethe/sandbox-kit";
import { z } from "zod";
import type { SandboxState } from "../sandbox-state";
import { createRecord } from "./create-record";
import { objectSpec } from "./object-catalogue";

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.strictObject({ ref: z.string().min(1) })]);

/**
 * A fixture world for `lethe sandbox start salesforce --world <file.json>` (the connector's
 * README, "Fixture worlds"): the people the oracle should know (`POST /__sandbox/people`
 * declarations), then records in the very shape of `POST /sobjects/{type}` bodies, created in the
 * file's order. Ids are not known before a record exists, so a record may take a `key` and a later
 * one link to it with `{"ref": "<key>"}` in place of an id; `deleted: true` puts a record in the
 * Recycle Bin (deleted now, on the sandbox clock).
 */
export const salesforceWorldSchema = z.strictObject({
  people: z.array(personDeclarationSchema).default([]),
  records: z
    .array(
      z.strictObject({
        type: z.string().min(1),
        key: z.string().min(1).optional(),
        fields: z.record(z.string(), fieldValue),
        deleted: z.boolean().default(false),
      }),
    )
    .default([]),
});

export type SalesforceWorld = z.output<typeof salesforceWorldSchema>;

/** Creates the fixture's people and records through the API's own code; every refusal names its path. */
export function loadFixture(state: SandboxState, world: SalesforceWorld): void {
  const problems: string[] = [];
  world.people.forEach((declaration, index) => {
    try {
      state.declarePerson(declaration);
    } catch (error) {
      if (!(error instanceof PersonDirectoryError)) throw error;
      problems.push(`${worldPath(["people", index])}: ${error.message}`);
    }
  });
  const ids = new Map<string, string>();
  world.records.forEach((record, index) => {
    const at = (...rest: (string | number)[]) => worldPath(["records", index, ...rest]);
    const object = objectSpec(record.type);
    if (!object) return void problems.push(`${at("type")}: sObject type '${record.type}' is not supported`);
    if (record.key !== undefined && ids.has(record.key)) return void problems.push(`${at("key")}: another record already has the key ${record.key}`);
    const body: Record<string, string | number | boolean | null> = {};
    for (const [name, value] of Object.entries(record.fields)) {
      if (value === null || typeof value !== "object") body[name] = value;
      else {
        const id = ids.get(value.ref);
        if (id === undefined) return void problems.push(`${at("fields", name)}: no earlier record has the key ${value.ref}`);
        body[name] = id;
      }
    }
    const created = createRecord(state, object, body);
    if ("refusal" in created) {
      for (const field of created.refusal.fields) problems.push(`${at("fields", field)}: ${created.refusal.errorCode}: ${created.refusal.message}`);
      return;
    }
    if (record.key !== undefined) ids.set(record.key, created.id);
    // In the world from the start, like seeded rows: the search index has it already.
    const row = state.store.get(created.id);
    if (row) delete row.writtenAt;
    if (record.deleted) {
      const outcome = state.store.softDelete(created.id, state.clock.now());
      if (!outcome.ok) problems.push(`${at("deleted")}: ${outcome.statusCode}: ${outcome.message}`);
    }
  });
  if (problems.length > 0) throw new SandboxWorldError(problems);
}
