import { rm } from "node:fs/promises";
import type { Identifier, IdentifierKind } from "@lethe/connector-sdk";
import { isTerminal, requestStatusSchema } from "@lethe/core";
import {
  insertSuppressedIdentifiers,
  listSubjectIdentifiers,
  lockRequest,
  scrubRequestPersonalData,
  type Database,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { suppressionEntries } from "./suppression-check";

export type MinimiseOutcome = "minimised" | "not-closed" | "already-minimised" | "not-found";

/**
 * Minimises one closed request (issue 4, Art. 5(1)(e) applied to Lethe itself): its identifiers
 * (the strong ones) become keyed hashes on the suppression list, every other plaintext trace of the subject in its
 * rows is removed (scrubRequestPersonalData), and the export bundle is deleted. The bundle goes
 * first: if the process dies after the commit, no bundle is left behind with its path forgotten;
 * if it dies before, the next run deletes nothing twice (rm is idempotent) and minimises.
 * The audit chain is untouched — its entries never held identifiers — so it still verifies.
 */
export async function minimiseRequest(
  database: Database,
  input: { requestId: string; key: Uint8Array; now: Date },
): Promise<MinimiseOutcome> {
  const before = await database.db.transaction(async (tx) => lockRequest(tx, input.requestId));
  if (!before) return "not-found";
  if (before.minimisedAt) return "already-minimised";
  if (!isTerminal(requestStatusSchema.parse(before.status))) return "not-closed";
  if (before.exportPath) await rm(before.exportPath, { force: true });

  return database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) return "not-found";
    if (request.minimisedAt) return "already-minimised";
    // Only strong identifiers (given, verified, or a system's own id) name the person: a weak
    // discovered one — a household phone — would flag the household, so it is dropped unhashed.
    const strong = (await listSubjectIdentifiers(tx, input.requestId)).filter((row) => row.strength === "strong");
    const identifiers: Identifier[] = strong.map((row) => ({
      kind: row.kind as IdentifierKind,
      value: row.value,
      ...(row.system ? { system: row.system } : {}),
    }));
    await insertSuppressedIdentifiers(tx, input.requestId, suppressionEntries(input.key, identifiers));
    if (request.exportPath && request.exportPath !== before.exportPath) await rm(request.exportPath, { force: true });
    await scrubRequestPersonalData(tx, input.requestId, input.now);
    await appendAudit(tx, {
      actor: "system",
      action: "request.minimised",
      requestId: input.requestId,
      payload: { suppressedIdentifiers: identifiers.length, exportDeleted: request.exportPath !== null },
    });
    return "minimised";
  });
}
