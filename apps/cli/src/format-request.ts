import type { RequestDetail, RequestSummary } from "@lethe/runtime";
import { indent, table } from "./text-table";

/** Plain-text views of requests for the terminal; `--json` gives the same data unformatted. */
export function formatRequestList(rows: RequestSummary[]): string {
  if (rows.length === 0) return "no requests";
  const header = ["id", "type", "regime", "status", "received", "due"];
  const body = rows.map((r) => [r.id, r.type, r.regime, r.status, day(r.receivedAt), day(r.dueAt)]);
  return table([header, ...body]);
}

/**
 * A request for the terminal. By default the identifiers the requester gave and counts of the
 * rest and of the receipts (per system, phase and outcome), so an erasure over several systems
 * fits a screen; `verbose` lists every identifier and receipt.
 */
export function formatRequestDetail(detail: RequestDetail, options: { verbose?: boolean } = {}): string {
  const verbose = options.verbose ?? false;
  const r = detail.request;
  const lines = [
    `request   ${r.id}`,
    `type      ${r.type} (${r.regime.toUpperCase()})`,
    `status    ${r.status}`,
    `received  ${r.receivedAt.toISOString()}`,
    `due       ${r.dueAt.toISOString()} (${r.timeZone})`,
  ];
  if (detail.exportPath) lines.push(`export    ${detail.exportPath}`);
  if (r.outcome) lines.push(`outcome   ${JSON.stringify(r.outcome)}`);

  const shownIdentifiers = verbose ? detail.identifiers : detail.identifiers.filter((i) => i.provenance !== "discovered");
  const discovered = detail.identifiers.length - shownIdentifiers.length;
  lines.push("", `identifiers${discovered > 0 ? ` (${discovered} more discovered while locating: --verbose lists them)` : ""}`);
  for (const i of shownIdentifiers) lines.push(`  ${i.kind.padEnd(12)} ${i.value}  (${i.provenance}, ${i.strength})`);

  lines.push("", "progress per connector");
  if (detail.tasks.length === 0) lines.push("  (not started)");
  else
    lines.push(
      indent(
        table([
          ["instance", "connector", "phase", "status", "attempts", "error"],
          ...detail.tasks.map((t) => [
            t.instanceName,
            `${t.connectorId}@${t.connectorVersion}`,
            t.phase,
            t.status,
            String(t.attempts),
            t.lastError ?? "",
          ]),
        ]),
      ),
    );

  const strong = detail.locatedRecords.filter((l) => l.strength === "strong").length;
  // Weak matches are acted on only once a person includes them (`lethe request plan` shows which still wait).
  lines.push("", `located records: ${detail.locatedRecords.length} (${strong} strong, ${detail.locatedRecords.length - strong} weak: acted on only if included in review)`);

  lines.push("", `receipts: ${detail.receipts.length}`);
  if (detail.receipts.length > 0) lines.push(indent(verbose ? receiptList(detail) : receiptCounts(detail)));

  lines.push("", "history");
  for (const h of detail.history) {
    lines.push(`  ${h.at.toISOString()}  ${h.from ?? "—"} → ${h.to}  by ${h.actor}${h.reason ? `: ${h.reason}` : ""}`);
  }
  return lines.join("\n");
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function receiptList(detail: RequestDetail): string {
  return table([
    ["phase", "outcome", "record", "connector", "detail"],
    ...detail.receipts.map((x) => [x.phase, x.outcome, `${x.type}/${x.id}`, `${x.connectorId}@${x.connectorVersion}`, x.detail ?? ""]),
  ]);
}

/** Receipts per system, phase and outcome; `--verbose` lists each. */
function receiptCounts(detail: RequestDetail): string {
  const names = new Map(detail.tasks.map((task) => [task.instanceId, task.instanceName]));
  const counts = new Map<string, { cells: string[]; count: number }>();
  for (const receipt of detail.receipts) {
    const cells = [names.get(receipt.instanceId) ?? receipt.connectorId, receipt.phase, receipt.outcome];
    const key = cells.join("\u0000");
    const entry = counts.get(key) ?? { cells, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const rows = [...counts.values()].sort((a, b) => a.cells.join(" ").localeCompare(b.cells.join(" "))).map((entry) => [...entry.cells, String(entry.count)]);
  return `${table([["system", "phase", "outcome", "records"], ...rows])}\n(--verbose lists every receipt)`;
}
