/**
 * Whether an error means the database cannot be reached right now — as opposed to a query that
 * is wrong. Callers answer these with "try again later" (the API: 503 `database_unavailable`),
 * never with a 500. Looks through `cause` (drizzle wraps the driver's error):
 * - PostgreSQL's SQLSTATE class 08 (connection exception) and 57P01/57P02/57P03 (the server is
 *   shutting down, crashed, or is still starting);
 * - postgres.js's own codes for a connection that closed, ended or never connected in time;
 * - Node's socket errors for a server that refuses, resets or is unreachable.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth += 1) {
    const code = "code" in current ? current.code : undefined;
    if (typeof code === "string" && isUnavailableCode(code)) return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}

const unavailableCodes = new Set([
  "57P01",
  "57P02",
  "57P03",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

function isUnavailableCode(code: string): boolean {
  return unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}
