import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/*
 * Retention schedules as code (docs/retention-schedules.md). One schema for the console's form, the
 * API and the checked-in `lethe.retention.json`: the file wins — its schedules are read-only
 * everywhere else.
 */

/** An ISO 8601 duration of whole calendar units (P90D, P2Y, P1Y6M, P4W); core checks it is positive. */
const isoDuration = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const periodSchema = z
  .string()
  .trim()
  .regex(isoDuration, "an ISO 8601 duration such as P90D, P2Y or P1Y6M")
  // One problem per period: "longer than zero" only for a well-formed duration.
  .refine((period) => !isoDuration.test(period) || /[1-9]/.test(period), "a period longer than zero");

const tagSchema = z.string().trim().min(1).max(100);

export const retentionScheduleDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** The connector instance, by its name or its id. */
    connectorInstance: z.string().trim().min(1).max(200),
    /** One of the record types the instance's connector declares for retention. */
    recordType: z.string().trim().min(1).max(100),
    period: periodSchema,
    action: z.literal("erase"),
    /** Records carrying any of these tags (e.g. `consent:quality-training`) are kept. */
    keepWhenTagged: z.array(tagSchema).max(20).default([]),
  })
  .strict();
export type RetentionScheduleDefinition = z.output<typeof retentionScheduleDefinitionSchema>;
export type RetentionScheduleInput = z.input<typeof retentionScheduleDefinitionSchema>;

/** `lethe.retention.json`: every schedule the deployment checks in, names unique. */
export const retentionFileSchema = z
  .object({
    schedules: z.array(retentionScheduleDefinitionSchema).max(500),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.schedules.forEach((schedule, index) => {
      if (seen.has(schedule.name)) ctx.addIssue({ code: "custom", path: ["schedules", index, "name"], message: `"${schedule.name}" is named twice` });
      seen.add(schedule.name);
    });
  });
export type RetentionFile = z.output<typeof retentionFileSchema>;

export const retentionApprovalSchema = z
  .object({
    fingerprint: z.string(),
    previewRunId: idSchema,
    approvedBy: z.string(),
    approvedAt: timestampSchema,
  })
  .strict();

export const retentionScheduleSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    instanceId: idSchema,
    instanceName: z.string(),
    connectorId: z.string(),
    recordType: z.string(),
    period: z.string(),
    action: z.literal("erase"),
    keepWhenTagged: z.array(z.string()),
    /** `file`: from lethe.retention.json, read-only here. */
    source: z.enum(["console", "file"]),
    /** SHA-256 of the terms an approval covers. */
    fingerprint: z.string(),
    /** The approval of the current terms; null: it waits for one (new or changed) and does not run. */
    approval: retentionApprovalSchema.nullable(),
    createdBy: z.string(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict();
export type RetentionSchedule = z.infer<typeof retentionScheduleSchema>;

export const retentionScheduleListSchema = z.object({ schedules: z.array(retentionScheduleSchema) }).strict();
export const retentionScheduleResponseSchema = z.object({ schedule: retentionScheduleSchema }).strict();

export const retentionRunItemSchema = z
  .object({
    recordType: z.string(),
    recordId: z.string(),
    /** The connector's non-identifying label. */
    label: z.string().nullable(),
    occurredAt: timestampSchema.nullable(),
    action: z.enum(["erase", "keep"]),
    /** Why it is kept: a legal hold, the vendor's hold, a kept tag. */
    keepReason: z.string().nullable(),
    /** The receipt's outcome (sweeps); null in a preview and before the erase reached it. */
    outcome: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .strict();
export type RetentionRunItem = z.infer<typeof retentionRunItemSchema>;

export const retentionRunSchema = z
  .object({
    id: idSchema,
    scheduleId: idSchema,
    /** `preview`: a dry run, nothing changed; `sweep`: erased. */
    kind: z.enum(["preview", "sweep"]),
    fingerprint: z.string(),
    status: z.enum(["queued", "running", "confirming", "completed", "failed"]),
    /** Records whose retention clock is before this were past their period. */
    cutoff: timestampSchema,
    connectorId: z.string(),
    connectorVersion: z.string(),
    /** found, erase, keep, and per receipt outcome (erased, pending, retained …). */
    counts: z.record(z.string(), z.int().nonnegative()),
    error: z.string().nullable(),
    startedBy: z.string(),
    startedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
  })
  .strict();
export type RetentionRun = z.infer<typeof retentionRunSchema>;

export const retentionRunListSchema = z.object({ runs: z.array(retentionRunSchema) }).strict();

/** A run with its items (a preview: the first `sampleSize` of each action). */
export const retentionRunDetailSchema = z
  .object({
    run: retentionRunSchema,
    items: z.array(retentionRunItemSchema),
    /** True when `items` holds only samples of each action; `counts` has the totals. */
    sampled: z.boolean(),
  })
  .strict();
export type RetentionRunDetail = z.infer<typeof retentionRunDetailSchema>;

/** `POST /retention/preview`: a dry run of one schedule now (nothing changed). */
export const retentionPreviewBodySchema = z
  .object({
    scheduleId: idSchema,
    /** How many records of each action to show; the counts cover all. */
    sampleSize: z.int().min(0).max(200).default(20),
  })
  .strict();

/** `POST /retention/approvals`: approve the schedule's current terms after seeing that preview. */
export const retentionApprovalBodySchema = z.object({ scheduleId: idSchema, previewRunId: idSchema }).strict();

/** `POST /retention/runs`: sweep an approved schedule now rather than at the daily tick. */
export const retentionRunBodySchema = z.object({ scheduleId: idSchema }).strict();

export const retentionRunsQuerySchema = z.object({ scheduleId: idSchema.optional() }).strict();
