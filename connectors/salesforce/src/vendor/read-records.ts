import { VendorContractError } from "@lethe/connector-sdk";
import type { z } from "zod";
import type { SalesforceClient } from "../client/salesforce-client";

/**
 * Every record of a SOQL query, all pages (jsforce follows `nextRecordsUrl`), Recycle Bin and
 * archived rows included when `all` (queryAll). Each record is checked against its schema: a
 * mismatch is a VendorContractError naming type and id, never a skipped record.
 */
export async function queryRecords<T extends z.ZodType>(
  client: SalesforceClient,
  soql: string,
  schema: T,
  options: { route: string; recordType: string; all?: boolean },
): Promise<z.output<T>[]> {
  const result: unknown = await client.call(options.route, async (connection) =>
    // The Query is a thenable that, with autoFetch, follows every nextRecordsUrl before resolving.
    await connection.query(soql, { scanAll: options.all ?? true, autoFetch: true, maxFetch: 1_000_000 }),
  );
  const records = typeof result === "object" && result !== null && "records" in result ? result.records : undefined;
  return readList(records, schema, options);
}

/** SOSL: `{searchRecords: [...]}` (API ≥ 37), each record checked against its type's schema. */
export async function searchRecords(
  client: SalesforceClient,
  sosl: string,
  schemas: Record<string, z.ZodType>,
  route: string,
): Promise<{ type: string; record: Record<string, unknown> }[]> {
  const result: unknown = await client.call(route, (connection) => connection.search(sosl));
  const list = typeof result === "object" && result !== null && "searchRecords" in result ? result.searchRecords : undefined;
  if (!Array.isArray(list)) throw new VendorContractError(`${route} answered without a searchRecords list`, { route });
  return list.map((item: unknown) => {
    const type = typeof item === "object" && item !== null && "attributes" in item && typeof item.attributes === "object" && item.attributes !== null && "type" in item.attributes ? String(item.attributes.type) : "";
    const schema = schemas[type];
    if (!schema) throw new VendorContractError(`${route} returned a record of an unexpected type`, { route, recordType: type });
    const parsed = schema.safeParse(item);
    if (!parsed.success) throw new VendorContractError(`${route} returned a ${type} record of an undocumented shape`, { route, recordType: type, issues: parsed.error.issues });
    return { type, record: parsed.data as Record<string, unknown> };
  });
}

export function readList<T extends z.ZodType>(list: unknown, schema: T, options: { route: string; recordType: string }): z.output<T>[] {
  if (!Array.isArray(list)) throw new VendorContractError(`${options.route} answered without a records list`, options);
  return list.map((item: unknown) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      const recordId = typeof item === "object" && item !== null && "Id" in item ? String(item.Id) : undefined;
      throw new VendorContractError(`${options.route} returned a ${options.recordType} record of an undocumented shape`, { ...options, recordId, issues: parsed.error.issues });
    }
    return parsed.data;
  });
}
