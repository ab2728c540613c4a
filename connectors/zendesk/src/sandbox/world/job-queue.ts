import { randomBytes } from "node:crypto";

export type JobState = "queued" | "working" | "completed" | "failed";

export interface Job {
  id: string;
  job_type: string;
  status: JobState;
  createdAt: number;
  completedAt?: number;
  /** How many items the job works on (`total`), when it says. */
  total?: number;
  /** Runs once, when the job completes; what it returns (if anything) becomes the job's `results`. */
  effect: () => unknown;
  results?: unknown;
}

/** How long an untouched job takes to finish on its own (sandbox clock). */
export const jobRunsMs = 10_000;
/** vendor-apis.md §2.3: job status data is kept one day. */
export const jobKeptMs = 24 * 60 * 60 * 1000;

/**
 * Zendesk's background jobs (`job_status`): each poll moves a job one step (queued → working →
 * completed), and a job finishes on its own after `jobRunsMs`, as the vendor's workers would.
 * Finished jobs are forgotten a day later: polling one then answers 404.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();

  enqueue(jobType: string, now: number, effect: () => unknown, total?: number): Job {
    const job: Job = { id: randomBytes(16).toString("hex"), job_type: jobType, status: "queued", createdAt: now, effect, ...(total !== undefined ? { total } : {}) };
    this.jobs.set(job.id, job);
    return job;
  }

  /** A poll: the job, one step further. Undefined for an unknown or expired job. */
  poll(id: string, now: number): Job | undefined {
    this.tick(now);
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (job.status === "queued") job.status = "working";
    else if (job.status === "working") this.complete(job, now);
    return job;
  }

  tick(now: number): void {
    for (const job of this.jobs.values()) {
      if (job.status !== "completed" && now - job.createdAt >= jobRunsMs) this.complete(job, now);
      if (job.completedAt !== undefined && now - job.completedAt > jobKeptMs) this.jobs.delete(job.id);
    }
  }

  private complete(job: Job, now: number): void {
    job.status = "completed";
    job.completedAt = now;
    const results = job.effect();
    if (results !== undefined) job.results = results;
  }
}

export function jobStatusJson(base: string, job: Job) {
  return {
    id: job.id,
    url: `${base}/api/v2/job_statuses/${job.id}.json`,
    job_type: job.job_type,
    total: job.total ?? null,
    progress: job.total !== undefined && job.status === "completed" ? job.total : null,
    status: job.status,
    message: job.status === "completed" ? `Completed at ${new Date(job.completedAt ?? job.createdAt).toISOString()}` : null,
    // A deletion job reports `{success: true}`; a bulk create lists one entry per item.
    results: job.status === "completed" ? (job.results ?? { success: true }) : null,
  };
}
