import type { WorkerProgress } from "@lethe/runtime";

/**
 * The worker's periodic liveness line: what it did since the last line and in total. Printed even
 * when nothing happened, so that someone watching (or a supervisor's log) can tell an idle worker
 * from a hung or dead one.
 */
export function workerProgressLine(now: WorkerProgress, previous: WorkerProgress, intervalSeconds: number): string {
  const done = now.completed - previous.completed;
  const failed = now.failed - previous.failed;
  const recent = done === 0 && failed === 0 ? "idle" : `${plural(done, "job")} completed, ${failed} failed`;
  return (
    `worker alive: ${recent} in the last ${intervalSeconds} s; ${now.running} running; ` +
    `${now.completed} completed and ${now.failed} failed since start`
  );
}

/** The closing line once the worker has let go of its jobs and its database connections. */
export function workerStoppedLine(progress: WorkerProgress): string {
  return `worker stopped: ${plural(progress.completed, "job")} completed, ${progress.failed} failed`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
