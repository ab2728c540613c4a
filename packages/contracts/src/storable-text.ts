import type { FieldIssue } from "./errors";

/**
 * The one rule for text the API accepts: every string in a request — body values and keys,
 * query values, path parameters — must be text PostgreSQL can store. PostgreSQL refuses NUL
 * (U+0000) in `text` and `jsonb` outright (a 500 if it reaches the database), and an unpaired
 * UTF-16 surrogate is not a character at all: the driver would silently store U+FFFD instead.
 * Applied by the API to every route before its schema (apps/api), and usable by any client.
 */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nul = String.fromCharCode(0);

export const unstorableTextMessage = "contains a character that cannot be stored (NUL or an unpaired surrogate)";

/** True when `text` holds no NUL and no unpaired surrogate. */
export function isStorableText(text: string): boolean {
  return !text.includes(nul) && !unpairedSurrogate.test(text);
}

/**
 * Every string (and object key) in `value` that is not storable, as field issues whose paths start
 * with `prefix` (`body.name`, `query.q`). Walks with an explicit stack: a request body may nest
 * far deeper than the call stack allows.
 */
export function unstorableTextIssues(value: unknown, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: prefix }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value: current, path } = next;
    if (typeof current === "string") {
      if (!isStorableText(current)) issues.push({ path, message: unstorableTextMessage });
    } else if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => pending.push({ value: item, path: `${path}.${index}` }));
    } else if (typeof current === "object" && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = `${path}.${isStorableText(key) ? key : JSON.stringify(key)}`;
        if (!isStorableText(key)) issues.push({ path: itemPath, message: `the key ${unstorableTextMessage}` });
        pending.push({ value: item, path: itemPath });
      }
    }
  }
  return issues.reverse();
}
