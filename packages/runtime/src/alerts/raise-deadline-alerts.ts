import { daysLeft, terminalStatuses } from "@lethe/core";
import {
  enqueueJob,
  insertWebhookDelivery,
  listOpenRequestsDueBefore,
  listSubscribedWebhookEndpoints,
  raiseDeadlineAlert,
  type Database,
  type DeadlineAlertKind,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { deliveryJob } from "../webhooks/webhook-jobs";

/** Default of `LETHE_DUE_SOON_DAYS`: a week's warning. */
export const defaultDueSoonDays = 7;

export interface RaisedDeadlineAlert {
  requestId: string;
  kind: DeadlineAlertKind;
  daysLeft: number;
  deliveries: number;
}

const eventOf: Record<DeadlineAlertKind, string> = {
  due_soon: "deadline.due_soon",
  overdue: "deadline.overdue",
};

/**
 * One sweep: every open request with at most `dueSoonDays` calendar days left (on its own
 * calendar) is `due_soon`, one past its due date `overdue`. Each alert is raised once per request,
 * kind and due date — the `deadline_alerts` unique row decides, so repeated or concurrent sweeps
 * raise nothing twice, and an extension (a new due date) arms them again. For each alert raised,
 * a delivery row and its job are added for every enabled endpoint subscribed to the event, in the
 * same transaction as the alert: an alert is never recorded without its deliveries.
 */
export async function raiseDeadlineAlerts(
  database: Database,
  options: { now?: Date; dueSoonDays?: number } = {},
): Promise<RaisedDeadlineAlert[]> {
  const now = options.now ?? new Date();
  const dueSoonDays = options.dueSoonDays ?? defaultDueSoonDays;
  // One spare day covers every time zone's offset; daysLeft below decides exactly.
  const horizon = new Date(now.getTime() + (dueSoonDays + 1) * 24 * 60 * 60 * 1000);
  const candidates = await listOpenRequestsDueBefore(database.db, { dueBefore: horizon, closedStatuses: terminalStatuses });
  const raised: RaisedDeadlineAlert[] = [];
  for (const request of candidates) {
    const left = daysLeft({ dueAt: request.dueAt, now, timeZone: request.timeZone });
    const kind: DeadlineAlertKind | undefined = now.getTime() > request.dueAt.getTime() ? "overdue" : left <= dueSoonDays ? "due_soon" : undefined;
    if (!kind) continue;
    const alert = await database.db.transaction(async (tx) => {
      if (!(await raiseDeadlineAlert(tx, { requestId: request.id, kind, dueAt: request.dueAt }))) return undefined;
      const event = eventOf[kind];
      const payload = {
        event,
        requestId: request.id,
        type: request.type,
        regime: request.regime,
        dueAt: request.dueAt.toISOString(),
        daysLeft: left,
        raisedAt: now.toISOString(),
      };
      const endpoints = await listSubscribedWebhookEndpoints(tx, event);
      for (const endpoint of endpoints) {
        const delivery = await insertWebhookDelivery(tx, { endpointId: endpoint.id, event, payload });
        await enqueueJob(tx, deliveryJob(delivery.id));
      }
      await appendAudit(tx, {
        actor: "system",
        action: `request.${event}`,
        requestId: request.id,
        payload: { dueAt: payload.dueAt, daysLeft: left, deliveries: endpoints.length },
      });
      return { requestId: request.id, kind, daysLeft: left, deliveries: endpoints.length };
    });
    if (alert) raised.push(alert);
  }
  return raised;
}
