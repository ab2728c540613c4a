import { sql } from "drizzle-orm";
import type { Executor } from "./executor";

export interface JobSpec {
  /** The graphile-worker task identifier. */
  task: string;
  /** Ids only: job payloads are stored in plain text in graphile_worker's tables. */
  payload: Record<string, unknown>;
  /** A job with the same key that has not started yet is replaced, so re-enqueueing is idempotent. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
  priority?: number;
  /** Jobs of one named queue run one at a time, across every worker (graphile-worker's queues). */
  queueName?: string;
}

/**
 * Adds a graphile-worker job through the caller's transaction (`graphile_worker.add_job`), so the
 * job exists if and only if the rows that asked for it were committed: a request is never stored
 * without its first job, and a job never runs for a request that was rolled back.
 * Requires graphile-worker's schema (the runtime's `prepareWorkerSchema`).
 */
export async function enqueueJob(tx: Executor, job: JobSpec): Promise<void> {
  await tx.execute(sql`
    select graphile_worker.add_job(
      ${job.task},
      payload => ${JSON.stringify(job.payload)}::json,
      run_at => ${job.runAt ? job.runAt.toISOString() : null}::timestamptz,
      max_attempts => ${job.maxAttempts ?? null}::int,
      job_key => ${job.jobKey ?? null}::text,
      priority => ${job.priority ?? null}::int,
      queue_name => ${job.queueName ?? null}::text
    )
  `);
}
