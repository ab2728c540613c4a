import { identifierKinds } from "@lethe/connector-sdk";
import { z } from "zod";

/* The oracle's wire shapes (the `Oracle*` types of @lethe/connector-sdk), checked on arrival. */

const identifier = z.object({
  kind: z.enum(identifierKinds),
  value: z.string(),
  system: z.string().optional(),
});

export const oraclePerson = z.object({
  id: z.string(),
  role: z.enum(["subject", "bystander"]),
  bystanderOf: z.string().optional(),
  demo: z.enum(["clean", "review"]).optional(),
  identifiers: z.array(identifier),
});

export const oraclePeopleResponse = z.object({ people: z.array(oraclePerson) });

export const oracleRecord = z.object({
  ref: z.object({ type: z.string(), id: z.string() }),
  store: z.enum(["active", "soft-deleted", "recycle-bin", "archived"]),
  personalData: z.record(z.string(), z.unknown()),
  anonymised: z.boolean(),
  /** Served by sandboxes whose vendor marks records restricted from processing. */
  restricted: z.boolean().optional(),
});

export const oracleRecordsResponse = z.object({ records: z.array(oracleRecord) });

export const oracleCardNumbersResponse = z.object({
  cardNumbers: z.array(z.object({ ref: z.object({ type: z.string(), id: z.string() }), location: z.string() })),
});

export const oracleRetentionClocksResponse = z.object({
  clocks: z.array(z.object({ ref: z.object({ type: z.string(), id: z.string() }), at: z.iso.datetime({ offset: true }) })),
});

export const oracleStats = z.object({
  calls: z.record(z.string(), z.number()),
  deletions: z.record(z.string(), z.number()),
  throttled: z.number(),
  unauthorised: z.number(),
});

export const oracleRecordCountsResponse = z.object({ counts: z.record(z.string(), z.int().nonnegative()) });
