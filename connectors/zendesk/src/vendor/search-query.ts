/*
 * Zendesk search syntax (vendor-apis.md §2.2 Z1/Z2) gives meaning to `*`, `:`, `-`, `OR`, quotes
 * and parentheses. An identifier is never pasted into a query as it is: it goes inside a quoted
 * phrase, where those characters are literal. Zendesk documents no escape for a quote inside a
 * phrase, so quotes (and backslashes) become spaces: the search is then broader, never narrower,
 * and every hit is compared exactly with the identifier before it counts.
 */

/**
 * `"value"`, or undefined when nothing searchable is left (the identifier is all quotes). Colons
 * become spaces too: the export search refuses `type:` in a query, and a service that read a
 * keyword inside a phrase would narrow the search; a space only broadens it.
 */
export function quotedPhrase(value: string): string | undefined {
  const inner = value.replace(/["\\\u201c\u201d:]/g, " ").replace(/\s+/g, " ").trim();
  return inner === "" ? undefined : `"${inner}"`;
}

/** A keyword query (`email:"…"`), or undefined when the value has nothing searchable. */
export function keywordQuery(keyword: string, value: string, type?: "user" | "ticket"): string | undefined {
  const phrase = quotedPhrase(value);
  if (phrase === undefined) return undefined;
  return type ? `type:${type} ${keyword}:${phrase}` : `${keyword}:${phrase}`;
}

/** Zendesk ids are numbers; anything else cannot name a record and is not searched for. */
export function isZendeskId(value: string): boolean {
  return /^[1-9]\d{0,18}$/.test(value);
}
