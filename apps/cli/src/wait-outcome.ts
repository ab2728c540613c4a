import type { RequestDetail } from "@lethe/runtime";
import { summariseProgress } from "./wait-progress-line";

/**
 * Exit codes of `--wait` (README, "The CLI"): 0 the request completed; 1 it ended otherwise
 * (partially completed, rejected, cancelled); 3 it waits for a person (identity check, review);
 * 4 it was still running when the wait gave up. 2 stays a usage error.
 */
export const waitExitCodes = { completed: 0, endedOtherwise: 1, waitsForAPerson: 3, timedOut: 4 } as const;

/** How printed commands start: `pnpm lethe`, after the environment they need (env.ts, `commandPrefix`). */
export interface CommandStyle {
  prefix: string;
  usesDatabaseUrl: boolean;
}

export interface WaitOutcome {
  lines: string[];
  exitCode: number;
}

/** What `--wait` says when it stops, and the exact command to run next when the request is not done. */
export function waitOutcome(detail: RequestDetail, input: { timedOutAfterSeconds?: number; style: CommandStyle }): WaitOutcome {
  const { request } = detail;
  const lethe = (args: string) => `  ${input.style.prefix}pnpm lethe ${args}`;
  const environmentNote = input.style.usesDatabaseUrl ? ["  (with the same DATABASE_URL in the environment)"] : [];
  const show = lethe(`request show ${request.id}`);
  if (input.timedOutAfterSeconds !== undefined && !stoppedFor(request.status)) {
    return {
      lines: [`request ${request.id} is still ${request.status} after ${input.timedOutAfterSeconds} s; follow it with:`, show, ...environmentNote],
      exitCode: waitExitCodes.timedOut,
    };
  }
  if (request.status === "verifying") {
    return {
      lines: [
        `request ${request.id} waits for an identity check (access and portability always do); once you have checked who is asking:`,
        lethe(`request verify ${request.id} --attest "how you checked their identity" --wait`),
        ...environmentNote,
      ],
      exitCode: waitExitCodes.waitsForAPerson,
    };
  }
  if (request.status === "review") {
    const weak = weakAwaitingReview(detail);
    return {
      lines: [
        `request ${request.id} waits in review: ${weak} weak match(es) may be someone else's. Look, decide, approve:`,
        lethe(`request plan ${request.id}`),
        lethe(`request review ${request.id} --include-all`) + "   (or --exclude-all)",
        lethe(`request approve ${request.id}`),
        ...environmentNote,
      ],
      exitCode: waitExitCodes.waitsForAPerson,
    };
  }
  if (request.status === "completed") {
    return { lines: [`request ${request.id} completed: ${completedSummary(detail)}`, ...exportLine(detail), "details:", show], exitCode: waitExitCodes.completed };
  }
  return {
    lines: [`request ${request.id} ended ${request.status}: ${completedSummary(detail)}; see why with:`, ...exportLine(detail), show, ...environmentNote],
    exitCode: waitExitCodes.endedOtherwise,
  };
}

/** Statuses `--wait` stops at besides the final ones: nothing happens there until a person acts. */
export function stoppedFor(status: string): boolean {
  return ["completed", "partially_completed", "rejected", "cancelled", "review", "verifying"].includes(status);
}

function weakAwaitingReview(detail: RequestDetail): number {
  const acted = new Set(detail.receipts.map((receipt) => `${receipt.instanceId}/${receipt.type}/${receipt.id}`));
  return detail.locatedRecords.filter((record) => record.strength === "weak" && !acted.has(`${record.instanceId}/${record.type}/${record.id}`)).length;
}

function completedSummary(detail: RequestDetail): string {
  const { instances } = summariseProgress(detail);
  const located = instances.reduce((sum, instance) => sum + instance.located, 0);
  const where = instances.map((instance) => `${instance.name} ${instance.located}`).join(", ");
  const systems = `${located} record(s) located${where === "" ? "" : ` (${where})`}`;
  if (detail.request.type !== "erasure") return systems;
  const erased = instances.reduce((sum, instance) => sum + instance.erased, 0);
  const retained = instances.reduce((sum, instance) => sum + instance.retained, 0);
  const waiting = instances.reduce((sum, instance) => sum + instance.waiting, 0);
  return `${systems}; ${erased} erased${retained > 0 ? `, ${retained} retained` : ""}${waiting > 0 ? `, ${waiting} still pending` : ""}`;
}

function exportLine(detail: RequestDetail): string[] {
  return detail.exportPath ? [`export: ${detail.exportPath}`] : [];
}
