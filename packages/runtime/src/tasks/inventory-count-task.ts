import { declaredOperations } from "@lethe/connector-sdk";
import { finishInventoryScanInstance, getInventoryScanInstance } from "@lethe/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import { describeFailure } from "../failure";
import { openInstanceSession } from "../instance-session";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { retriesStandaloneJob } from "./standalone-job-retry";

const payloadSchema = z.object({ scanId: z.uuid(), instanceId: z.uuid() });

/**
 * One instance's part of a discovery scan (inventory/start-inventory-scan.ts): each record type
 * its connector can count, counted through the vendor's count mechanism (`countRecords`), and the
 * counts stored with the instance's status in one transaction. Only numbers are stored. A
 * connector that counts nothing is `not-countable`; a failure fails this instance's row (with the
 * error, secrets scrubbed), never the scan. Transient faults are retried by graphile-worker until
 * its last attempt.
 */
export function inventoryCountTask(deps: RuntimeDependencies): Task {
  return async (rawPayload, helpers) => {
    const { scanId, instanceId } = payloadSchema.parse(rawPayload);
    const row = await getInventoryScanInstance(deps.database.db, scanId, instanceId);
    if (!row || row.status !== "pending") return;
    let sensitiveValues: string[] = [];
    try {
      const session = await openInstanceSession(deps, {
        instanceId,
        checkpointKey: `inventory-scan:${scanId}:${instanceId}`,
        signal: helpers.abortSignal,
        logFields: { scanId },
      });
      sensitiveValues = session.sensitiveValues;
      const counting = declaredOperations(session.connector).countRecords;
      if (!counting) {
        await finish(deps, { scanId, instanceId, status: "not-countable" });
        return;
      }
      const counts = [];
      for (const recordType of counting.recordTypes) {
        const { count, exact } = await counting.count(session.ctx, { recordType });
        counts.push({ recordType, count, exact });
      }
      await finish(deps, { scanId, instanceId, status: "completed", counts });
    } catch (error) {
      if (retriesStandaloneJob(error, helpers)) throw error;
      await finish(deps, { scanId, instanceId, status: "failed", error: describeFailure(error, sensitiveValues) });
    }
  };
}

async function finish(
  deps: RuntimeDependencies,
  result: { scanId: string; instanceId: string; status: "completed" | "failed" | "not-countable"; error?: string; counts?: { recordType: string; count: number; exact: boolean }[] },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await finishInventoryScanInstance(tx, { ...result, finishedAt: new Date() });
    await appendAudit(tx, {
      actor: "worker",
      action: result.status === "failed" ? "inventory.instance_failed" : "inventory.instance_counted",
      payload: { scanId: result.scanId, instanceId: result.instanceId, status: result.status, recordTypes: result.counts?.length ?? 0 },
    });
  });
}
