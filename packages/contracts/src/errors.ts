import { z } from "zod";

/**
 * Stable, machine-readable error codes. Clients branch on `code`, never on `message` (which is
 * for people and may change).
 */
export const errorCodes = [
  "validation_failed",
  "invalid_json",
  "payload_too_large",
  "unsupported_media_type",
  "unauthenticated",
  "invalid_credentials",
  "forbidden",
  "not_found",
  "conflict",
  "invalid_transition",
  "invalid_extension",
  "verification_failed",
  "invalid_identifier",
  "invalid_configuration",
  "export_unavailable",
  "invalid_download_link",
  "rate_limited",
  "bad_request",
  "database_unavailable",
  "internal_error",
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One problem with the input: `path` names the field (`identifiers.0.value`, `query.status`). */
export const fieldIssueSchema = z
  .object({
    path: z.string(),
    message: z.string(),
  })
  .strict();
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The one error shape every route answers with. `details` is a list of field issues for `validation_failed`. */
export const errorEnvelopeSchema = z
  .object({
    error: z
      .object({
        code: errorCodeSchema,
        message: z.string(),
        details: z.unknown().optional(),
      })
      .strict(),
  })
  .strict();
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
