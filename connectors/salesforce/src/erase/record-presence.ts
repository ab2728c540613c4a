import { soqlIdList } from "../client/soql-literal";
import type { SalesforceClient } from "../client/salesforce-client";
import { queryRecords } from "../vendor/read-records";
import type { SalesforceObject } from "../vendor/records";
import { z } from "zod";

const presence = z.looseObject({ attributes: z.object({ type: z.string(), url: z.string() }), Id: z.string(), IsDeleted: z.boolean() });

/**
 * Where each record is now, by queryAll: active, in the Recycle Bin, or gone for good (absent
 * from queryAll). Erase decides from this, so that a second erase changes nothing.
 */
export async function recordPresence(client: SalesforceClient, type: SalesforceObject, ids: string[]): Promise<Map<string, "active" | "recycle-bin">> {
  const where = new Map<string, "active" | "recycle-bin">();
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await queryRecords(client, `SELECT Id, IsDeleted FROM ${type} WHERE Id IN ${soqlIdList(ids.slice(i, i + 200))}`, presence, {
      route: `erase.presence.${type}`,
      recordType: type,
    });
    for (const row of rows) where.set(row.Id, row.IsDeleted ? "recycle-bin" : "active");
  }
  return where;
}
