import { asc, eq } from "drizzle-orm";
import { webhookDeliveries } from "../schema";
import type { Executor } from "./executor";

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** A delivery to make; its payload holds no identifier of a person (ids, types, dates). */
export async function insertWebhookDelivery(
  tx: Executor,
  input: { endpointId: string; event: string; payload: Record<string, unknown> },
): Promise<WebhookDeliveryRow> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({ endpointId: input.endpointId, event: input.event, payload: input.payload, status: "pending" })
    .returning();
  if (!row) throw new Error("inserting a webhook delivery returned no row");
  return row;
}

export async function getWebhookDelivery(tx: Executor, id: number): Promise<WebhookDeliveryRow | null> {
  const [row] = await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

/** Records one attempt: its HTTP status (null when no answer came) or error, and the series' state after it. */
export async function recordWebhookAttempt(
  tx: Executor,
  input: { id: number; status: "pending" | "delivered" | "failed"; statusCode: number | null; error: string | null; at: Date },
): Promise<void> {
  const [current] = await tx
    .select({ attempts: webhookDeliveries.attempts })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, input.id))
    .for("update");
  if (!current) return;
  await tx
    .update(webhookDeliveries)
    .set({
      attempts: current.attempts + 1,
      status: input.status,
      lastStatusCode: input.statusCode,
      lastError: input.error,
      ...(input.status === "delivered" ? { deliveredAt: input.at } : {}),
    })
    .where(eq(webhookDeliveries.id, input.id));
}

export async function listWebhookDeliveries(tx: Executor, endpointId: string): Promise<WebhookDeliveryRow[]> {
  return tx
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(asc(webhookDeliveries.id));
}
