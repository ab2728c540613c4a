import { z } from "zod";
import { idSchema, timestampSchema } from "./common";

/*
 * The data inventory (docs/data-inventory.md): per connector instance, what each record type holds,
 * why, on which basis and for how long, as the connector declares it, with the latest count of a
 * discovery scan. The base of a record of processing activities (GDPR Art. 30).
 */

/** The lawful bases of GDPR Art. 6(1) (a)–(f). */
export const lawfulBasisSchema = z.enum(["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"]);

export const inventoryCountSchema = z
  .object({
    value: z.int().nonnegative(),
    /** False when the vendor answered an estimate. */
    exact: z.boolean(),
    countedAt: timestampSchema,
  })
  .strict();

export const inventoryRecordTypeSchema = z
  .object({
    recordType: z.string(),
    /** False for a connector built before the inventory (contract 1.0): the fields below are empty. */
    declared: z.boolean(),
    categories: z.array(z.string()),
    /** Field path → the categories it holds. */
    fields: z.record(z.string(), z.array(z.string())),
    purposes: z.array(z.string()),
    lawfulBasis: lawfulBasisSchema.nullable(),
    basisNote: z.string().nullable(),
    retention: z
      .object({
        /** ISO 8601 duration, e.g. `P6Y`. */
        period: z.string(),
        from: z.string(),
        note: z.string().nullable(),
        /** The period in words with what it runs from, e.g. "6 years from the end of the customer relationship". */
        inWords: z.string(),
      })
      .strict()
      .nullable(),
    /** Whether the connector can count this type (a discovery scan counts it). */
    countable: z.boolean(),
    /** The most recent count a scan took; null before one did. */
    count: inventoryCountSchema.nullable(),
  })
  .strict();
export type InventoryRecordType = z.infer<typeof inventoryRecordTypeSchema>;

export const inventorySystemSchema = z
  .object({
    instanceId: idSchema,
    instanceName: z.string(),
    enabled: z.boolean(),
    connector: z.object({ id: z.string(), version: z.string().nullable(), title: z.string().nullable() }).strict(),
    /** False when the connector is not installed or declares no inventory. */
    inventoryDeclared: z.boolean(),
    recordTypes: z.array(inventoryRecordTypeSchema),
  })
  .strict();
export type InventorySystem = z.infer<typeof inventorySystemSchema>;

/** `GET /api/v1/inventory` */
export const dataInventorySchema = z
  .object({
    generatedAt: timestampSchema,
    systems: z.array(inventorySystemSchema),
  })
  .strict();
export type DataInventoryView = z.infer<typeof dataInventorySchema>;

export const inventoryScanInstanceStatusSchema = z.enum(["pending", "completed", "failed", "not-countable"]);

export const inventoryScanSchema = z
  .object({
    id: idSchema,
    startedAt: timestampSchema,
    /** `running` while any instance is pending. */
    status: z.enum(["running", "completed"]),
    progress: z.object({ instances: z.int().nonnegative(), finished: z.int().nonnegative(), failed: z.int().nonnegative() }).strict(),
    instances: z.array(
      z
        .object({
          instanceId: idSchema,
          instanceName: z.string(),
          status: inventoryScanInstanceStatusSchema,
          /** Why it failed (secrets scrubbed); null otherwise. */
          error: z.string().nullable(),
          finishedAt: timestampSchema.nullable(),
          counts: z.array(z.object({ recordType: z.string(), count: z.int().nonnegative(), exact: z.boolean() }).strict()),
        })
        .strict(),
    ),
  })
  .strict();
export type InventoryScan = z.infer<typeof inventoryScanSchema>;

/** `POST /api/v1/inventory/scans`: nothing to choose, every enabled instance is scanned. */
export const startInventoryScanBodySchema = z.object({}).strict();
