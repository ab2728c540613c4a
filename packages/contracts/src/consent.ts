import { z } from "zod";
import { idSchema, timestampSchema } from "./common";
import { sweepIntervalSchema } from "./recordings";

/*
 * The consent ledger (consent to record, per call participant), its report of calls lacking
 * consent, and the remediations that put them right.
 */

export const consentRules = ["all-party", "one-party", "staff-notice"] as const;
export const callPartyRoles = ["caller", "agent", "transferred", "conference"] as const;
export const consentCaptures = ["beep", "ivr-prompt", "dtmf", "verbal", "agent-attestation"] as const;
export const remediationActions = ["redact-party", "delete-recording"] as const;
export const remediationStatuses = ["draft", "approved", "running", "confirming", "completed", "retained", "failed"] as const;

const offsetSchema = z.int().nonnegative();
const stretchSchema = z.object({ fromMs: offsetSchema, toMs: offsetSchema }).strict();

/** One participant of one recorded call, as the ledger holds them (identifiers masked only). */
export const consentEntrySchema = z
  .object({
    id: idSchema,
    instanceId: idSchema,
    instanceName: z.string(),
    recording: z.object({ type: z.string(), id: z.string() }).strict(),
    participantId: z.string(),
    role: z.enum(callPartyRoles),
    knownAs: z.array(z.object({ kind: z.string(), masked: z.string() }).strict()),
    channel: z.int().nonnegative().nullable(),
    callStartedAt: timestampSchema,
    callDurationMs: offsetSchema,
    joinedAtMs: offsetSchema,
    leftAtMs: offsetSchema.nullable(),
    facts: z.array(z.object({ kind: z.enum(["disclosed", "given", "declined", "withdrawn"]), atMs: offsetSchema, capture: z.enum(consentCaptures).optional() }).strict()),
    /** ISO 3166 (US states as `US-CA`), `organisation` for staff, or `unknown`. */
    region: z.string(),
    rule: z.enum(consentRules),
    disclosedAtMs: offsetSchema.nullable(),
    consentedAtMs: offsetSchema.nullable(),
    capture: z.enum(consentCaptures).nullable(),
    withdrawnAtMs: offsetSchema.nullable(),
    consented: z.boolean(),
    unconsented: z.array(stretchSchema),
    reason: z.string(),
    /** The newest remediation of this participant, if any. */
    remediation: z.object({ id: idSchema, status: z.enum(remediationStatuses) }).strict().nullable(),
  })
  .strict();
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

/** `GET /api/v1/consent/gaps`: calls that started in `[from, to)`, one system or all. */
export const consentGapQuerySchema = z
  .object({
    instanceId: idSchema.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
  .refine((query) => query.from === undefined || query.to === undefined || Date.parse(query.from) < Date.parse(query.to), {
    message: "from must be before to",
    path: ["from"],
  });
export type ConsentGapQuery = z.infer<typeof consentGapQuerySchema>;

export const consentGapReportSchema = z
  .object({
    /** Per system and month (`YYYY-MM`, UTC): participants lacking consent and the calls they are on. */
    summary: z.array(
      z.object({ instanceId: idSchema, instanceName: z.string(), period: z.string(), participants: z.int().nonnegative(), calls: z.int().nonnegative() }).strict(),
    ),
    entries: z.array(consentEntrySchema),
    total: z.int().nonnegative(),
  })
  .strict();
export type ConsentGapReport = z.infer<typeof consentGapReportSchema>;

/** `POST /api/v1/connector-instances/:id/consent-syncs`: the calls that started inside `interval` (default: every call until now). */
export const startConsentSyncBodySchema = z.object({ interval: sweepIntervalSchema.optional() }).strict();
export type StartConsentSyncBody = z.infer<typeof startConsentSyncBodySchema>;

export const consentSyncSchema = z
  .object({
    id: idSchema,
    instanceId: idSchema,
    interval: z.string(),
    status: z.enum(["queued", "running", "completed", "failed"]),
    pages: z.int().nonnegative(),
    calls: z.int().nonnegative(),
    participants: z.int().nonnegative(),
    unconsented: z.int().nonnegative(),
    startedAt: timestampSchema,
    updatedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    error: z.string().nullable(),
  })
  .strict();
export type ConsentSync = z.infer<typeof consentSyncSchema>;

/** `POST /api/v1/consent/remediations`: draft the remediation of one participant's unconsented recording. */
export const planConsentRemediationBodySchema = z.object({ entryId: idSchema, action: z.enum(remediationActions) }).strict();
export type PlanConsentRemediationBody = z.infer<typeof planConsentRemediationBodySchema>;

export const consentRemediationSchema = z
  .object({
    id: idSchema,
    ledgerEntryId: idSchema,
    instanceId: idSchema,
    recording: z.object({ type: z.string(), id: z.string() }).strict(),
    action: z.enum(remediationActions),
    /** For `redact-party`: the stretches of the participant's channel to mute. */
    spans: z.array(z.object({ channel: z.int().nonnegative(), startMs: offsetSchema, endMs: offsetSchema }).strict()),
    status: z.enum(remediationStatuses),
    createdBy: z.string(),
    createdAt: timestampSchema,
    approvedBy: z.string().nullable(),
    approvedAt: timestampSchema.nullable(),
    /** The connector's receipt once it ran. */
    receipt: z.object({ outcome: z.string(), detail: z.string().optional() }).strict().nullable(),
    /** The legal hold that kept the call, in words. */
    heldBy: z.string().nullable(),
    error: z.string().nullable(),
    finishedAt: timestampSchema.nullable(),
  })
  .strict();
export type ConsentRemediation = z.infer<typeof consentRemediationSchema>;
