/**
 * One line about an error that is safe to log above debug. A failed query's error carries the
 * statement's parameters — identifiers of the person, sealed secrets, token hashes — in its
 * message (drizzle: "Failed query: … params: …") and PostgreSQL's own messages quote the value
 * they refused ("invalid input syntax for type uuid: …"). So for database errors only the class,
 * the SQLSTATE and the names of the constraint, table and column are kept; other errors keep
 * their class and message. Follows `cause` a few levels.
 */
export function summariseError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    parts.push(describeOne(current));
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return parts.join(" <- caused by ");
}

/** Removes the parameter list drizzle appends to a failed query's message. */
export function withholdQueryParameters(text: string): string {
  return text.replace(/params: [^\n]*/g, "params: [withheld]");
}

function describeOne(error: unknown): string {
  if (!(error instanceof Error)) return "a non-Error value was thrown";
  if ("params" in error && "query" in error) return `${error.constructor.name} (the statement's parameters are withheld)`;
  if (isPostgresError(error)) {
    const names = (["constraint_name", "table_name", "column_name"] as const)
      .map((field) => (typeof error[field] === "string" ? `${field.replace("_name", "")} ${String(error[field])}` : undefined))
      .filter((part): part is string => part !== undefined);
    return `${error.name} ${error.code}${names.length > 0 ? ` (${names.join(", ")})` : ""}`;
  }
  const code = "code" in error && typeof error.code === "string" ? ` [${error.code}]` : "";
  return `${error.name}${code}: ${withholdQueryParameters(error.message)}`;
}

type PostgresErrorShape = Error & { code: string; severity: string } & Partial<Record<"constraint_name" | "table_name" | "column_name", unknown>>;

/** postgres.js's server errors carry the fields of PostgreSQL's ErrorResponse (severity, SQLSTATE). */
function isPostgresError(error: Error): error is PostgresErrorShape {
  const shape = error as Partial<PostgresErrorShape>;
  return typeof shape.severity === "string" && typeof shape.code === "string" && /^[0-9A-Z]{5}$/.test(shape.code);
}
