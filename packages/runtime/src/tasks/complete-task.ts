import { finishRequestTask, lockRequest, type Executor, type TaskKey } from "@lethe/db";
import { appendAudits } from "../audit/append-audit";
import type { AuditEntryInput } from "@lethe/core";
import type { RuntimeDependencies } from "../runtime-dependencies";
import { advanceRequest } from "./advance-request";

export interface TaskCompletion {
  key: TaskKey;
  progress: Record<string, unknown>;
  audit: { action: string; payload: AuditEntryInput["payload"] };
  /** Further writes that must commit with the task's completion (the next phase's task and job). */
  alsoWrite?: (tx: Executor) => Promise<void>;
}

/**
 * Marks a task done in one transaction with its audit entry and the request's next step, under
 * the request's row lock (see `advanceRequest` for why the lock).
 */
export async function completeTask(deps: RuntimeDependencies, completion: TaskCompletion): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, completion.key.requestId);
    if (!request) return;
    await finishRequestTask(tx, completion.key, { status: "done", progress: completion.progress });
    if (completion.alsoWrite) await completion.alsoWrite(tx);
    const next = await advanceRequest(tx, deps, request);
    await appendAudits(tx, [
      { actor: "worker", action: completion.audit.action, requestId: completion.key.requestId, payload: completion.audit.payload },
      ...next,
    ]);
  });
}
