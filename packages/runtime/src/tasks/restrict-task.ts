import { recordKey, type ErasureOutcome, type RecordRef, declaredOperations } from "@lethe/connector-sdk";
import { getRequest, startRequestTask, type TaskKey } from "@lethe/db";
import type { Task } from "graphile-worker";
import { type ConnectorSession } from "../connector-session";
import { ConnectorProtocolError } from "../failure";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { checkLocatedRecord } from "./locate-task";
import { completeTask } from "./complete-task";
import { taskNames, type InstancePayload } from "./jobs";
import { instanceTask } from "./instance-task";
import {
  approvedItems,
  outcomeCounts,
  receiptedKeys,
  refOf,
  storeReceipt,
  storeVerification,
  type ConnectorVersion,
} from "./plan-item-receipts";
import { restrictionParameters } from "../request-parameters";

/**
 * Applies the approved `restrict` items of one instance through `connector.restrict` — marking
 * the records restricted from processing (GDPR Art. 18), or lifting it when the request says
 * `lift` — then proves it by locating the subject again: each record's `restricted` flag as the
 * vendor now reports it gives a `verify` receipt `verified` or `not-applied`; a connector that
 * does not report the flag, or a record no longer found, gives `unverifiable`.
 *
 * Receipts are stored as the connector yields them and receipted records are not asked again,
 * so a re-run after a crash continues where the last one stopped.
 */
export function restrictTask(deps: RuntimeDependencies): Task {
  return instanceTask(
    deps,
    { task: taskNames.restrict, phase: "restrict", during: "executing" },
    ({ payload, key, session, signal }) => restrictOnInstance(deps, payload, key, session, signal),
  );
}

async function restrictOnInstance(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  key: TaskKey,
  session: ConnectorSession,
  signal: AbortSignal,
): Promise<void> {
  const { connector } = session;
  const restrict = declaredOperations(connector).restrict;
  if (!restrict) {
    throw new ConnectorProtocolError(`connector "${connector.id}" declares no restrict operation`);
  }
  const version: ConnectorVersion = { connectorId: connector.id, connectorVersion: connector.version };
  if (!(await startRequestTask(deps.database.db, key, version))) return;
  const { lift } = restrictionParameters((await getRequest(deps.database.db, payload.requestId))?.parameters);
  const applied: ErasureOutcome = lift ? "unrestricted" : "restricted";

  const { all, outstanding } = await approvedItems(deps, payload, "restrict", "restrict");
  if (outstanding.length > 0) {
    const refs = outstanding.map(refOf);
    const asked = new Set(refs.map(recordKey));
    const context = { payload, version, phase: "restrict" as const, asked };
    for await (const receipt of restrict(session.ctx, refs, { lift })) {
      signal.throwIfAborted();
      await storeReceipt(deps, context, receipt, new Set<ErasureOutcome>([applied, "already-absent"]));
      asked.delete(recordKey(receipt.ref));
    }
    if (asked.size > 0) {
      throw new ConnectorProtocolError(`restrict returned no receipt for ${asked.size} of the records it was asked about`);
    }
  }

  await verifyRestriction(deps, payload, version, session, all.map(refOf), { lift, applied }, signal);

  const outcomes = await outcomeCounts(deps, payload, "restrict");
  const verification = await outcomeCounts(deps, payload, "verify");
  await completeTask(deps, {
    key,
    progress: { ...outcomes, verification },
    audit: { action: lift ? "restriction-lift.completed" : "restrict.completed", payload: { instanceId: payload.instanceId, ...version, outcomes, verification } },
  });
}

/** Locates the subject again and checks the flag on every record the connector said it changed. */
async function verifyRestriction(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  version: ConnectorVersion,
  session: ConnectorSession,
  refs: RecordRef[],
  restriction: { lift: boolean; applied: ErasureOutcome },
  signal: AbortSignal,
): Promise<void> {
  const changed = await receiptedKeys(deps, payload, "restrict", new Set([restriction.applied]));
  const verified = await receiptedKeys(deps, payload, "verify");
  const toCheck = new Map(
    refs.filter((ref) => changed.has(recordKey(ref)) && !verified.has(recordKey(ref))).map((ref) => [recordKey(ref), ref]),
  );
  if (toCheck.size === 0) return;
  const context = { payload, version };
  const wanted = !restriction.lift;
  const expectation = wanted ? "restricted" : "not restricted";
  const seen = new Map<string, boolean | undefined>();
  if (session.identifiers.length > 0) {
    for await (const record of session.connector.locate(session.ctx, { identifiers: session.identifiers })) {
      signal.throwIfAborted();
      checkLocatedRecord(record);
      const key = recordKey(record.ref);
      if (toCheck.has(key)) seen.set(key, record.restricted);
    }
  }
  for (const [key, ref] of toCheck) {
    if (!seen.has(key)) {
      await storeVerification(deps, context, ref, "unverifiable", "not found when the subject was located again");
      continue;
    }
    const flag = seen.get(key);
    if (flag === undefined) {
      await storeVerification(deps, context, ref, "unverifiable", `connector "${session.connector.id}" does not report the restriction flag`);
    } else if (flag === wanted) {
      await storeVerification(deps, context, ref, "verified", `located again: ${expectation}`);
    } else {
      await storeVerification(deps, context, ref, "not-applied", `located again: still ${wanted ? "not restricted" : "restricted"}`);
    }
  }
}
