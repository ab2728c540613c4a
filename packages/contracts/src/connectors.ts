import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/** A JSON Schema (draft 2020-12) document, as produced by zod's `z.toJSONSchema`. */
export const jsonSchemaDocumentSchema = z.record(z.string(), z.unknown());

export const eraseModeSchema = z.enum(["hard", "soft", "anonymise"]);

export const capabilitiesSchema = z
  .object({
    locate: z.literal(true),
    export: z.boolean(),
    erase: z.union([
      z.literal(false),
      z.object({ mode: eraseModeSchema, caveats: z.array(z.string()).optional() }).strict(),
    ]),
    redact: z.boolean(),
    hold: z.boolean(),
    discover: z.boolean(),
    confirm: z.boolean(),
    /** Record type → fields it can update for a rectification (GDPR Art. 16); false or absent: none. */
    rectify: z.union([z.literal(false), z.record(z.string(), z.array(z.string()))]).optional(),
    /** Whether it can mark records restricted from processing (Art. 18) and lift it. */
    restrict: z.boolean().optional(),
    /** Whether it can find and remove payment card numbers across its records (a PCI DSS sweep). */
    cardSweep: z.boolean().optional(),
    /** The record type whose audio it can stream for playback; false or absent: none. */
    recordingAudio: z.union([z.literal(false), z.object({ recordType: z.string() }).strict()]).optional(),
    /** Whether it reports other people's records that only mention the subject, and redacts them (never deletes). */
    mentions: z.boolean().optional(),
    /** Whether it reads records back by id after erasure, so verification proves each one gone. */
    readBack: z.boolean().optional(),
    /** The record types it counts through the vendor's count mechanism (the inventory's discovery scan); false or absent: none. */
    countRecords: z.union([z.literal(false), z.object({ recordTypes: z.array(z.string()) }).strict()]).optional(),
    /** Whether it reports each call participant's consent-to-record facts (the consent ledger's source). */
    consentEvidence: z.boolean().optional(),
    /** The record types whose records it can find by age for retention schedules; false or absent: none. */
    retention: z.union([z.literal(false), z.object({ recordTypes: z.array(z.string()) }).strict()]).optional(),
  })
  .strict();
export type ConnectorCapabilities = z.infer<typeof capabilitiesSchema>;

/** An installed connector (a plugin), as `GET /api/v1/connector-types` lists it. */
export const connectorTypeSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    description: z.string(),
    docsUrl: z.string(),
    capabilities: capabilitiesSchema,
    identifiers: z.array(z.string()),
    /** Record type → categories of personal data, from the connector's data inventory (empty when it declares none). */
    dataCategories: z.record(z.string(), z.array(z.string())),
    /** The vendor's documented default; an instance may set a lower ceiling. */
    rateLimit: z.object({ requestsPerMinute: z.number() }).strict(),
    /** Drives the console's settings form. */
    settingsSchema: jsonSchemaDocumentSchema,
    /** Drives the console's secrets form. Secret values are write-only. */
    secretsSchema: jsonSchemaDocumentSchema,
    /** A valid settings value to prefill forms with (never secrets). */
    exampleSettings: z.unknown(),
  })
  .strict();
export type ConnectorType = z.infer<typeof connectorTypeSchema>;

export const connectorTypeListSchema = z.object({ connectorTypes: z.array(connectorTypeSchema) }).strict();
export type ConnectorTypeList = z.infer<typeof connectorTypeListSchema>;

/** Settings and secrets are objects; their fields are checked against the connector's own schemas. */
const configurationObjectSchema = z.record(z.string(), z.unknown());
const rateLimitPerMinuteSchema = z.number().int().positive().max(1_000_000);

/** `POST /api/v1/connector-instances` */
export const createConnectorInstanceBodySchema = z
  .object({
    connectorId: z.string().min(1).max(100),
    name: z.string().trim().min(1, "must not be empty").max(200),
    settings: configurationObjectSchema,
    secrets: configurationObjectSchema,
    rateLimitPerMinute: rateLimitPerMinuteSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type CreateConnectorInstanceBody = z.infer<typeof createConnectorInstanceBodySchema>;

/** `PATCH /api/v1/connector-instances/:id`: only what is given changes; secrets are replaced whole. */
export const updateConnectorInstanceBodySchema = z
  .object({
    settings: configurationObjectSchema.optional(),
    secrets: configurationObjectSchema.optional(),
    /** null returns to the connector's declared default. */
    rateLimitPerMinute: rateLimitPerMinuteSchema.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateConnectorInstanceBody = z.infer<typeof updateConnectorInstanceBodySchema>;

/** The outcome of a connection test (the connector's `check`). */
export const connectionTestResultSchema = z
  .object({
    ok: z.boolean(),
    /**
     * On failure: `auth`, `scope`, `configuration`, `rate_limited`, `transient`, `vendor_contract`, `unknown`, or
     * `unreachable` for every failure without a vendor answer (refused, reset, timeout): one answer, so no port scan.
     */
    code: z.string().nullable(),
    /** Safe to show: scrubbed of secrets. */
    message: z.string().nullable(),
    checkedAt: timestampSchema,
    durationMs: z.number().int().nonnegative(),
  })
  .strict();
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

/** How a connection's latest real work for a request went. */
export const connectionUseOutcomeSchema = z.enum(["ok", "failed", "retrying"]);
export type ConnectionUseOutcome = z.infer<typeof connectionUseOutcomeSchema>;

/**
 * A configured connection as every response shows it. Secrets are write-only: a response says
 * only that they are configured, never their values or their key names.
 */
export const connectorInstanceSchema = z
  .object({
    id: idSchema,
    connectorId: z.string(),
    /** False when the connector is no longer installed. */
    connectorInstalled: z.boolean(),
    name: z.string(),
    settings: z.unknown(),
    secretsConfigured: z.literal(true),
    rateLimitPerMinute: z.number().int().nullable(),
    /** The ceiling in force: the instance's own or the connector's declared default. */
    effectiveRateLimitPerMinute: z.number().nullable(),
    enabled: z.boolean(),
    /** Set while the vendor asked every worker to back off (a 429). */
    pausedUntil: timestampSchema.nullable(),
    lastTest: connectionTestResultSchema.nullable(),
    /** When the connection last did real work for a request (a task finished, failed or hit an error); null: never. */
    lastUsedAt: timestampSchema.nullable(),
    /** How that work went: `ok`, `failed` for good, or `retrying` after an error. */
    lastOutcome: connectionUseOutcomeSchema.nullable(),
    /** That work's error line, scrubbed of identifiers and secrets; null when it went well. */
    lastError: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .strict();
export type ConnectorInstanceView = z.infer<typeof connectorInstanceSchema>;

export const connectorInstanceListSchema = z
  .object({ connectorInstances: z.array(connectorInstanceSchema) })
  .strict();
export type ConnectorInstanceList = z.infer<typeof connectorInstanceListSchema>;

export const connectorInstanceResponseSchema = z.object({ connectorInstance: connectorInstanceSchema }).strict();
export type ConnectorInstanceResponse = z.infer<typeof connectorInstanceResponseSchema>;

export const connectorTypeParamsSchema = z.object({ connectorId: z.string().min(1).max(100) }).strict();
