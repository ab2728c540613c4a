/**
 * CSV for people who open their export in a spreadsheet. The JSON beside it is the faithful copy;
 * the CSV flattens each record to one row:
 *
 * - nested objects become dot-joined columns (`address.city`); an empty object is the cell `{}`;
 * - arrays are JSON-encoded into one cell (`["a","b"]`);
 * - null and absent values are empty cells;
 * - RFC 4180 (written by csv-stringify): fields holding a comma, a double quote, CR or LF are
 *   quoted, quotes are doubled, and rows end with CRLF;
 * - formula injection guard (OWASP "CSV Injection", csv-stringify's `escape_formulas`): a text
 *   cell that starts with `=`, `+`, `-`, `@` (or their full-width forms), a tab or a carriage
 *   return is prefixed with a single quote `'`, so a spreadsheet shows it
 *   as text instead of evaluating it. Vendor data is attacker-controlled (anyone can write a ticket
 *   that says `=HYPERLINK(...)`). The cost: such a value reads `'+44 20 7946 0000` in the CSV; the
 *   JSON keeps it unchanged. JSON numbers are never prefixed (`-5` cannot run anything).
 */
export const csvConventions =
  "CSV files follow RFC 4180 (CRLF line ends, quoted fields). Nested objects are dot-joined columns, " +
  "arrays are JSON-encoded cells. Text cells starting with = + - @ (or their full-width forms), tab or CR are prefixed with a single " +
  "quote (') so spreadsheets do not run them as formulas; the JSON files hold the values unchanged.";

export type FlatRecord = Map<string, string | number | boolean>;

/** One record as column → cell value, in the record's own key order. */
export function flattenRecord(record: Record<string, unknown>): FlatRecord {
  const flat: FlatRecord = new Map();
  flattenInto(flat, "", record);
  return flat;
}

function flattenInto(flat: FlatRecord, prefix: string, value: Record<string, unknown>): void {
  for (const [key, inner] of Object.entries(value)) {
    const column = prefix === "" ? key : `${prefix}.${key}`;
    if (inner === null || inner === undefined) {
      flat.set(column, "");
    } else if (Array.isArray(inner)) {
      flat.set(column, JSON.stringify(inner));
    } else if (isPlainObject(inner)) {
      if (Object.keys(inner).length === 0) flat.set(column, "{}");
      else flattenInto(flat, column, inner);
    } else if (typeof inner === "string" || typeof inner === "number" || typeof inner === "boolean") {
      flat.set(column, inner);
    } else if (typeof inner === "symbol" || typeof inner === "function") {
      // JSON has no text for these; String() names them.
      flat.set(column, String(inner));
    } else {
      // Records reach the CSV writer after a JSON round trip, so this covers only odd callers
      // (a Date, a class instance); one whose JSON is nothing is an empty cell, like null.
      flat.set(column, JSON.stringify(inner) ?? "");
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
