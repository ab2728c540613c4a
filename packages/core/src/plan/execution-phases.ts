/** Approved actions the erase task carries out (retain: a receipt naming the hold, no vendor call). */
export const eraseActions = ["erase", "anonymise", "redact", "retain"] as const;

export type ExecutionPhase = "erase" | "export" | "rectify" | "restrict";

/** An approved plan item as execution needs it. */
export interface ApprovedItem {
  instanceId: string;
  connectorId: string;
  recordKey: string;
  approvedAction: string | null;
}

/**
 * Which execution tasks an approved plan needs, per instance: `erase` for erase/anonymise/redact/
 * retain items without an erase receipt yet (`erased`: their record keys — the part of a plan
 * approved after review does not erase twice), `export`, `rectify`, `restrict` for those actions.
 * `skip` items need no task: finalise reports them. Instances keep the order of their first item.
 */
export function executionPhases(
  items: readonly ApprovedItem[],
  erased: ReadonlySet<string>,
): Array<{ instanceId: string; connectorId: string; phases: ExecutionPhase[] }> {
  const byInstance = new Map<string, { instanceId: string; connectorId: string; phases: ExecutionPhase[] }>();
  for (const item of items) {
    const phase = phaseOf(item, erased);
    if (phase === null) continue;
    const entry = byInstance.get(item.instanceId) ?? { instanceId: item.instanceId, connectorId: item.connectorId, phases: [] };
    if (!entry.phases.includes(phase)) entry.phases.push(phase);
    byInstance.set(item.instanceId, entry);
  }
  return [...byInstance.values()];
}

function phaseOf(item: ApprovedItem, erased: ReadonlySet<string>): ExecutionPhase | null {
  const action = item.approvedAction ?? "";
  if ((eraseActions as readonly string[]).includes(action)) return erased.has(item.recordKey) ? null : "erase";
  if (action === "export" || action === "rectify" || action === "restrict") return action;
  return null;
}
