import type { RequestDetail, RequestPlan } from "@lethe/contracts";
import { describeProgress } from "./request-detail-view-model";

/**
 * What became of each located record, in the words of the request page's tiles. `waiting`: nothing
 * settled yet (awaiting review, approval, or the system); `skipped`: the plan does not act on it
 * (excluded in review as another person's, or not applicable); `changed`: rectified or restricted.
 */
export const tileCounts = ["located", "erased", "retained", "redacted", "exported", "changed", "skipped", "waiting", "failed"] as const;
export type TileCount = (typeof tileCounts)[number];

export interface SystemTile {
  instanceId: string;
  name: string;
  connectorId: string | null;
  counts: Record<TileCount, number>;
  /** Records with a settled outcome (anything but waiting), of `counts.located`. */
  settled: number;
  /** The system's latest work: "erase · running", with its progress text and last error. */
  activity: { phase: string; status: string; progress: string; lastError: string | null } | null;
  /** Something needs a person: a failed record or a failed task. */
  problem: boolean;
}

type Settled = Exclude<TileCount, "located" | "skipped" | "waiting">;

/** The outcome a receipt reports, as a tile counts it; null when it settles nothing (a plain `verified`). */
function settledBy(phase: string, outcome: string): Settled | "waiting" | null {
  if (phase === "verify") return outcome === "verified" ? null : "failed";
  switch (outcome) {
    case "erased":
    case "anonymised":
    case "already-absent":
      return "erased";
    case "retained":
      return "retained";
    case "redacted":
      return "redacted";
    case "exported":
      return "exported";
    case "rectified":
    case "restricted":
    case "unrestricted":
      return "changed";
    case "pending":
      return "waiting";
    default:
      return "failed";
  }
}

/** Later phases settle what earlier ones reported: a confirmed deletion is no longer pending, a failed verification undoes an erasure. */
const phaseRank: Record<string, number> = { export: 1, erase: 1, rectify: 1, restrict: 1, confirm: 2, verify: 3 };

const recordKey = (instanceId: string, type: string, id: string) => `${instanceId}/${type}/${id}`;

/**
 * One tile per system the request touched, from the request's detail and (when read) its plan:
 * how many records were located there and what became of each, and what the system is doing now.
 * Ordered by name; systems with work but no records yet are included.
 */
export function systemTiles(detail: RequestDetail, plan: RequestPlan | null): SystemTile[] {
  const notActedOn = new Set(
    (plan?.items ?? []).filter((item) => item.action === "skip" || item.review === "exclude").map((item) => recordKey(item.instanceId, item.type, item.recordId)),
  );
  const latest = new Map<string, { rank: number; at: string; settled: Settled | "waiting" }>();
  for (const receipt of detail.receipts) {
    const settled = settledBy(receipt.phase, receipt.outcome);
    const rank = phaseRank[receipt.phase];
    if (settled === null || rank === undefined) continue;
    const key = recordKey(receipt.instanceId, receipt.type, receipt.id);
    const before = latest.get(key);
    if (!before || rank > before.rank || (rank === before.rank && receipt.at >= before.at)) latest.set(key, { rank, at: receipt.at, settled });
  }

  const tiles = new Map<string, SystemTile>();
  const tileOf = (instanceId: string, name: string, connectorId: string | null): SystemTile => {
    let tile = tiles.get(instanceId);
    if (!tile) {
      const counts = Object.fromEntries(tileCounts.map((count) => [count, 0])) as Record<TileCount, number>;
      tile = { instanceId, name, connectorId, counts, settled: 0, activity: null, problem: false };
      tiles.set(instanceId, tile);
    }
    return tile;
  };

  const rows = [...detail.progress].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  for (const row of rows) {
    const tile = tileOf(row.instanceId, row.instanceName, row.connectorId);
    tile.activity = { phase: row.phase, status: row.status, progress: describeProgress(row.progress), lastError: row.lastError };
    if (row.status === "failed") tile.problem = true;
  }
  for (const record of detail.locatedRecords) {
    const tile = tileOf(record.instanceId, record.instanceId, null);
    const key = recordKey(record.instanceId, record.type, record.id);
    const outcome = notActedOn.has(key) ? "skipped" : (latest.get(key)?.settled ?? "waiting");
    tile.counts.located += 1;
    tile.counts[outcome] += 1;
    if (outcome !== "waiting") tile.settled += 1;
    if (outcome === "failed") tile.problem = true;
  }
  return [...tiles.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The whole request's records settled and located, for one progress bar above the tiles. */
export function overallProgress(tiles: readonly SystemTile[]): { settled: number; located: number } {
  return tiles.reduce((total, tile) => ({ settled: total.settled + tile.settled, located: total.located + tile.counts.located }), { settled: 0, located: 0 });
}
