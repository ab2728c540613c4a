import { deleteCheckpointsWithPrefix, openRequestTask, type Executor, type NewRequestTask } from "@lethe/db";
import { checkpointKey } from "../postgres-checkpoint-store";

/**
 * Opens a task for another pass (verify after the part of a plan approved in review ran) with
 * its connector checkpoint cleared: the finished pass's cursor would make the new one see nothing.
 */
export async function reopenTask(tx: Executor, task: NewRequestTask): Promise<void> {
  await openRequestTask(tx, task);
  await deleteCheckpointsWithPrefix(tx, checkpointKey(task.requestId, task.instanceId, task.phase));
}
