import { identifierHash, normaliseIdentifier, type CountryCode } from "@lethe/core";
import {
  endLegalHold,
  enqueueJob,
  getLegalHold,
  insertLegalHold,
  type Database,
  type LegalHoldWithCounts,
  type SecretSealer,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { identifierHashKey } from "../identifier-hash-key";
import { prepareWorkerSchema } from "../worker-schema";
import { releaseHoldsJob } from "./release-holds-job";

/** A hold as the API's create body describes it (`createHoldBodySchema`), already parsed. */
export interface CreateHoldInput {
  title: string;
  basis: string;
  owner: string;
  selector:
    | { scope: "person"; identifiers: Array<{ kind: "email" | "phone"; value: string }> }
    | { scope: "record"; instanceId: string; recordType: string; recordId: string }
    | { scope: "case"; caseId: string }
    | { scope: "rule"; connectorId?: string | undefined; recordType?: string | undefined; tag?: string | undefined; retainYears: number };
  redactNonEssential: boolean;
  reviewAt?: Date | undefined;
  expiresAt?: Date | undefined;
  /** Who creates it: a user id, `cli`, `api-token:<id>`. */
  actor: string;
  /** Region for phone numbers written without a country code. */
  defaultRegion: string;
}

/**
 * Creates a legal hold. A person hold's identifiers are normalised as a request's are and kept
 * only as keyed hashes (`identifierHash`, the key derived from the secret key) — the same hashes
 * the plan builder computes for a subject — so no plaintext identifier is stored or returned.
 * An identifier core cannot read throws its `InvalidIdentifierError` before anything is written. The hold and its audit entry commit together.
 */
export async function createLegalHold(
  database: Database,
  secretBox: SecretSealer,
  input: CreateHoldInput,
): Promise<LegalHoldWithCounts> {
  const { scope, ...rest } = input.selector;
  let selector: unknown;
  if (input.selector.scope === "person") {
    const key = identifierHashKey({ secretBox });
    const hashes = input.selector.identifiers.map((raw) => {
      const identifier = normaliseIdentifier(raw, { defaultRegion: input.defaultRegion as CountryCode });
      return identifierHash(key, identifier.kind, identifier.value);
    });
    selector = { identifierHashes: [...new Set(hashes)].sort() };
  } else if (input.selector.scope === "rule") {
    selector = { ...rest, from: "occurredAt" };
  } else {
    selector = rest;
  }

  const id = await database.db.transaction(async (tx) => {
    const hold = await insertLegalHold(tx, {
      scope,
      title: input.title,
      basis: input.basis,
      owner: input.owner,
      selector,
      redactNonEssential: input.redactNonEssential,
      reviewAt: input.reviewAt ?? null,
      expiresAt: input.expiresAt ?? null,
      createdBy: input.actor,
    });
    await appendAudit(tx, { actor: input.actor, action: "hold.created", payload: { holdId: hold.id, scope } });
    return hold.id;
  });
  const created = await getLegalHold(database.db, id);
  if (!created) throw new Error(`legal hold ${id} vanished after it was created`);
  return created;
}

/** No legal hold has this id. */
export class LegalHoldNotFoundError extends Error {
  readonly code = "not_found";
  constructor(readonly holdId: string) {
    super(`no legal hold with id ${holdId}`);
    this.name = "LegalHoldNotFoundError";
  }
}

/**
 * Ends a hold with who and why, audits it and asks for a release run in the same transaction:
 * the erasures it held back then run without a new request (release-holds-task.ts). Unknown id:
 * `LegalHoldNotFoundError`; already ended or expired: the repository's `LegalHoldEndedError`.
 */
export async function endHold(
  database: Database,
  input: { holdId: string; reason: string; actor: string },
): Promise<LegalHoldWithCounts> {
  await prepareWorkerSchema(database);
  await database.db.transaction(async (tx) => {
    const ended = await endLegalHold(tx, { id: input.holdId, endedBy: input.actor, reason: input.reason, at: new Date() });
    if (!ended) throw new LegalHoldNotFoundError(input.holdId);
    await enqueueJob(tx, releaseHoldsJob());
    await appendAudit(tx, { actor: input.actor, action: "hold.ended", payload: { holdId: ended.id, scope: ended.scope } });
  });
  const hold = await getLegalHold(database.db, input.holdId);
  if (!hold) throw new LegalHoldNotFoundError(input.holdId);
  return hold;
}
