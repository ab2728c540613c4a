import type { RequestDetail } from "@lethe/runtime";

/** A request detail with just what `--wait` reads: status, located records per instance, receipts. */
export function detailOf(input: {
  status: string;
  type?: string;
  located?: Array<{ instance: string; id: string; strength?: string }>;
  receipts?: Array<{ instance: string; id: string; outcome: string }>;
  exportPath?: string;
}): RequestDetail {
  const at = new Date("2026-01-01T00:00:00Z");
  const instances = [...new Set((input.located ?? []).map((record) => record.instance))];
  return {
    request: {
      id: "0b7f6c1e-8d61-4a6f-9a55-6f1c2c8a9e10",
      type: input.type ?? "erasure",
      regime: "gdpr",
      status: input.status,
      receivedAt: at,
      dueAt: at,
      timeZone: "UTC",
      exportPath: input.exportPath ?? null,
      exportSha256: null,
      outcome: null,
      suppressionMatches: 0,
      minimisedAt: null,
      createdAt: at,
      updatedAt: at,
    },
    history: [],
    identifiers: [],
    tasks: instances.map((instance) => ({
      instanceId: `id-${instance}`,
      instanceName: instance,
      connectorId: instance.replace(/^demo-/, ""),
      connectorVersion: "0.1.0",
      phase: "locate",
      status: "done",
      attempts: 1,
      progress: null,
      lastError: null,
      updatedAt: at,
    })),
    locatedRecords: (input.located ?? []).map((record) => ({
      instanceId: `id-${record.instance}`,
      type: "note",
      id: record.id,
      strength: record.strength ?? "strong",
      label: null,
      matchedBy: null,
    })),
    receipts: (input.receipts ?? []).map((receipt) => ({
      instanceId: `id-${receipt.instance}`,
      connectorId: receipt.instance,
      connectorVersion: "0.1.0",
      type: "note",
      id: receipt.id,
      phase: "erase",
      outcome: receipt.outcome,
      detail: null,
      at,
    })),
    exportPath: input.exportPath ?? null,
  };
}
