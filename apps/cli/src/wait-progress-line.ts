import type { RequestDetail } from "@lethe/runtime";

/** Where one connector instance stands, counted over the records located there. */
export interface InstanceProgress {
  name: string;
  located: number;
  /** Erased, anonymised, redacted or already absent — by its latest receipt. */
  erased: number;
  /** Kept by a hold (the vendor's or Lethe's). */
  retained: number;
  /** An asynchronous deletion the vendor has not finished yet. */
  waiting: number;
  /** Still present, or lost track of, at verification. */
  failed: number;
}

export interface WaitProgress {
  status: string;
  instances: InstanceProgress[];
}

const erasedOutcomes = new Set(["erased", "anonymised", "redacted", "already-absent", "verified", "rectified", "restricted", "unrestricted"]);
const failedOutcomes = new Set(["still-present", "lost"]);

/** Counts per instance from a request's located records and the latest receipt of each. */
export function summariseProgress(detail: RequestDetail): WaitProgress {
  const names = new Map<string, string>();
  for (const task of detail.tasks) names.set(task.instanceId, task.instanceName);
  const latest = new Map<string, string>();
  // Receipts come oldest first: a later one (confirm, verify) supersedes an earlier (erase).
  for (const receipt of detail.receipts) latest.set(`${receipt.instanceId}/${receipt.type}/${receipt.id}`, receipt.outcome);
  const byInstance = new Map<string, InstanceProgress>();
  for (const record of detail.locatedRecords) {
    const progress = byInstance.get(record.instanceId) ?? {
      name: names.get(record.instanceId) ?? record.instanceId,
      located: 0,
      erased: 0,
      retained: 0,
      waiting: 0,
      failed: 0,
    };
    progress.located += 1;
    const outcome = latest.get(`${record.instanceId}/${record.type}/${record.id}`);
    if (outcome === undefined) {
      // Not acted on (yet, or an access request, which erases nothing).
    } else if (erasedOutcomes.has(outcome)) progress.erased += 1;
    else if (outcome === "retained") progress.retained += 1;
    else if (outcome === "pending") progress.waiting += 1;
    else if (failedOutcomes.has(outcome)) progress.failed += 1;
    byInstance.set(record.instanceId, progress);
  }
  const instances = [...byInstance.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { status: detail.request.status, instances };
}

/**
 * One line: the status, then each instance with records, e.g.
 * `executing · demo-recorder 3 located, 3 waiting · demo-reference 7 located, 7 erased`.
 */
export function progressLine(progress: WaitProgress): string {
  const instances = progress.instances.map((instance) => {
    const counts = [
      `${instance.located} located`,
      ...(["erased", "retained", "waiting", "failed"] as const).filter((key) => instance[key] > 0).map((key) => `${instance[key]} ${key}`),
    ];
    return `${instance.name} ${counts.join(", ")}`;
  });
  return [progress.status, ...(instances.length > 0 ? instances : ["nothing located yet"])].join(" · ");
}

/** The line cut to a terminal's width, so that rewriting it in place never wraps. */
export function fitToWidth(line: string, columns: number | undefined): string {
  if (columns === undefined || columns <= 1 || line.length < columns) return line;
  return `${line.slice(0, columns - 2)}…`;
}
