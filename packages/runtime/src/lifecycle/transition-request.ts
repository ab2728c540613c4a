import { assertTransition, isTerminal, requestStatusSchema, type RequestStatus } from "@lethe/core";
import { lockRequest, recordStatusChange, RequestNotFoundError, type Executor } from "@lethe/db";

export interface Transition {
  requestId: string;
  to: RequestStatus;
  actor: string;
  reason?: string;
  /** Non-identifying outcome details to store with the new status (counts, failures). */
  outcome?: Record<string, unknown>;
}

/**
 * Moves a request along the lifecycle (core's `assertTransition` decides what is allowed; an
 * illegal move throws `IllegalTransitionError` and writes nothing) and records the move in the
 * status history. Must run inside a transaction: the row is locked first.
 */
export async function transitionRequest(
  tx: Executor,
  transition: Transition,
): Promise<{ from: RequestStatus; to: RequestStatus }> {
  const current = await lockRequest(tx, transition.requestId);
  if (!current) throw new RequestNotFoundError(transition.requestId);
  const from = requestStatusSchema.parse(current.status);
  assertTransition(from, transition.to);
  await recordStatusChange(tx, {
    requestId: transition.requestId,
    from,
    to: transition.to,
    actor: transition.actor,
    ...(transition.reason === undefined ? {} : { reason: transition.reason }),
    ...(transition.outcome === undefined ? {} : { outcome: transition.outcome }),
    closes: isTerminal(transition.to),
  });
  return { from, to: transition.to };
}
