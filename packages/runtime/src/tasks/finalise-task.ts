import { finishedRequestVerdict, isTerminal, requestStatusSchema } from "@lethe/core";
import {
  countLocatedRecords,
  listReceipts,
  deleteCheckpointsWithPrefix,
  listPlanItems,
  listRequestTasks,
  lockRequest,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import type { Task } from "graphile-worker";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { requestPayloadSchema } from "./jobs";

/**
 * Closes a request whose tasks have all finished, `completed` or `partially_completed` as core's
 * `finishedRequestVerdict` decides from its tasks, located records, receipts and plan (the
 * reasons go on the status change, the counts in its outcome). Its resumable checkpoints are
 * deleted; receipts and the audit trail stay.
 */
export function finaliseTask(deps: RuntimeDependencies): Task {
  return async (rawPayload) => {
    const { requestId } = requestPayloadSchema.parse(rawPayload);
    await deps.database.db.transaction(async (tx) => {
      const request = await lockRequest(tx, requestId);
      if (!request) return;
      const status = requestStatusSchema.parse(request.status);
      if (isTerminal(status) || (status !== "executing" && status !== "locating")) return;
      const tasks = await listRequestTasks(tx, requestId);
      if (tasks.some((task) => task.status === "pending" || task.status === "running")) return;

      const verdict = finishedRequestVerdict({
        type: request.type,
        tasks,
        located: await countLocatedRecords(tx, requestId),
        receipts: await listReceipts(tx, { requestId }),
        plan: await listPlanItems(tx, { requestId }),
        exportPath: request.exportPath,
      });
      await transitionRequest(tx, {
        requestId,
        to: verdict.status,
        actor: "system",
        reason: verdict.reason,
        outcome: verdict.details,
      });
      await deleteCheckpointsWithPrefix(tx, `${requestId}:`);
      await appendAudit(tx, {
        actor: "system",
        action: `request.${verdict.status}`,
        requestId,
        payload: verdict.auditPayload,
      });
    });
  };
}
