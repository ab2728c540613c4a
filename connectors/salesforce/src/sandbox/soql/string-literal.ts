import { MalformedQuery } from "./malformed-query";

const simpleEscapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", '"': '"', "'": "'", "\\": "\\" };

/**
 * The value of a quoted SOQL string literal under Salesforce's escape rules (vendor-apis.md §1.8):
 * `\n \r \t \b \f \" \' \\` and `\uXXXX`; `\%` and `\_` are kept as written, and so is `\\`, so
 * that a LIKE pattern can tell a literal `%` from a wildcard (`literalValue` resolves them for
 * `=` and IN). Any other backslash is refused as Salesforce refuses it. The grammar only finds
 * where a literal starts and ends; which escapes are legal is the vendor's rule, checked here.
 */
export function decodeStringLiteral(raw: string): string {
  let value = "";
  for (let i = 1; i < raw.length - 1; i++) {
    const char = raw.charAt(i);
    if (char !== "\\") {
      value += char;
      continue;
    }
    const next = raw.charAt(i + 1);
    const simple = simpleEscapes[next];
    if (simple !== undefined) {
      value += next === "\\" ? "\\\\" : simple;
      i++;
    } else if (next === "%" || next === "_") {
      value += `\\${next}`;
      i++;
    } else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      throw new MalformedQuery(`Invalid string literal '${raw.slice(0, Math.min(raw.length, i + 2))}'. Illegal character sequence '\\${next}' in string literal.`);
    }
  }
  return value;
}

/** Resolves the escapes kept for LIKE: for `=` and IN, `\%` is `%` and `\\` is `\`. */
export function literalValue(value: string): string {
  return value.replace(/\\([\\%_])/g, "$1");
}
