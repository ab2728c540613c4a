import { z } from "zod";
import { cursorSchema, idSchema, pageLimitSchema, timestampSchema } from "./common";

/**
 * The request vocabulary. The same lists live in @lethe/core (the engine's source of truth);
 * `vocabulary.test.ts` fails if the two drift. Contracts carry their own copy so that the console
 * can import them without the engine (core needs Node).
 */
export const requestTypes = ["access", "portability", "erasure", "rectification", "restriction"] as const;
export const requestTypeSchema = z.enum(requestTypes);
export type RequestType = z.infer<typeof requestTypeSchema>;

export const regimes = ["gdpr", "ccpa"] as const;
export const regimeSchema = z.enum(regimes);
export type Regime = z.infer<typeof regimeSchema>;

export const requestStatuses = [
  "received",
  "verifying",
  "verified",
  "locating",
  "review",
  "executing",
  "completed",
  "partially_completed",
  "rejected",
  "cancelled",
  "paused",
] as const;
export const requestStatusSchema = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/** Statuses after which nothing more happens to a request. */
export const terminalRequestStatuses = [
  "completed",
  "partially_completed",
  "rejected",
  "cancelled",
] as const satisfies readonly RequestStatus[];

/** Identifier kinds a requester can give when filing. */
export const givenIdentifierKinds = ["email", "phone"] as const;
export const givenIdentifierSchema = z
  .object({
    kind: z.enum(givenIdentifierKinds),
    value: z.string().trim().min(1, "must not be empty").max(320),
  })
  .strict();
export type GivenIdentifier = z.infer<typeof givenIdentifierSchema>;

/**
 * Fields a rectification may correct (the names connectors declare in `capabilities.rectify`).
 * The same list lives in @lethe/runtime's request-parameters.ts, which also normalises the values.
 */
export const rectifiableFields = ["name", "email", "phone"] as const;
export const fieldChangeSchema = z
  .object({
    field: z.enum(rectifiableFields),
    /** The corrected value; e-mail and phone values are normalised as identifiers are. */
    value: z.string().trim().min(1, "must not be empty").max(320),
  })
  .strict();
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** `POST /api/v1/requests` */
export const createRequestBodySchema = z
  .object({
    type: requestTypeSchema,
    regime: regimeSchema,
    identifiers: z.array(givenIdentifierSchema).min(1, "a request needs at least one identifier").max(20),
    /** When the organisation received it (any channel); default now. The deadline runs from here. */
    receivedAt: timestampSchema.optional(),
    /** ISO 3166-1 alpha-2 region for phone numbers without a country code; default the server's. */
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 region such as GB or US")
      .optional(),
    /** rectification only, and required there: the corrections asked for, one per field. */
    changes: z.array(fieldChangeSchema).min(1, "name at least one field to correct").max(rectifiableFields.length).optional(),
    /** restriction only: true lifts an earlier restriction instead of setting one. */
    lift: z.boolean().optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.type === "rectification" && body.changes === undefined) {
      ctx.addIssue({ code: "custom", path: ["changes"], message: "a rectification needs the changes asked for" });
    }
    if (body.type !== "rectification" && body.changes !== undefined) {
      ctx.addIssue({ code: "custom", path: ["changes"], message: "only a rectification takes changes" });
    }
    if (body.type !== "restriction" && body.lift !== undefined) {
      ctx.addIssue({ code: "custom", path: ["lift"], message: "only a restriction takes lift" });
    }
    const seen = new Set<string>();
    body.changes?.forEach((change, index) => {
      if (seen.has(change.field)) ctx.addIssue({ code: "custom", path: ["changes", index, "field"], message: "is given twice" });
      seen.add(change.field);
    });
  });
export type CreateRequestBody = z.infer<typeof createRequestBodySchema>;

/**
 * The orders `GET /api/v1/requests` can list in: by time of receipt or by due date, each either
 * way. Ties break on the request id in the same direction, so keyset pages never shift.
 */
export const requestListSorts = ["received-desc", "received-asc", "due-asc", "due-desc"] as const;
export const requestListSortSchema = z.enum(requestListSorts);
export type RequestListSort = z.infer<typeof requestListSortSchema>;

/** `GET /api/v1/requests` query string. */
export const listRequestsQuerySchema = z
  .object({
    status: requestStatusSchema.optional(),
    /** open: not yet in a terminal status (`terminalRequestStatuses`); closed: in one. */
    state: z.enum(["open", "closed"]).optional(),
    type: requestTypeSchema.optional(),
    regime: regimeSchema.optional(),
    /** Only requests due at or before this time (overdue and due-soon views). */
    dueBefore: timestampSchema.optional(),
    /** Only requests that have work on this connector instance. */
    instanceId: idSchema.optional(),
    /** Matches a request id prefix or, case-insensitively, part of a subject identifier. */
    q: z.string().trim().min(1).max(200).optional(),
    /** Default newest received first. A cursor only continues the order it was handed out for. */
    sort: requestListSortSchema.default("received-desc"),
    cursor: cursorSchema.optional(),
    limit: pageLimitSchema,
  })
  .strict();
export type ListRequestsQuery = z.input<typeof listRequestsQuerySchema>;

export const deadlinePeriodSchema = z
  .object({
    unit: z.enum(["month", "day"]),
    amount: z.number().int().positive(),
  })
  .strict();
export type DeadlinePeriod = z.infer<typeof deadlinePeriodSchema>;

/** One request as lists show it. */
export const requestSummarySchema = z
  .object({
    id: idSchema,
    type: requestTypeSchema,
    regime: regimeSchema,
    status: requestStatusSchema,
    receivedAt: timestampSchema,
    dueAt: timestampSchema,
    /** Calendar days left on the organisation's calendar: 0 on the due day, negative when overdue. */
    daysLeft: z.number().int(),
    timeZone: z.string(),
    /** The whole extension granted so far; null if none. */
    extension: deadlinePeriodSchema.nullable(),
    exportAvailable: z.boolean(),
    /**
     * How many of its identifiers are on the suppression list: the person was erased before and
     * is found again (a restored backup, a re-import, a returning customer). Look before acting.
     */
    suppressionMatches: z.number().int(),
    /** When Lethe replaced the subject's identifiers with keyed hashes (retention over); null before. */
    minimisedAt: timestampSchema.nullable(),
    /** Non-identifying outcome details (counts, failures), set when the request closes. */
    outcome: z.unknown(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict();
export type RequestSummary = z.infer<typeof requestSummarySchema>;

/** One request as the inbox lists it: the summary and who it is about, masked. */
export const requestListItemSchema = requestSummarySchema
  .extend({
    /**
     * The first identifier the requester gave, masked (`al•••@example.com`, `•••••••1234`) so a
     * list can be told apart at a glance without showing whole identifiers; null once the request
     * is minimised (its identifiers are keyed hashes then).
     */
    subject: z.string().nullable(),
  })
  .strict();
export type RequestListItem = z.infer<typeof requestListItemSchema>;

export const requestListSchema = z
  .object({
    requests: z.array(requestListItemSchema),
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: cursorSchema.nullable(),
  })
  .strict();
export type RequestList = z.infer<typeof requestListSchema>;

export const statusChangeSchema = z
  .object({
    from: requestStatusSchema.nullable(),
    to: requestStatusSchema,
    actor: z.string(),
    reason: z.string().nullable(),
    at: timestampSchema,
  })
  .strict();
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const subjectIdentifierSchema = z
  .object({
    kind: z.string(),
    value: z.string(),
    system: z.string().nullable(),
    provenance: z.string(),
    strength: z.string(),
  })
  .strict();
export type SubjectIdentifier = z.infer<typeof subjectIdentifierSchema>;

/** Work on one connector instance in one phase (locate, export, erase, verify). */
export const connectorProgressSchema = z
  .object({
    instanceId: idSchema,
    instanceName: z.string(),
    connectorId: z.string(),
    connectorVersion: z.string(),
    phase: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    progress: z.unknown(),
    lastError: z.string().nullable(),
    updatedAt: timestampSchema,
  })
  .strict();
export type ConnectorProgress = z.infer<typeof connectorProgressSchema>;

export const locatedRecordSchema = z
  .object({
    instanceId: idSchema,
    type: z.string(),
    id: z.string(),
    strength: z.string(),
    label: z.string().nullable(),
    matchedBy: z.unknown(),
  })
  .strict();
export type LocatedRecordView = z.infer<typeof locatedRecordSchema>;

export const receiptSchema = z
  .object({
    instanceId: idSchema,
    connectorId: z.string(),
    connectorVersion: z.string(),
    type: z.string(),
    id: z.string(),
    phase: z.string(),
    outcome: z.string(),
    detail: z.string().nullable(),
    at: timestampSchema,
  })
  .strict();
export type ReceiptView = z.infer<typeof receiptSchema>;

/** How the requester was told of an extension. */
export const noticeChannels = ["email", "post", "phone", "portal", "in_person"] as const;
export const extensionNoticeSchema = z
  .object({
    channel: z.enum(noticeChannels),
    /** What the requester was told: the extension, its length and why (GDPR Art. 12(3)). */
    text: z.string().trim().min(1, "record what the requester was told").max(5000),
  })
  .strict();
export type ExtensionNotice = z.infer<typeof extensionNoticeSchema>;

export const deadlineExtensionSchema = z
  .object({
    /** The whole extension after this grant. */
    totalExtension: deadlinePeriodSchema,
    reason: z.string(),
    noticeAt: timestampSchema,
    /** Null only for extensions recorded before notices were kept. */
    notice: extensionNoticeSchema.nullable(),
    previousDueAt: timestampSchema,
    dueAt: timestampSchema,
    actor: z.string(),
    at: timestampSchema,
  })
  .strict();
export type DeadlineExtension = z.infer<typeof deadlineExtensionSchema>;

/** Identity verification (Art. 12(6)) of the subject; never the code or its hash. */
export const identityVerificationSchema = z
  .object({
    method: z.enum(["attestation", "email_code"]),
    status: z.enum(["pending", "verified", "failed"]),
    /** Wrong codes entered so far (5 fail the verification). */
    attempts: z.number().int(),
    /** Until when the last code sent works; null for an attestation. */
    codeExpiresAt: timestampSchema.nullable(),
    verifiedBy: z.string().nullable(),
    verifiedAt: timestampSchema.nullable(),
    /** The attesting staff member's note on how the identity was checked. */
    note: z.string().nullable(),
  })
  .strict();
export type IdentityVerification = z.infer<typeof identityVerificationSchema>;

/** `GET /api/v1/requests/:id` */
export const requestDetailSchema = z
  .object({
    request: requestSummarySchema,
    history: z.array(statusChangeSchema),
    identifiers: z.array(subjectIdentifierSchema),
    progress: z.array(connectorProgressSchema),
    locatedRecords: z.array(locatedRecordSchema),
    receipts: z.array(receiptSchema),
    extensions: z.array(deadlineExtensionSchema),
    /** Null until an attestation or a code was started for a request that needs verification. */
    verification: identityVerificationSchema.nullable(),
    export: z.object({ available: z.boolean(), sha256: z.string().nullable() }).strict(),
  })
  .strict();
export type RequestDetail = z.infer<typeof requestDetailSchema>;

/** `POST /api/v1/requests` answer. */
export const createdRequestSchema = z.object({ request: requestSummarySchema }).strict();
export type CreatedRequest = z.infer<typeof createdRequestSchema>;

/** `POST /api/v1/requests/:id/cancel` */
export const cancelRequestBodySchema = z
  .object({
    reason: z.string().trim().min(1, "a cancellation needs a reason").max(2000),
  })
  .strict();
export type CancelRequestBody = z.infer<typeof cancelRequestBodySchema>;

/**
 * `POST /api/v1/requests/:id/extend-deadline`. `additional` is added to what was granted before;
 * the regime's rule is enforced by the server — GDPR: up to two further months in all, the
 * requester told within the first month; CCPA: once, by up to 45 days, told before the original
 * deadline. `notice` records how and what the requester was told.
 */
export const extendDeadlineBodySchema = z
  .object({
    additional: deadlinePeriodSchema,
    reason: z.string().trim().min(1, "an extension needs a reason").max(2000),
    /** When the requester was (or is being) told; default now. Not in the future. */
    noticeAt: timestampSchema.optional(),
    notice: extensionNoticeSchema,
  })
  .strict();
export type ExtendDeadlineBody = z.infer<typeof extendDeadlineBodySchema>;

/** `POST /api/v1/requests/:id/export-link`: a signed link valid for a few minutes. */
export const exportLinkSchema = z
  .object({
    /** Path on this API, e.g. `/api/v1/exports/<token>`; GET it to download the zip. */
    url: z.string(),
    expiresAt: timestampSchema,
  })
  .strict();
export type ExportLink = z.infer<typeof exportLinkSchema>;

export const exportTokenParamsSchema = z.object({ token: z.string().min(1).max(1024) }).strict();
