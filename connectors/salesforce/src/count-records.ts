import { VendorContractError, type RecordCount, type RecordCountQuery } from "@lethe/connector-sdk";
import { salesforceClient } from "./client/salesforce-client";
import type { SalesforceContext } from "./settings";
import { isSalesforceObject } from "./vendor/records";

/**
 * `SELECT COUNT() FROM <object>` through the query endpoint: Salesforce answers the number of
 * rows as `totalSize` with no records
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_count.htm).
 * `query`, not `queryAll`: the Recycle Bin is not counted, as it is not what the org holds in use.
 * One API call per object, whatever its size.
 */
export async function countRecords(ctx: SalesforceContext, query: RecordCountQuery): Promise<RecordCount> {
  const { recordType } = query;
  // The object name goes into SOQL: only the connector's own object names, never free text.
  if (!isSalesforceObject(recordType)) throw new TypeError(`Salesforce connector has no object "${recordType}" to count`);
  const route = "query.count";
  const client = await salesforceClient(ctx);
  const result: unknown = await client.call(route, async (connection) => await connection.query(`SELECT COUNT() FROM ${recordType}`, { scanAll: false }));
  const totalSize = typeof result === "object" && result !== null && "totalSize" in result ? result.totalSize : undefined;
  if (typeof totalSize !== "number" || !Number.isSafeInteger(totalSize) || totalSize < 0) {
    throw new VendorContractError(`${route} answered without a totalSize count`, { route, recordType });
  }
  return { count: totalSize, exact: true };
}
