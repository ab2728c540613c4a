import {
  computeDueDate,
  identifierStrength,
  needsVerification,
  normaliseIdentifier,
  regimeSchema,
  requestTypeSchema,
  type CountryCode,
  type Regime,
  type RequestType,
} from "@lethe/core";
import { identifierKey, type Identifier } from "@lethe/connector-sdk";
import { enqueueJob, insertRequest, insertSubjectIdentifiers, type Database } from "@lethe/db";
import { appendAudits } from "./audit/append-audit";
import { transitionRequest } from "./lifecycle/transition-request";
import { flagSuppressedIdentifiers } from "./minimisation/suppression-check";
import { requestJob, taskNames } from "./tasks/jobs";
import { requestParameters, type RawRequestParameters } from "./request-parameters";
import { prepareWorkerSchema } from "./worker-schema";

export interface FileRequestInput {
  type: RequestType;
  regime: Regime;
  /** As the requester wrote them; normalised here (canonical e-mail, E.164 phone). */
  identifiers: Array<{ kind: "email" | "phone"; value: string }>;
  /** The organisation's IANA time zone: deadlines are counted on its calendar. */
  timeZone: string;
  /** ISO 3166-1 alpha-2 region for phone numbers written without a country code. */
  defaultRegion: string;
  /** Who files it: a user id, `cli`, `api-token:<id>`. */
  actor: string;
  receivedAt?: Date;
  /** Type-specific input (request-parameters.ts): rectification `changes`, restriction `lift`. */
  parameters?: RawRequestParameters;
  /**
   * The identifier hash key (identifierHashKey): when given, identifiers on the suppression list
   * (a person Lethe erased before) flag the request (minimisation/suppression-check.ts).
   */
  identifierHashKey?: Uint8Array;
  /** Request types that wait in `verifying` (`parseVerificationPolicy`); access and portability always do. */
  verifyRequestTypes?: ReadonlySet<RequestType>;
}

/** A request must name its subject by at least one identifier. */
export class MissingIdentifierError extends Error {
  readonly code = "missing_identifier";
  constructor() {
    super("a request needs at least one identifier of its subject (an e-mail address or a phone number)");
    this.name = "MissingIdentifierError";
  }
}

/** The request type or regime is not one Lethe handles. */
export class InvalidRequestError extends Error {
  readonly code = "invalid_request";
  constructor(message: string) {
    super(message);
    this.name = "InvalidRequestError";
  }
}

/**
 * Files a data subject request. Everything is checked before anything is written: an identifier
 * core cannot normalise is its `InvalidIdentifierError`, an unknown type or regime an
 * `InvalidRequestError`, a bad time zone core's error — and then nothing is stored. Otherwise one
 * transaction stores the request (status `received`, due date per regime), its identifiers
 * (provenance `given`), the first history row, an audit entry and the request's first job, so a
 * stored request always has a job to move it on.
 */
export async function fileRequest(database: Database, input: FileRequestInput): Promise<{ id: string }> {
  const type = requestTypeSchema.safeParse(input.type);
  if (!type.success) throw new InvalidRequestError(`"${String(input.type)}" is not a request type`);
  const regime = regimeSchema.safeParse(input.regime);
  if (!regime.success) throw new InvalidRequestError(`"${String(input.regime)}" is not a regime`);
  if (input.identifiers.length === 0) throw new MissingIdentifierError();

  // Core checks the region when it reads a phone number (UnsupportedRegionError).
  const defaultRegion = input.defaultRegion as CountryCode;
  const identifiers = new Map<string, Identifier>();
  for (const raw of input.identifiers) {
    const identifier = normaliseIdentifier({ kind: raw.kind, value: raw.value }, { defaultRegion });
    identifiers.set(identifierKey(identifier), identifier);
  }
  const parameters = requestParameters(type.data, input.parameters ?? {}, (kind, value) =>
    normaliseIdentifier({ kind, value }, { defaultRegion }).value,
  );
  const receivedAt = input.receivedAt ?? new Date();
  const dueAt = computeDueDate({ regime: regime.data, receivedAt, timeZone: input.timeZone });

  await prepareWorkerSchema(database);
  return database.db.transaction(async (tx) => {
    const request = await insertRequest(tx, {
      type: type.data,
      regime: regime.data,
      receivedAt,
      dueAt,
      timeZone: input.timeZone,
      actor: input.actor,
      parameters,
    });
    await insertSubjectIdentifiers(
      tx,
      request.id,
      [...identifiers.values()].map((identifier) => ({
        kind: identifier.kind,
        value: identifier.value,
        ...(identifier.system ? { system: identifier.system } : {}),
        provenance: "given",
        strength: identifierStrength(identifier.kind, "given"),
      })),
    );
    const suppressed = input.identifierHashKey
      ? await flagSuppressedIdentifiers(tx, {
          key: input.identifierHashKey,
          requestId: request.id,
          identifiers: [...identifiers.values()],
          actor: input.actor,
          during: "filing",
        })
      : [];
    // Art. 12(6): a request that needs verification waits in `verifying` with no job; attesting
    // or confirming a code enqueues the start job (verification/complete-verification.ts).
    if (needsVerification(type.data, input.verifyRequestTypes)) {
      await transitionRequest(tx, { requestId: request.id, to: "verifying", actor: "system", reason: "identity verification required" });
    } else {
      await enqueueJob(tx, requestJob(taskNames.start, request.id));
    }
    await appendAudits(tx, [
      {
        actor: input.actor,
        action: "request.filed",
        requestId: request.id,
        payload: {
          type: type.data,
          regime: regime.data,
          dueAt: dueAt.toISOString(),
          identifiers: countByKind([...identifiers.values()]),
        },
      },
      ...suppressed,
    ]);
    return { id: request.id };
  });
}

function countByKind(identifiers: Identifier[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const identifier of identifiers) counts[identifier.kind] = (counts[identifier.kind] ?? 0) + 1;
  return counts;
}
