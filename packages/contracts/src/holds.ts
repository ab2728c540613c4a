import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/**
 * Legal holds (issue 4, docs/domain.md, Art. 17(3)). A person hold names the person by identifiers
 * (stored only as keyed hashes); a record hold one record on one instance; a case hold a case or
 * dispute id carried by records; a rule hold a class of records and how long they are kept.
 */
const basisSchema = z.string().trim().min(1, "a hold needs its legal basis").max(500);

export const holdSelectorSchema = z.discriminatedUnion("scope", [
  z
    .object({
      scope: z.literal("person"),
      identifiers: z
        .array(z.object({ kind: z.enum(["email", "phone"]), value: z.string().trim().min(1).max(320) }).strict())
        .min(1),
    })
    .strict(),
  z
    .object({
      scope: z.literal("record"),
      instanceId: idSchema,
      recordType: z.string().min(1).max(100),
      recordId: z.string().min(1).max(500),
    })
    .strict(),
  z.object({ scope: z.literal("case"), caseId: z.string().trim().min(1).max(200) }).strict(),
  z
    .object({
      scope: z.literal("rule"),
      connectorId: z.string().min(1).max(100).optional(),
      recordType: z.string().min(1).max(100).optional(),
      tag: z.string().min(1).max(100).optional(),
      retainYears: z.number().int().min(1).max(30),
    })
    .strict(),
]);
export type HoldSelector = z.infer<typeof holdSelectorSchema>;

/** `POST /api/v1/holds` */
export const createHoldBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    basis: basisSchema,
    owner: z.string().trim().min(1).max(200),
    selector: holdSelectorSchema,
    /** Keep the record but redact personal data the basis does not need (e.g. a spoken card number). */
    redactNonEssential: z.boolean().default(false),
    reviewAt: timestampSchema.optional(),
    expiresAt: timestampSchema.optional(),
  })
  .strict();
export type CreateHoldBody = z.input<typeof createHoldBodySchema>;

/** `POST /api/v1/holds/:id/end`: the held records' pending erasures then run by themselves. */
export const endHoldBodySchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export type EndHoldBody = z.infer<typeof endHoldBodySchema>;

export const holdSchema = z
  .object({
    id: idSchema,
    scope: z.enum(["person", "record", "case", "rule"]),
    title: z.string(),
    basis: z.string(),
    owner: z.string(),
    /** The selector as stored: a person hold shows only how many identifiers it names. */
    selector: z.unknown(),
    redactNonEssential: z.boolean(),
    reviewAt: timestampSchema.nullable(),
    expiresAt: timestampSchema.nullable(),
    endedAt: timestampSchema.nullable(),
    endedBy: z.string().nullable(),
    endReason: z.string().nullable(),
    createdBy: z.string(),
    createdAt: timestampSchema,
    /** Records currently retained under it, across requests. */
    retainedRecords: z.number().int(),
    /** Erasures that ran when it ended (or when a rule's retention ran out). */
    releasedRecords: z.number().int(),
  })
  .strict();
export type Hold = z.infer<typeof holdSchema>;
export const holdListSchema = z.object({ holds: z.array(holdSchema) }).strict();
export const holdResponseSchema = z.object({ hold: holdSchema }).strict();
