import { stringify } from "csv-stringify/sync";
import type { DataInventoryView } from "@lethe/contracts";

/** The CSV's columns, in order: the questions Art. 30(1) GDPR asks of each processing, per system and record type. */
export const inventoryCsvColumns = [
  "system",
  "connector",
  "connector_version",
  "record_type",
  "declared",
  "categories",
  "fields",
  "purposes",
  "lawful_basis",
  "basis_note",
  "retention_period",
  "retention_from",
  "retention_note",
  "record_count",
  "count_exact",
  "counted_at",
] as const;

/**
 * The data inventory as CSV, one row per system and record type. Lists within a cell are joined
 * with "; ", a field as `path (category, category)`. csv-stringify does the quoting (commas,
 * quotes, line breaks in a purpose), the formula guard and the CRLF line ends spreadsheets expect.
 */
export function inventoryCsv(inventory: DataInventoryView): string {
  const rows = inventory.systems.flatMap((system) =>
    system.recordTypes.map((type) => [
      system.instanceName,
      system.connector.id,
      system.connector.version ?? "",
      type.recordType,
      type.declared ? "yes" : "no",
      type.categories.join("; "),
      Object.entries(type.fields)
        .map(([path, categories]) => `${path} (${categories.join(", ")})`)
        .join("; "),
      type.purposes.join("; "),
      type.lawfulBasis ?? "",
      type.basisNote ?? "",
      type.retention?.period ?? "",
      type.retention?.from ?? "",
      type.retention?.note ?? "",
      type.count ? String(type.count.value) : "",
      type.count ? (type.count.exact ? "yes" : "no") : "",
      type.count?.countedAt ?? "",
    ]),
  );
  // escape_formulas: a cell starting with = + - @ is prefixed, so a spreadsheet does not run it.
  return stringify([[...inventoryCsvColumns], ...rows], { record_delimiter: "windows", quote_record_delimiter: true, escape_formulas: true });
}
