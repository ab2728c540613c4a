import { recordKey, declaredOperations } from "@lethe/connector-sdk";
import { insertReceipt, listPlanItems, listReceipts, startRequestTask, type TaskKey } from "@lethe/db";
import { engineStrength, mentionOf, settledErasures } from "@lethe/core";
import { enginePolicy } from "../plan/engine-policy";
import type { Task } from "graphile-worker";
import { type ConnectorSession } from "../connector-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { completeTask } from "./complete-task";
import { taskNames, type InstancePayload } from "./jobs";
import { instanceTask } from "./instance-task";
import { checkLocatedRecord } from "./locate-task";
import { readBackRecords, type PlannedRecord } from "./read-back-records";

/** Erase outcomes under which the record is meant to still be there (and reported as such). */
const keptOnPurpose = new Set(["retained", "pending", "redacted"]);
/** Approved actions after which the record must no longer be found. */
const goneWhen = new Set(["erase", "anonymise"]);

/**
 * Proves erasure by reading the system again (never by a 2xx). Where the connector reads records
 * back by id (`readBack`), every record the plan acted on and whose receipt makes a checkable claim
 * is read back (read-back-records.ts): a search misses what a faulty deletion left behind, and
 * cannot tell a redacted record kept from one lost — and it costs a whole locate per instance,
 * which the read-back does not. Where the connector cannot, or the policy asks for it
 * (`verifySearch: always`), the subject is located again with the same identifiers, and a
 * `still-present` receipt is recorded for every record found that should be gone — a record the
 * approved plan erased or anonymised that is still there, or a strongly matched one (engine's
 * verdict) the locate did not see. Records the plan keeps (excluded, pending review, skipped,
 * retained, redacted) are expected and not counted — except another person's record the plan
 * redacted because it mentioned the subject: found again, it still mentions them. Resumable like
 * locate: each receipt is stored before the next record is pulled.
 */
export function verifyTask(deps: RuntimeDependencies): Task {
  return instanceTask(
    deps,
    { task: taskNames.verify, phase: "verify", during: "executing" },
    ({ payload, key, session, signal }) => verifyOnInstance(deps, payload, key, session, signal),
  );
}

async function verifyOnInstance(
  deps: RuntimeDependencies,
  payload: InstancePayload,
  key: TaskKey,
  session: ConnectorSession,
  signal: AbortSignal,
): Promise<void> {
  const { database } = deps;
  const { connector } = session;
  const version = { connectorId: connector.id, connectorVersion: connector.version };
  if (!(await startRequestTask(database.db, key, version))) return;

  // What the approved plan meant to happen to each record: only erase/anonymise mean "gone".
  const plan: PlannedRecord[] = (await listPlanItems(database.db, payload)).map(({ record, item }) => ({
    ref: { type: record.recordType, id: record.recordId },
    action: item.approvedAction,
    mention: mentionOf(record.facts) !== undefined,
  }));
  const planned = new Map(plan.map(({ ref, action }) => [recordKey(ref), action]));
  const subjectIdentifiers = session.identifierRows;
  // A confirmed erasure (phase `confirm`) says where the record is now; a record still `pending`
  // after confirmation gave up is kept on purpose, like one never confirmed.
  const erased = new Map(
    settledErasures(await listReceipts(database.db, payload)).map((row) => [
      recordKey({ type: row.recordType, id: row.recordId }),
      row.outcome,
    ]),
  );

  const readsBack = declaredOperations(connector).readBack !== undefined;
  const search = !readsBack || enginePolicy(deps).verifySearch === "always";
  if (search && session.identifiers.length > 0) {
    for await (const record of connector.locate(session.ctx, { identifiers: session.identifiers })) {
      signal.throwIfAborted();
      checkLocatedRecord(record);
      const refKey = recordKey(record.ref);
      const eraseOutcome = erased.get(refKey);
      // A mention the plan redacted in another person's record must no longer be found: found
      // again, the subject's identifiers are still in it (unless the vendor kept it: retained, pending).
      const mentionRedacted =
        record.relation === "mentions" &&
        planned.get(refKey) === "redact" &&
        eraseOutcome !== undefined &&
        eraseOutcome !== "retained" &&
        eraseOutcome !== "pending";
      if (!mentionRedacted) {
        if (eraseOutcome !== undefined && keptOnPurpose.has(eraseOutcome)) continue;
        if (planned.has(refKey)) {
          // Excluded, pending review, skipped, retained or redacted: kept on purpose.
          if (!goneWhen.has(planned.get(refKey) ?? "")) continue;
        } else if (engineStrength(record.matchedBy, subjectIdentifiers) !== "strong") continue;
      }
      await insertReceipt(database.db, {
        ...payload,
        ...version,
        recordType: record.ref.type,
        recordId: record.ref.id,
        phase: "verify",
        outcome: "still-present",
        detail: mentionRedacted
          ? `another person's record still mentions the subject after its erase receipt said "${eraseOutcome}"`
          : eraseOutcome !== undefined
            ? `found again after its erase receipt said "${eraseOutcome}"`
            : "found on verification; it was not erased",
      });
    }
  }

  const readBack = await readBackRecords(deps, payload, session, plan, erased, signal);

  const verifyReceipts = await listReceipts(database.db, { ...payload, phase: "verify" });
  const stillPresent = verifyReceipts.filter((row) => row.outcome === "still-present").length;
  const lost = verifyReceipts.filter((row) => row.outcome === "lost").length;
  await completeTask(deps, {
    key,
    progress: { checked: erased.size, readBack, stillPresent, lost },
    audit: { action: "verify.completed", payload: { instanceId: payload.instanceId, ...version, stillPresent, lost } },
  });
}
