import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

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
