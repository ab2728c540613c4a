import { declaredOperations, type ConnectorContext, type ExpiredRecord, type Identifier } from "@lethe/connector-sdk";
import { identifierHash, normaliseIdentifier, retentionDecision, type CountryCode, type LegalHold } from "@lethe/core";
import { listActiveLegalHolds, type NewRetentionRunItem, type RetentionScheduleRow } from "@lethe/db";
import { ConfigurationError, type AnyConnector } from "@lethe/connector-sdk";
import { identifierHashKey } from "../identifier-hash-key";
import { enginePolicy } from "../plan/engine-policy";
import type { RuntimeDependencies } from "../runtime-dependencies";

/** One page of a schedule's expired records with what the sweep does with each, ready to store. */
export type DecidedItem = Omit<NewRetentionRunItem, "runId">;

/**
 * A schedule's records past `cutoff`, page by page, each decided by core's `retentionDecision`:
 * the active legal holds at `now` are loaded once, and person holds are matched by keyed hashes
 * of the identifiers the connector reported on each record (normalised as a request's are; ones
 * that do not normalise cannot match a hold and are skipped). Nothing is changed.
 */
export async function* decidedExpiredPages(
  deps: RuntimeDependencies,
  input: { connector: AnyConnector; ctx: ConnectorContext; schedule: RetentionScheduleRow; cutoff: Date; now: Date },
): AsyncGenerator<DecidedItem[]> {
  const retention = declaredOperations(input.connector).retention;
  if (!retention) throw new ConfigurationError(`connector "${input.connector.id}" can no longer find records by age`);
  const holds: LegalHold[] = await listActiveLegalHolds(deps.database.db, input.now);
  const personHolds = holds.some((hold) => hold.scope === "person");
  const key = personHolds ? identifierHashKey(deps) : undefined;
  const region = enginePolicy(deps).defaultRegion as CountryCode;
  const hashesOf = (identifiers: readonly Identifier[]): Set<string> => {
    if (!key) return new Set();
    const hashes = new Set<string>();
    for (const raw of identifiers) {
      try {
        const identifier = normaliseIdentifier(raw, { defaultRegion: region });
        hashes.add(identifierHash(key, identifier.kind, identifier.value));
      } catch {
        // An identifier that does not normalise names nobody a hold could name.
      }
    }
    return hashes;
  };
  const { schedule } = input;
  for await (const page of retention.findExpired(input.ctx, {
    recordType: schedule.recordType,
    before: input.cutoff.toISOString(),
    keepTags: schedule.keepWhenTagged,
  })) {
    yield page.records.map((record) => decide(record, schedule, input.connector.id, holds, hashesOf(record.identifiers), input.now));
  }
}

function decide(record: ExpiredRecord, schedule: RetentionScheduleRow, connectorId: string, holds: readonly LegalHold[], personHashes: Set<string>, now: Date): DecidedItem {
  const decision = retentionDecision(
    {
      instanceId: schedule.instanceId,
      connectorId,
      recordType: record.ref.type,
      recordId: record.ref.id,
      facts: record.facts,
      ...(record.vendorHold ? { vendorHold: record.vendorHold } : {}),
    },
    { keepWhenTagged: schedule.keepWhenTagged, holds, personHashes, now },
  );
  const occurredAt = record.facts.occurredAt === undefined ? null : new Date(record.facts.occurredAt);
  return {
    recordType: record.ref.type,
    recordId: record.ref.id,
    label: record.label ?? null,
    occurredAt: occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt : null,
    action: decision.action,
    keepReason: decision.action === "keep" ? decision.reason : null,
    holdId: decision.action === "keep" ? (decision.holdId ?? null) : null,
  };
}
