import type { z } from "zod";
import { anyOf } from "../client/soql-any-of";
import type { SalesforceClient } from "../client/salesforce-client";
import { queryRecords } from "./read-records";

/**
 * The records of `select` (`SELECT … FROM Obj`) matching any of `alternatives` (see `anyOf`): one
 * queryAll for all of them, more only past the URL cap. A record matching alternatives in two
 * queries is returned once, where it came first. Nothing is queried for no alternatives.
 */
export async function queryAnyOf<T extends z.ZodType>(
  client: SalesforceClient,
  select: string,
  alternatives: readonly string[],
  schema: T,
  options: { route: string; recordType: string; signal: AbortSignal },
): Promise<z.output<T>[]> {
  const records: z.output<T>[] = [];
  const seen = new Set<unknown>();
  for (const where of anyOf(alternatives)) {
    options.signal.throwIfAborted();
    for (const record of await queryRecords(client, `${select} WHERE ${where}`, schema, { route: options.route, recordType: options.recordType })) {
      const id: unknown = typeof record === "object" && record !== null && "Id" in record ? record.Id : record;
      if (seen.has(id)) continue;
      seen.add(id);
      records.push(record);
    }
  }
  return records;
}
