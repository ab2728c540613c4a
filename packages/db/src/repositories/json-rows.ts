import { getTableColumns, type Table } from "drizzle-orm";

/**
 * A table row that came back inside a JSON aggregate (`row_to_json`, `json_agg`), as the query
 * builder would have returned it: keys by the table's property names, each value through its
 * column's own decoding (timestamps to Date, bigint to number). JSON writes timestamps in ISO 8601
 * whatever the session's DateStyle, which the timestamp columns read.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    if (value === null || value === undefined) row[key] = null;
    // A json(b) value arrives as the JSON it is; decoding it again would turn the string "1" into 1.
    else if (column.columnType === "PgJsonb" || column.columnType === "PgJson") row[key] = value;
    else row[key] = column.mapFromDriverValue(value);
  }
  return row;
}

/** A JSON value as the driver hands it over: parsed already, or as text. */
export function parsedJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
