import { and, asc, lte, notInArray } from "drizzle-orm";
import { deadlineAlerts, requests } from "../schema";
import type { Executor } from "./executor";

export type DeadlineAlertKind = "due_soon" | "overdue";

/** Open requests due at or before `dueBefore`: the candidates of a deadline sweep. */
export async function listOpenRequestsDueBefore(
  tx: Executor,
  input: { dueBefore: Date; closedStatuses: readonly string[] },
): Promise<Array<{ id: string; type: string; regime: string; dueAt: Date; timeZone: string }>> {
  return tx
    .select({ id: requests.id, type: requests.type, regime: requests.regime, dueAt: requests.dueAt, timeZone: requests.timeZone })
    .from(requests)
    .where(and(lte(requests.dueAt, input.dueBefore), notInArray(requests.status, [...input.closedStatuses])))
    .orderBy(asc(requests.dueAt));
}

/**
 * Records an alert unless one of the same kind was raised for this request and due date (the
 * unique index decides, so two workers sweeping at once raise it once). True when this call raised it.
 */
export async function raiseDeadlineAlert(
  tx: Executor,
  input: { requestId: string; kind: DeadlineAlertKind; dueAt: Date },
): Promise<boolean> {
  const rows = await tx
    .insert(deadlineAlerts)
    .values({ requestId: input.requestId, kind: input.kind, dueAt: input.dueAt })
    .onConflictDoNothing()
    .returning({ id: deadlineAlerts.id });
  return rows.length > 0;
}
