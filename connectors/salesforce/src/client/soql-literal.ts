/*
 * Quoting for SOQL and SOSL (vendor-apis.md §1.8), the one place user input meets a query
 * string. A value is never pasted in raw: an apostrophe would end the literal and let the rest
 * of the value run as SOQL (`x' OR Email != '`).
 */

/** A SOQL string literal: `\` and `'` escaped, control characters as their escapes. */
export function soqlString(value: string): string {
  return `'${escapeSoql(value)}'`;
}

/** A LIKE pattern matching `value` anywhere, with `%` and `_` in the value taken literally. */
export function soqlContains(value: string): string {
  return `'%${escapeSoql(value).replace(/[%_]/g, "\\$&")}%'`;
}

/**
 * A LIKE pattern matching text that holds these digits in this order, whatever stands between
 * and around them (`%9%7%7%6%` matches `(977) 6…`): how a number typed in any format is found.
 * Only digits are accepted, so nothing else can reach the query.
 */
export function soqlDigitsInOrder(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) throw new TypeError("Not a string of digits; refusing to put it in a LIKE pattern");
  return `'%${[...digits].join("%")}%'`;
}

/** `('a', 'b')` for IN; ids are checked to be ids, so nothing else can reach the query. */
export function soqlIdList(ids: readonly string[]): string {
  for (const id of ids) {
    if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id)) throw new TypeError("Not a Salesforce id; refusing to put it in a query");
  }
  return `(${ids.map((id) => `'${id}'`).join(", ")})`;
}

function escapeSoql(value: string): string {
  return value.replace(/[\\'"\n\r\t\b\f]/g, (char) => {
    switch (char) {
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      case "\b":
        return "\\b";
      case "\f":
        return "\\f";
      default:
        return `\\${char}`;
    }
  });
}

/** SOSL's reserved characters, each escaped with a backslash inside `FIND {…}`. */
const soslReserved = /[?&|!{}[\]()^~*:\\"'+-]/g;

/**
 * A SOSL search term that matches the value literally: reserved characters escaped, and the
 * operator words AND/OR/NOT quoted so that they are searched for, not obeyed.
 */
export function soslTerm(value: string): string {
  const escaped = value.replace(soslReserved, "\\$&");
  return escaped
    .split(/(\s+)/)
    .map((word) => (/^(and|or|not)$/i.test(word) ? `"${word}"` : word))
    .join("");
}
