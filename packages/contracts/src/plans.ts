import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/**
 * The plan of a request (issue 4): one item per located record, what will be done to it and why.
 * Weak matches carry `review: "pending"` until a person includes or excludes them; nothing
 * destructive runs before the plan is approved (or auto-approved, per request type).
 */
export const planActions = ["export", "erase", "anonymise", "redact", "retain", "skip", "rectify", "restrict"] as const;
export const planActionSchema = z.enum(planActions);
export type PlanAction = z.infer<typeof planActionSchema>;

export const reviewStates = ["none", "pending", "include", "exclude"] as const;
export const reviewStateSchema = z.enum(reviewStates);
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const planItemSchema = z
  .object({
    /** The located record's id: what review decisions name. */
    id: idSchema,
    instanceId: idSchema,
    instanceName: z.string(),
    connectorId: z.string(),
    type: z.string(),
    recordId: z.string(),
    label: z.string().nullable(),
    strength: z.enum(["strong", "weak"]),
    /** Why the match is what it is, e.g. "shared: 2 people in this system use this number". */
    matchReasons: z.array(z.string()),
    round: z.number().int(),
    action: planActionSchema,
    reason: z.string(),
    hold: z.object({ id: idSchema, title: z.string(), basis: z.string() }).strict().nullable(),
    /**
     * The vendor's own hold on the record, as it reported it when the record was located (a call
     * under the recorder's legal hold): the vendor refuses deletion, so the action is `retain`
     * with this basis. Absent from plans written before it existed.
     */
    vendorHold: z.object({ basis: z.string(), id: z.string().optional() }).strict().nullable().optional(),
    retainUntil: timestampSchema.nullable(),
    review: reviewStateSchema,
    reviewedBy: z.string().nullable(),
    approvedAction: planActionSchema.nullable(),
    /** The item differs from what was approved (a re-locate found it or changed it). */
    changedSinceApproval: z.boolean(),
    /** For `rectify`: the proposed updates of this record, in the connector's field names. */
    fieldUpdates: z.array(z.object({ field: z.string(), value: z.string() }).strict()).nullable().optional(),
  })
  .strict();
export type PlanItem = z.infer<typeof planItemSchema>;

/** `GET /api/v1/requests/:id/plan` */
export const requestPlanSchema = z
  .object({
    status: z.enum(["none", "draft", "approved"]),
    approvedBy: z.string().nullable(),
    approvedAt: timestampSchema.nullable(),
    /** Items waiting for a review decision; the plan cannot be approved while any are pending. */
    pendingReview: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    items: z.array(planItemSchema),
  })
  .strict();
export type RequestPlan = z.infer<typeof requestPlanSchema>;

/** `POST /api/v1/requests/:id/review`: include or exclude records in bulk. */
export const reviewDecisionsBodySchema = z
  .object({
    decisions: z
      .array(z.object({ id: idSchema, decision: z.enum(["include", "exclude"]) }).strict())
      .min(1, "name at least one record")
      .max(5000),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ReviewDecisionsBody = z.infer<typeof reviewDecisionsBodySchema>;

/** `POST /api/v1/requests/:id/plan/approve` */
export const approvePlanBodySchema = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export type ApprovePlanBody = z.infer<typeof approvePlanBodySchema>;

/**
 * `GET /api/v1/requests/:id/provenance`: which identifier found which record through which
 * system, and which record revealed which identifier — the graph the locate rounds walked.
 */
export const provenanceNodeSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("identifier"),
      id: z.string(),
      identifierKind: z.string(),
      value: z.string(),
      provenance: z.string(),
      strength: z.string(),
      round: z.number().int(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("record"),
      id: z.string(),
      instanceId: idSchema,
      instanceName: z.string(),
      type: z.string(),
      recordId: z.string(),
      label: z.string().nullable(),
      strength: z.string(),
      round: z.number().int(),
    })
    .strict(),
]);
export const provenanceEdgeSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    /** found: identifier → record (locate); revealed: record → identifier (discovery). */
    kind: z.enum(["found", "revealed"]),
    strength: z.string().optional(),
    field: z.string().optional(),
  })
  .strict();
export const provenanceGraphSchema = z
  .object({
    rounds: z.number().int(),
    depth: z.number().int(),
    nodes: z.array(provenanceNodeSchema),
    edges: z.array(provenanceEdgeSchema),
  })
  .strict();
export type ProvenanceGraph = z.infer<typeof provenanceGraphSchema>;

