import type { LocatedRecordView, ReceiptView, RequestDetail } from "@lethe/contracts";
import { textOf } from "../format/text-of";

export interface SystemGroup<T> {
  instanceId: string;
  name: string;
  items: T[];
}

/** The systems a request touched, by instance id → the name the progress rows carry. */
export function systemNames(detail: RequestDetail): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of detail.progress) names.set(row.instanceId, row.instanceName);
  return names;
}

function groupBySystem<T extends { instanceId: string }>(items: T[], names: Map<string, string>): Array<SystemGroup<T>> {
  const groups = new Map<string, SystemGroup<T>>();
  for (const item of items) {
    let group = groups.get(item.instanceId);
    if (!group) {
      group = { instanceId: item.instanceId, name: names.get(item.instanceId) ?? item.instanceId, items: [] };
      groups.set(item.instanceId, group);
    }
    group.items.push(item);
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function locatedRecordsBySystem(detail: RequestDetail): Array<SystemGroup<LocatedRecordView>> {
  return groupBySystem(detail.locatedRecords, systemNames(detail));
}

export function receiptsBySystem(detail: RequestDetail): Array<SystemGroup<ReceiptView>> {
  return groupBySystem(detail.receipts, systemNames(detail));
}

/** How a progress row's opaque `progress` reads in a table cell (counts, cursors), or "". */
export function describeProgress(progress: unknown): string {
  if (progress === null || progress === undefined) return "";
  if (typeof progress !== "object") return textOf(progress);
  return Object.entries(progress)
    .filter(([, value]) => typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}
