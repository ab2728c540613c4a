import { declaredInventory, declaredOperations, retentionInWords, type AnyConnector } from "@lethe/connector-sdk";
import type { DataInventoryView, InventoryRecordType, InventorySystem } from "@lethe/contracts";

export interface InventoryInstance {
  id: string;
  name: string;
  enabled: boolean;
  connectorId: string;
}

export interface InventoryCount {
  instanceId: string;
  recordType: string;
  count: number;
  exact: boolean;
  countedAt: Date;
}

/**
 * The data inventory as the API and the console show it: per connector instance, each record type
 * of its connector with what the connector declares (categories, fields, purposes, basis,
 * retention) and the latest count. Pure. A connector that is not installed, or that predates the
 * inventory (contract 1.0), is listed with its record types as not declared rather than dropped:
 * the gap is what a record of processing activities must show.
 */
export function inventoryReport(input: {
  instances: readonly InventoryInstance[];
  connectorOf: (connectorId: string) => AnyConnector | undefined;
  counts: readonly InventoryCount[];
  now: Date;
}): DataInventoryView {
  const countOf = new Map(input.counts.map((count) => [`${count.instanceId}/${count.recordType}`, count]));
  const systems = input.instances.map((instance): InventorySystem => {
    const connector = input.connectorOf(instance.connectorId);
    const inventory = declaredInventory(connector);
    const countable = new Set(connector ? (declaredOperations(connector).countRecords?.recordTypes ?? []) : []);
    const recordTypes = connector ? Object.keys(connector.recordSchemas) : [];
    return {
      instanceId: instance.id,
      instanceName: instance.name,
      enabled: instance.enabled,
      connector: { id: instance.connectorId, version: connector?.version ?? null, title: connector?.title ?? null },
      inventoryDeclared: inventory !== undefined,
      recordTypes: recordTypes.map((recordType): InventoryRecordType => {
        const entry = inventory?.[recordType];
        const count = countOf.get(`${instance.id}/${recordType}`);
        return {
          recordType,
          declared: entry !== undefined,
          categories: entry ? [...entry.categories] : [],
          fields: entry ? Object.fromEntries(Object.entries(entry.fields).map(([path, categories]) => [path, [...categories]])) : {},
          purposes: entry ? [...entry.purposes] : [],
          lawfulBasis: entry?.lawfulBasis ?? null,
          basisNote: entry?.basisNote ?? null,
          retention: entry
            ? { period: entry.retention.period, from: entry.retention.from, note: entry.retention.note ?? null, inWords: retentionInWords(entry.retention) }
            : null,
          countable: countable.has(recordType),
          count: count ? { value: count.count, exact: count.exact, countedAt: count.countedAt.toISOString() } : null,
        };
      }),
    };
  });
  return { generatedAt: input.now.toISOString(), systems };
}
