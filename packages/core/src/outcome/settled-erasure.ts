/** A receipt as the outcome reads it (`receipts` row, in short). */
export interface ReceiptFact {
  instanceId: string;
  recordType: string;
  recordId: string;
  phase: string;
  outcome: string;
  detail: string | null;
  pendingJobId: string | null;
  /** The system's own hold, as its receipt reported it (`{ basis, ... }`). */
  hold: unknown;
}

type SettledFact = Pick<ReceiptFact, "instanceId" | "recordType" | "recordId" | "phase">;

/**
 * A record's erasure as it stands: its `confirm` receipt when a confirmation settled it, else its
 * `erase` receipt. Receipts are unique per request, instance, record and phase, so the first word
 * of each phase is kept as proof, and the latest phase is the one that says where the record is:
 * an erase receipt `pending` on a vendor job, then a confirm receipt `erased` once the job ran.
 */
export function settledErasures<Row extends SettledFact>(rows: readonly Row[]): Row[] {
  const byRecord = new Map<string, Row>();
  const keyOf = (row: Row) => `${row.instanceId}\u0000${row.recordType}/${row.recordId}`;
  for (const row of rows) if (row.phase === "erase") byRecord.set(keyOf(row), row);
  for (const row of rows) if (row.phase === "confirm") byRecord.set(keyOf(row), row);
  return [...byRecord.values()];
}

/**
 * Receipt counts per instance, phase and outcome, with every record's erasure counted once under
 * `erase` by its settled outcome (so a confirmed deletion counts as erased, not as pending).
 */
export function settledReceiptCounts(
  rows: ReadonlyArray<SettledFact & Pick<ReceiptFact, "outcome">>,
): Array<{ instanceId: string; phase: string; outcome: string; count: number }> {
  const counts = new Map<string, { instanceId: string; phase: string; outcome: string; count: number }>();
  const add = (instanceId: string, phase: string, outcome: string) => {
    const key = `${instanceId}\u0000${phase}\u0000${outcome}`;
    const row = counts.get(key) ?? { instanceId, phase, outcome, count: 0 };
    row.count += 1;
    counts.set(key, row);
  };
  for (const row of settledErasures(rows)) add(row.instanceId, "erase", row.outcome);
  for (const row of rows) if (row.phase !== "erase" && row.phase !== "confirm") add(row.instanceId, row.phase, row.outcome);
  return [...counts.values()];
}
