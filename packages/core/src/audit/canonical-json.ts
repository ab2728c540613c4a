import type { JsonValue } from "@lethe/connector-sdk";

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`Cannot write canonical JSON at ${path}: ${problem}.`);
    this.name = "CanonicalJsonError";
  }
}

/**
 * One exact text for a JSON value, so that a hash over it survives a round trip through PostgreSQL
 * jsonb (which reorders keys and drops whitespace): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers as `JSON.stringify` writes them (the RFC 8785 choices).
 *
 * Only plain JSON is accepted. A `Date`, `undefined`, a non-finite number, a class instance or a
 * cycle throws `CanonicalJsonError` rather than being converted, because jsonb would store something
 * other than what was hashed: write dates as ISO 8601 strings.
 */
export function canonicalJson(value: JsonValue): string {
  return write(value, "$", new Set());
}

function write(value: unknown, path: string, open: Set<object>): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (value === undefined) throw new CanonicalJsonError(path, "undefined is not a JSON value");
  if (typeof value !== "object") throw new CanonicalJsonError(path, `a ${typeof value} is not a JSON value`);
  if (open.has(value)) throw new CanonicalJsonError(path, "the value refers to itself");

  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    // Array.from visits holes of a sparse array (as undefined), which `map` would skip.
    text = `[${Array.from(value, (item: unknown, index) => write(item, `${path}[${index}]`, open)).join(",")}]`;
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const problem = value instanceof Date ? "a Date is not JSON; write it as an ISO 8601 string" : "only plain objects are JSON objects";
      throw new CanonicalJsonError(path, problem);
    }
    const entries: [string, unknown][] = Object.entries(value);
    const members = entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${write(member, `${path}.${key}`, open)}`);
    text = `{${members.join(",")}}`;
  }
  open.delete(value);
  return text;
}
