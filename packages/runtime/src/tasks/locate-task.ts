import { recordKey, type IdentifierMatch, type LocatedRecord } from "@lethe/connector-sdk";
import {
  countLocatedRecords,
  listLocatedRecords,
  startRequestTask,
  upsertLocatedRecords,
  type LocatedRecordRow,
  type NewLocatedRecord,
  type TaskKey,
} from "@lethe/db";
import { engineStrength, factsOf, mergeSighting, storedFacts, type Sighting } from "@lethe/core";
import type { JobHelpers, Task } from "graphile-worker";
import { z } from "zod";
import { openConnectorSession, type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { batchedWrites, storingBatches } from "./batched-writes";
import { completeTask } from "./complete-task";
import { breakerAdmits } from "./breaker-gate";
import { instanceJob, instancePayloadSchema, taskNames, withRetry, type InstancePayload } from "./jobs";
import { requestIfIn } from "./request-gate";
import { locateQueryFor } from "./locate-query";
import { handleTaskFailure } from "./task-failure";
import { isFirstRun } from "./instance-task";

/**
 * Locates the subject on one connector instance in the request's current locate round — round 0
 * with every identifier, a later round only with the identifiers new in it (locate-query.ts) —
 * and stores every record found with the engine's strength verdict (@lethe/core:
 * plan/match-strength.ts), the round and the facts holds match on. A record an earlier round
 * stored is not stored again: only what the new sighting adds is merged in (@lethe/core:
 * plan/record-sighting.ts), if anything. Yielded records are stored in batches
 * (batched-writes.ts), and the cursor the connector checkpoints after yielding is written only
 * after the batch it covers, so it never runs ahead of what is stored; a restarted job resumes
 * from the checkpoint and re-stores at most the records since (idempotently).
 */
export function locateTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const payload = instancePayloadSchema.parse(rawPayload);
    const key: TaskKey = { ...payload, phase: "locate" };
    const later = (runAt: Date, retry = payload.retry) => withRetry(instanceJob(taskNames.locate, payload, runAt), retry);
    const request = await requestIfIn(deps, payload.requestId, "locating", later);
    if (!request) return;
    if (!(await breakerAdmits(deps, payload.instanceId, later))) return;
    let session: ConnectorSession | undefined;
    try {
      const round = request.locateRound;
      // Each round is its own operation for the connector: round 1 must not resume round 0's cursor.
      session = await openConnectorSession(deps, { ...payload, phase: `locate:${round}`, signal: helpers.abortSignal, deferCheckpoints: true, firstRun: isFirstRun(helpers, payload) });
      await locateOnInstance(deps, helpers, payload, key, session, round);
      deps.breakers?.recordSuccess(payload.instanceId);
    } catch (error) {
      await handleTaskFailure(
        deps,
        helpers,
        {
          key,
          connectorId: session?.connector.id ?? "unknown",
          retryJob: later,
          retry: payload.retry,
          sensitiveValues: session?.sensitiveValues ?? [],
        },
        error,
      );
    }
  };
}

async function locateOnInstance(
  deps: RuntimeDependencies,
  helpers: JobHelpers,
  payload: InstancePayload,
  key: TaskKey,
  session: ConnectorSession,
  round: number,
): Promise<void> {
  const { database } = deps;
  const { connector } = session;
  const started = await startRequestTask(database.db, key, {
    connectorId: connector.id,
    connectorVersion: connector.version,
  });
  if (!started) return;

  const subjectIdentifiers = session.identifierRows;
  const query = locateQueryFor(round, session.identifiers, subjectIdentifiers);
  if (query.identifiers.length > 0) {
    // What earlier rounds of this fixpoint stored on this instance (none in round 0).
    const earlier = round === 0 ? new Map<string, LocatedRecordRow>() : await locatedBefore(deps, payload, round);
    const records = connector.locate(session.ctx, query);
    const stored = batchedWrites<NewLocatedRecord>((batch) => upsertLocatedRecords(database.db, batch), session.checkpoint);
    await storingBatches(stored, async () => {
      for await (const record of records) {
        helpers.abortSignal.throwIfAborted();
        checkLocatedRecord(record);
        const found: Sighting = {
          strength: engineStrength(record.matchedBy, subjectIdentifiers),
          matchedBy: record.matchedBy,
          facts: factsOf({ ...record, facts: storedFacts(record) }),
        };
        const before = earlier.get(recordKey(record.ref));
        const merged = before ? mergeSighting(sightingOf(before), found) : found;
        if (!merged) continue;
        await stored.add({
          requestId: payload.requestId,
          instanceId: payload.instanceId,
          recordType: record.ref.type,
          recordId: record.ref.id,
          ...merged,
          matchedBy: [...merged.matchedBy],
          discovered: before ? before.discovered : record.discovered,
          label: before ? before.label : (record.label ?? null),
          round: before ? before.round : round,
        });
      }
    });
  }

  const counts = await countLocatedRecords(database.db, payload.requestId);
  const mine = counts.filter((row) => row.instanceId === payload.instanceId);
  const strong = mine.find((row) => row.strength === "strong")?.count ?? 0;
  const weak = mine.find((row) => row.strength === "weak")?.count ?? 0;
  await completeTask(deps, {
    key,
    progress: {
      located: strong + weak,
      strong,
      weak,
      ...(query.identifiers.length === 0
        ? { note: round === 0 ? "the subject has no identifier of a kind this connector locates by" : `no identifier new in round ${round} is of a kind this connector locates by` }
        : {}),
    },
    audit: {
      action: "locate.completed",
      payload: {
        instanceId: payload.instanceId,
        connectorId: connector.id,
        connectorVersion: connector.version,
        round,
        strong,
        weak,
      },
    },
  });
}

/** This instance's records stored by earlier rounds, by ref; a record of this round (a resumed job) is re-stored as found. */
async function locatedBefore(deps: RuntimeDependencies, payload: InstancePayload, round: number): Promise<Map<string, LocatedRecordRow>> {
  const rows = await listLocatedRecords(deps.database.db, { requestId: payload.requestId, instanceId: payload.instanceId });
  return new Map(rows.filter((row) => row.round < round).map((row) => [recordKey({ type: row.recordType, id: row.recordId }), row]));
}

function sightingOf(row: LocatedRecordRow): Sighting {
  return {
    strength: row.strength === "strong" ? "strong" : "weak",
    matchedBy: Array.isArray(row.matchedBy) ? (row.matchedBy as IdentifierMatch[]) : [],
    facts: row.facts !== null && typeof row.facts === "object" ? (row.facts as Record<string, unknown>) : {},
  };
}

const locatedRecordShape = z.object({
  ref: z.object({ type: z.string().min(1), id: z.string().min(1) }),
  matchedBy: z.array(z.looseObject({ strength: z.enum(["strong", "weak"]) })).min(1),
  discovered: z.array(z.unknown()),
  relation: z.enum(["mentions"]).optional(),
  mentionFields: z.array(z.string().min(1)).optional(),
  vendorHold: z.object({ basis: z.string().trim().min(1), id: z.string().min(1).optional() }).optional(),
});

/** A located record must name its record and how it matched; anything else is a connector bug. */
export function checkLocatedRecord(record: LocatedRecord): void {
  const result = locatedRecordShape.safeParse(record);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => issue.path.join(".") || "(record)").join(", ");
    throw new ConnectorProtocolError(`locate yielded a record off the contract (${fields})`);
  }
}
