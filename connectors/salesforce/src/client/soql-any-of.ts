/**
 * SOQL characters per WHERE built from alternatives. A query travels in the URL of a GET, which
 * Salesforce caps at 16,384 characters; escaping can triple a literal's length there (`%` is sent
 * as `%25`), so 4,000 characters of conditions stay below the cap with room for the rest.
 */
const charactersPerWhere = 4_000;

/**
 * WHERE clauses that together select what `alternatives` select: each alternative is one
 * condition or an OR of conditions (never an AND: Salesforce refuses AND and OR mixed at one
 * level without parentheses), joined with OR into as few clauses as fit under the URL cap —
 * one, for the handful of identifiers a request carries. A single alternative longer than the
 * budget still gets a clause of its own.
 */
export function anyOf(alternatives: readonly string[]): string[] {
  const clauses: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const alternative of alternatives) {
    if (current.length > 0 && length + alternative.length + 4 > charactersPerWhere) {
      clauses.push(current.join(" OR "));
      current = [];
      length = 0;
    }
    current.push(alternative);
    length += alternative.length + 4;
  }
  if (current.length > 0) clauses.push(current.join(" OR "));
  return clauses;
}
