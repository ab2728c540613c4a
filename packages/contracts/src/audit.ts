import { z } from "zod";
import { cursorSchema, idSchema, pageLimitSchema, timestampSchema } from "./common";

/** One entry of the hash-chained audit log. Payloads hold ids and counts, never identifiers. */
export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: timestampSchema,
    actor: z.string(),
    action: z.string(),
    requestId: idSchema.nullable(),
    payload: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .strict();
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /api/v1/requests/:id/audit` */
export const auditEntryListSchema = z.object({ entries: z.array(auditEntrySchema) }).strict();
export type AuditEntryList = z.infer<typeof auditEntryListSchema>;

/**
 * `GET /api/v1/audit/verification`: the whole chain re-hashed and, where the server keeps signed
 * checkpoints, compared with the latest (a truncated or shortened log fails as `entries_missing`,
 * a rewritten one as `checkpoint_mismatch`).
 */
export const auditVerificationSchema = z.discriminatedUnion("ok", [
  z
    .object({
      ok: z.literal(true),
      count: z.number().int(),
      headHash: z.string(),
      /** The latest signed checkpoint the chain was measured against; null when there is none yet. */
      checkpoint: z.object({ count: z.number().int(), at: timestampSchema }).strict().nullable().optional(),
    })
    .strict(),
  z
    .object({
      ok: z.literal(false),
      /** The first entry at which the chain breaks. */
      seq: z.number().int().nullable(),
      reason: z.string(),
      /** For people: "tampered: 6 entries missing since checkpoint at …". */
      message: z.string().optional(),
    })
    .strict(),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** `GET /api/v1/audit`: filters combine with "and"; pages run newest first. */
export const listAuditQuerySchema = z
  .object({
    requestId: idSchema.optional(),
    actor: z.string().trim().min(1).max(200).optional(),
    action: z.string().trim().min(1).max(200).optional(),
    /** Entries at or after this time. */
    from: timestampSchema.optional(),
    /** Entries at or before this time. */
    to: timestampSchema.optional(),
    cursor: cursorSchema.optional(),
    limit: pageLimitSchema,
  })
  .strict();
export type ListAuditQuery = z.input<typeof listAuditQuerySchema>;

/**
 * An entry as the audit page lists it. `id` is its insertion number; `seq`, `prevHash` and
 * `hash` are null until the sealer has given it its place in the chain.
 */
export const auditLogEntrySchema = z
  .object({
    id: z.number().int(),
    seq: z.number().int().nullable(),
    at: timestampSchema,
    actor: z.string(),
    action: z.string(),
    requestId: idSchema.nullable(),
    payload: z.unknown(),
    prevHash: z.string().nullable(),
    hash: z.string().nullable(),
  })
  .strict();
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const auditLogPageSchema = z
  .object({
    entries: z.array(auditLogEntrySchema),
    /** Pass as `cursor` for the next (older) page; null on the last. */
    nextCursor: cursorSchema.nullable(),
    /** Every action the log holds, for the filter. */
    actions: z.array(z.string()),
  })
  .strict();
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
