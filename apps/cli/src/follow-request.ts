import { getRequestDetail, UnknownRequestsError, type RequestDetail } from "@lethe/runtime";
import type { LetheHandle } from "./open-lethe";
import { stoppedFor, waitOutcome, type CommandStyle, type WaitOutcome } from "./wait-outcome";
import { fitToWidth, progressLine, summariseProgress } from "./wait-progress-line";

const pollIntervalMs = 500;

export interface FollowedRequest {
  detail: RequestDetail;
  outcome: WaitOutcome;
}

/**
 * `--wait`: follows a request until it is final or waits for a person (identity check, review),
 * or `timeoutMs` passes, showing a live phase line on `out` — rewritten in place on a terminal,
 * otherwise a new line only when it changes (logs and CI stay short). Never throws on a timeout:
 * the outcome says what happened and what to run next.
 */
export async function followRequest(
  lethe: LetheHandle,
  id: string,
  options: { timeoutMs: number; style: CommandStyle; out: NodeJS.WriteStream },
): Promise<FollowedRequest> {
  const { out } = options;
  const startedAt = Date.now();
  const deadline = startedAt + options.timeoutMs;
  let shown = "";
  const endLine = () => {
    if (out.isTTY && shown !== "") out.write("\n");
  };
  for (;;) {
    const detail = await getRequestDetail(lethe.database, id);
    if (!detail) throw new UnknownRequestsError([id]);
    const line = progressLine(summariseProgress(detail));
    if (line !== shown) {
      if (out.isTTY) out.write(`\r\u001b[2K${fitToWidth(line, out.columns)}`);
      else out.write(`${line}\n`);
      shown = line;
    }
    const timedOut = Date.now() >= deadline;
    if (stoppedFor(detail.request.status) || timedOut) {
      endLine();
      const timedOutAfterSeconds = timedOut ? Math.round((Date.now() - startedAt) / 1000) : undefined;
      return { detail, outcome: waitOutcome(detail, { style: options.style, ...(timedOutAfterSeconds !== undefined ? { timedOutAfterSeconds } : {}) }) };
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollIntervalMs, Math.max(1, deadline - Date.now()))));
  }
}
