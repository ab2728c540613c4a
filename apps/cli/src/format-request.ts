import type { RequestDetail, RequestSummary } from "@lethe/runtime";

/** Plain-text views of requests for the terminal; `--json` gives the same data unformatted. */
export function formatRequestList(rows: RequestSummary[]): string {
  if (rows.length === 0) return "no requests";
  const header = ["id", "type", "regime", "status", "received", "due"];
  const body = rows.map((r) => [r.id, r.type, r.regime, r.status, day(r.receivedAt), day(r.dueAt)]);
  return table([header, ...body]);
}

export function formatRequestDetail(detail: RequestDetail): string {
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

  lines.push("", "identifiers");
  for (const i of detail.identifiers) lines.push(`  ${i.kind.padEnd(12)} ${i.value}  (${i.provenance}, ${i.strength})`);

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
  lines.push("", `located records: ${detail.locatedRecords.length} (${strong} strong, ${detail.locatedRecords.length - strong} weak — weak ones wait for review)`);

  lines.push("", `receipts: ${detail.receipts.length}`);
  if (detail.receipts.length > 0)
    lines.push(
      indent(
        table([
          ["phase", "outcome", "record", "connector", "detail"],
          ...detail.receipts.map((x) => [x.phase, x.outcome, `${x.type}/${x.id}`, `${x.connectorId}@${x.connectorVersion}`, x.detail ?? ""]),
        ]),
      ),
    );

  lines.push("", "history");
  for (const h of detail.history) {
    lines.push(`  ${h.at.toISOString()}  ${h.from ?? "—"} → ${h.to}  by ${h.actor}${h.reason ? `: ${h.reason}` : ""}`);
  }
  return lines.join("\n");
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()).join("\n");
}
