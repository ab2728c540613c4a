/** The kinds a statement is counted under, by its first keyword. */
export const statementKinds = ["select", "insert", "update", "delete", "begin", "commit", "other"] as const;
export type StatementKind = (typeof statementKinds)[number];

/** Who sent a statement: our code (runtime, db, connectors) or graphile-worker's own job handling. */
export type StatementSource = "lethe" | "graphile-worker";

/**
 * The kind of a statement as pg_stat_statements keeps its text. A `with …` query counts under
 * the verb of its main statement when that is the last one to appear (an `update` or `insert`
 * fed by a CTE is a write), otherwise as `select`.
 */
export function statementKind(query: string): StatementKind {
  const text = query.replace(/\/\*[\s\S]*?\*\//g, " ").trim().toLowerCase();
  const first = /^[a-z]+/.exec(text)?.[0] ?? "";
  if (first === "start") return "begin";
  if (first === "end") return "commit";
  if (first === "with") {
    const main = text.slice(text.lastIndexOf(")") + 1).trim();
    const verb = /^[a-z]+/.exec(main)?.[0] ?? "select";
    return isKind(verb) ? verb : "select";
  }
  return isKind(first) ? first : "other";
}

/**
 * graphile-worker's own statements (fetching, completing and failing jobs, its migrations and
 * LISTEN) name its schema; queueing a job (`add_job`/`add_jobs`) is our code's choice and counts
 * as ours even though it calls graphile-worker's function.
 */
export function statementSource(query: string): StatementSource {
  const text = query.toLowerCase();
  if (/\badd_jobs?\b/.test(text)) return "lethe";
  return text.includes("graphile_worker") || /^\s*listen\b/.test(text) ? "graphile-worker" : "lethe";
}

function isKind(word: string): word is StatementKind {
  return (statementKinds as readonly string[]).includes(word) && word !== "other";
}
