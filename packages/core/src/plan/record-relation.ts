import type { LocatedRecord } from "@lethe/connector-sdk";

/**
 * How a located record stands to the subject travels in the located record's `facts` (jsonb)
 * beside what holds match on, under `relation` and `mentionFields`: it is a fact the connector
 * reports about the record, read back when the plan is built, and needs no column of its own.
 */
export function storedFacts(record: LocatedRecord): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...(record.facts ?? {}) };
  if (record.relation === "mentions") {
    facts.relation = "mentions";
    facts.mentionFields = [...new Set(record.mentionFields ?? [])];
  }
  return facts;
}

/** Another person's record that only mentions the subject: the fields holding the mention. */
export interface Mention {
  fields: string[];
}

/** The mention stored with a located record's facts, if the connector reported one. */
export function mentionOf(facts: unknown): Mention | undefined {
  if (facts === null || typeof facts !== "object") return undefined;
  const { relation, mentionFields } = facts as { relation?: unknown; mentionFields?: unknown };
  if (relation !== "mentions") return undefined;
  const fields = Array.isArray(mentionFields) ? mentionFields.filter((field): field is string => typeof field === "string") : [];
  return { fields };
}
