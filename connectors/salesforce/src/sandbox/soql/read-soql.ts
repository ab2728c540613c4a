import { parseQuery, type Query } from "@jetstreamapp/soql-parser-js";
import { conditionTree, type GrammarCondition } from "./condition-tree";
import { MalformedQuery } from "./malformed-query";
import { decodeStringLiteral } from "./string-literal";

/**
 * SOQL as Salesforce reads it: the maintained grammar `@jetstreamapp/soql-parser-js` (relationship
 * queries, sub-queries, date literals, aggregates, `FOR VIEW`, …) plus the vendor's rules the
 * grammar leaves to its user (vendor-apis.md §1.8): the escapes allowed in a string literal, AND
 * and OR not mixed at one level without parentheses, a list after IN, and no bare word where a
 * value belongs. Whatever Salesforce refuses is MALFORMED_QUERY, in its message format.
 */
export function readSoql(soql: string): Query {
  let query: Query;
  try {
    query = parseQuery(soql.replace(lineSeparators, (char) => `\\u${char.charCodeAt(0).toString(16)}`));
  } catch (error) {
    throw malformed(soql, error);
  }
  checkVendorRules(query, soql);
  return query;
}

/**
 * The grammar's string token ends at U+2028 and U+2029 (JavaScript's `.` does not match them),
 * which a literal may hold like any other character; written as their escapes they mean the same.
 */
const lineSeparators = /[\u2028\u2029]/g;

function checkVendorRules(query: Query, soql: string): void {
  if (query.where) conditionTree(query.where, (condition) => checkCondition(condition, soql), (token) => {
    throw unexpectedToken(soql, token);
  });
  for (const field of query.fields ?? []) if (field.type === "FieldSubquery") checkVendorRules(field.subquery, soql);
}

const listOperators = new Set(["IN", "NOT IN", "INCLUDES", "EXCLUDES"]);

function checkCondition(condition: GrammarCondition, soql: string): GrammarCondition {
  if ("valueQuery" in condition) {
    checkVendorRules(condition.valueQuery, soql);
    return condition;
  }
  const list = listOperators.has(condition.operator.toUpperCase());
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  if (list !== Array.isArray(condition.value)) throw unexpectedToken(soql, list ? values[0] : "(");
  const types = Array.isArray(condition.literalType) ? condition.literalType : values.map(() => condition.literalType);
  values.forEach((value, i) => {
    if (types[i] !== "STRING") return;
    // The grammar also calls a bare word here a string (`Email = foo`); Salesforce refuses it.
    if (!value.startsWith("'")) throw unexpectedToken(soql, value);
    decodeStringLiteral(value);
  });
  return condition;
}

function malformed(soql: string, error: unknown): MalformedQuery {
  const message = error instanceof Error ? error.message : String(error);
  // Lexing: an unterminated literal, or a character SOQL does not have.
  const character = /unexpected character: ->([\s\S]*?)<- at offset: (\d+)/.exec(message);
  if (character) {
    const [, found = "", offset = "0"] = character;
    if (found === "'") return new MalformedQuery(`line 1:${offset} mismatched character '<EOF>' expecting '''`);
    return new MalformedQuery(`\n${soql}\n${" ".repeat(Number(offset))}^\nERROR at Row:1:Column:${Number(offset) + 1}\nunexpected token: '${found}'`);
  }
  // Parsing: the grammar names the token it did not expect, but not where it stands.
  const token = /but found(?::| -->) ?'?([\s\S]*?)'?(?: <--)?\s*$/.exec(message)?.[1];
  return unexpectedToken(soql, token === "" ? undefined : token);
}

/** Salesforce's answer for a token it did not expect (`undefined`: the statement ended early). */
export function unexpectedToken(soql: string, token: string | undefined): MalformedQuery {
  if (token === undefined) return new MalformedQuery(`\n${soql}\n^\nERROR at Row:1:Column:${soql.length}\nunexpected end of query`);
  return new MalformedQuery(`\n${soql}\nERROR at Row:1\nunexpected token: '${token}'`);
}
