import type { SandboxStats } from "@lethe/sandbox-kit";
import type { RecorderStore } from "./recorder-store";

export type JobState = "PENDING" | "PROCESSING" | "FULFILLED" | "FAILED" | "CANCELLED";

export interface DeletionJob {
  id: string;
  action: "DELETE";
  state: JobState;
  recordingIds: string[];
  skipped: { recordingId: string; reason: string }[];
  failed: { recordingId: string; reason: string }[];
  processed: number;
  createdAt: Date;
  updatedAt: Date;
  /** Set by the oracle's fault: the job will end FAILED without deleting anything. */
  doomed: boolean;
  /**
   * Set by the oracle's other fault: the job will end FULFILLED, reporting every recording
   * processed, but leave their transcripts and consent events behind (a vendor bug no status shows).
   */
  leavesParts: boolean;
}

/** When a job moves on (API.md, "Deletion jobs"): queued a minute, then processing for five. */
export const pendingMs = 60_000;
export const processingMs = 5 * 60_000;

export interface DeletionJobTiming {
  pendingMs: number;
  processingMs: number;
}

export const realisticJobTiming: DeletionJobTiming = { pendingMs, processingMs };
/** The `demo` timing (SandboxStartOptions.timing): queued a second, processing for two. */
export const demoJobTiming: DeletionJobTiming = { pendingMs: 1_000, processingMs: 2_000 };

/**
 * Asynchronous deletion, advanced by the sandbox clock: PENDING for a minute, then PROCESSING
 * (the media is deleted, metadata, transcript and consent events remain), then FULFILLED (all of
 * it purged). A recording put under legal hold while its job waited is skipped, not deleted.
 */
export class DeletionJobs {
  private readonly jobs = new Map<string, DeletionJob>();
  private next = 1;
  private failNext = 0;
  private leavePartsNext = 0;

  constructor(
    private readonly store: RecorderStore,
    private readonly stats: SandboxStats,
    private readonly timing: DeletionJobTiming = realisticJobTiming,
  ) {}

  create(recordingIds: string[], now: Date): DeletionJob {
    const job: DeletionJob = {
      id: `job_${String(this.next++).padStart(6, "0")}`,
      action: "DELETE",
      state: "PENDING",
      recordingIds,
      skipped: [],
      failed: [],
      processed: 0,
      createdAt: now,
      updatedAt: now,
      doomed: this.failNext > 0,
      leavesParts: this.failNext === 0 && this.leavePartsNext > 0,
    };
    if (this.failNext > 0) this.failNext--;
    else if (this.leavePartsNext > 0) this.leavePartsNext--;
    this.jobs.set(job.id, job);
    for (const id of recordingIds) {
      const recording = this.store.recordings.get(id);
      if (recording) recording.deletion = { jobId: job.id, state: job.state };
    }
    return job;
  }

  get(id: string): DeletionJob | undefined {
    return this.jobs.get(id);
  }

  /** The oracle's fault: the next `count` jobs fail. */
  failNextJobs(count: number): void {
    this.failNext = count;
  }

  /** The oracle's fault: the next `count` jobs report success but leave transcripts and consent events. */
  leavePartsOfNextJobs(count: number): void {
    this.leavePartsNext = count;
  }

  advance(now: Date): void {
    for (const job of this.jobs.values()) {
      const age = now.getTime() - job.createdAt.getTime();
      if (job.state === "PENDING" && age >= this.timing.pendingMs) this.process(job, now);
      if (job.state === "PROCESSING" && age >= this.timing.pendingMs + this.timing.processingMs) this.finish(job, now);
    }
  }

  private process(job: DeletionJob, now: Date): void {
    job.state = "PROCESSING";
    job.updatedAt = now;
    if (job.doomed) return;
    for (const id of job.recordingIds) {
      const recording = this.store.recordings.get(id);
      if (!recording) continue;
      if (recording.legalHold) {
        job.skipped.push({ recordingId: id, reason: "DELETION_PROTECTED" });
        recording.deletion = null;
        continue;
      }
      this.store.deleteMedia(recording);
      recording.deletion = { jobId: job.id, state: job.state };
    }
  }

  private finish(job: DeletionJob, now: Date): void {
    job.updatedAt = now;
    if (job.doomed) {
      job.state = "FAILED";
      for (const id of job.recordingIds) {
        const recording = this.store.recordings.get(id);
        if (recording) recording.deletion = { jobId: job.id, state: "FAILED" };
        job.failed.push({ recordingId: id, reason: "STORAGE_UNAVAILABLE" });
      }
      return;
    }
    job.state = "FULFILLED";
    const skipped = new Set(job.skipped.map((s) => s.recordingId));
    for (const id of job.recordingIds) {
      if (skipped.has(id) || !this.store.recordings.has(id)) continue;
      job.processed++;
      if (job.leavesParts) {
        this.store.purge(id, { leaveParts: true });
        this.stats.purged("recording", id);
        continue;
      }
      this.store.purge(id);
      for (const type of ["recording", "transcript", "consent"]) this.stats.purged(type, id);
    }
  }
}
