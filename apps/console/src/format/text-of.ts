/**
 * A value from JSON (a query parameter, a schema default, an example, a progress cell) as text:
 * strings as they are, numbers and booleans as String() writes them, anything else as its JSON
 * (never "[object Object]").
 */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}
