import { MalformedQuery } from "../malformed-query";

export type Token =
  | { kind: "word"; text: string; at: number }
  | { kind: "string"; value: string; raw: string; at: number }
  | { kind: "number"; value: number; at: number }
  | { kind: "symbol"; text: string; at: number };

const symbols = ["!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ","];

/**
 * SOQL's lexical rules for what the sandbox parses: words (keywords, names, date literals), numbers,
 * symbols and single-quoted strings with Salesforce's escapes (vendor-apis.md §1.8): `\n \r \t \b
 * \f \" \' \\`, `\uXXXX`, and `\_ \%` kept as escapes for LIKE. Any other backslash is an error,
 * as is an unterminated string.
 */
export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const char = soql.charAt(i);
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === "'") {
      const { value, raw, end } = readString(soql, i);
      tokens.push({ kind: "string", value, raw, at: i });
      i = end;
      continue;
    }
    const symbol = symbols.find((candidate) => soql.startsWith(candidate, i));
    if (symbol) {
      tokens.push({ kind: "symbol", text: symbol, at: i });
      i += symbol.length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?(?![\w:-])/.exec(soql.slice(i));
    if (number) {
      tokens.push({ kind: "number", value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    // Names, keywords and date/date-time literals (2024-01-01, 2024-01-01T00:00:00Z, +0000 offsets).
    const word = /^[A-Za-z0-9_][A-Za-z0-9_.:+-]*/.exec(soql.slice(i));
    if (word) {
      tokens.push({ kind: "word", text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new MalformedQuery(`unexpected token: '${char}' at column ${i + 1}`);
  }
  return tokens;
}

const simpleEscapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", '"': '"', "'": "'", "\\": "\\" };

/**
 * `value` has the escapes resolved, except `\%` and `\_`, which stay as written (`\%`, `\_`) so that
 * a LIKE pattern can tell a literal `%` from a wildcard; `=` comparisons drop the backslash.
 */
function readString(soql: string, start: number): { value: string; raw: string; end: number } {
  let value = "";
  let i = start + 1;
  while (i < soql.length) {
    const char = soql.charAt(i);
    if (char === "'") return { value, raw: soql.slice(start, i + 1), end: i + 1 };
    if (char === "\\") {
      const next = soql.charAt(i + 1);
      const simple = simpleEscapes[next];
      if (simple !== undefined) {
        value += next === "\\" ? "\\\\" : simple;
        i += 2;
      } else if (next === "%" || next === "_") {
        value += `\\${next}`;
        i += 2;
      } else if (next === "u" && /^[0-9a-fA-F]{4}$/.test(soql.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(soql.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        throw new MalformedQuery(`Invalid string literal '${soql.slice(start, Math.min(soql.length, i + 2))}'. Illegal character sequence '\\${next}' in string literal.`);
      }
      continue;
    }
    value += char;
    i++;
  }
  throw new MalformedQuery(`line 1:${start} mismatched character '<EOF>' expecting '''`);
}

/** Resolves the escapes kept for LIKE: for `=` and IN, `\%` is `%` and `\\` is `\`. */
export function literalValue(value: string): string {
  return value.replace(/\\([\\%_])/g, "$1");
}
