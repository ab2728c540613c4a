import type { FieldType, LiteralType, OrderByClause, Query } from "@jetstreamapp/soql-parser-js";
import { conditionTree, type ConditionTree, type GrammarCondition } from "./condition-tree";
import { MalformedQuery } from "./malformed-query";
import { readSoql, unexpectedToken } from "./read-soql";
import { decodeStringLiteral, literalValue } from "./string-literal";

export type Literal = string | number | boolean | null;

export type Comparison =
  | { kind: "compare"; field: string; op: "=" | "!=" | "<" | ">" | "<=" | ">="; value: Literal }
  | { kind: "like"; field: string; pattern: string }
  | { kind: "in"; field: string; values: Literal[]; negated: boolean };

export type Condition = ConditionTree<Comparison>;

export interface SoqlQuery {
  fields: string[];
  /** `SELECT COUNT() FROM …`: the answer is the number of rows in `totalSize`, with no records. */
  count: boolean;
  object: string;
  where?: Condition;
  orderBy: { field: string; descending: boolean; nullsLast: boolean }[];
  limit?: number;
  offset?: number;
}

/**
 * Reads SOQL as Salesforce does (`readSoql`: a maintained grammar plus the vendor's rules) and
 * narrows the result to what the sandbox evaluates (vendor-apis.md §1.10): `SELECT f, … FROM
 * Obj [WHERE …] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n] [OFFSET n] [FOR VIEW|
 * REFERENCE]` with `=, !=, <>, <, >, <=, >=, LIKE, IN, NOT IN, AND, OR, NOT` and parentheses.
 * Malformed SOQL is MALFORMED_QUERY as Salesforce answers it; valid SOQL the sandbox does not
 * evaluate gets the error Salesforce gives for the missing piece (relationships) or a
 * MALFORMED_QUERY that names the construct, never a quietly wrong answer.
 */
export function parseSoql(soql: string): SoqlQuery {
  return narrow(readSoql(soql), soql);
}

function narrow(query: Query, soql: string): SoqlQuery {
  const object = query.sObject;
  if (object === undefined) throw unexpectedToken(soql, undefined);
  if (query.groupBy !== undefined || query.having !== undefined) throw unsupported(soql, "GROUP BY and HAVING");
  if (query.withSecurityEnforced === true || query.withAccessLevel !== undefined || query.withDataCategory !== undefined) throw unsupported(soql, "WITH");
  if (query.usingScope !== undefined) throw unsupported(soql, "USING SCOPE");
  if (query.update !== undefined) throw unsupported(soql, "UPDATE TRACKING and UPDATE VIEWSTAT");
  // FOR VIEW and FOR REFERENCE only stamp LastViewedDate/LastReferencedDate, which the sandbox
  // does not keep; the rows are the same. FOR UPDATE locks rows, which means nothing here.
  if (query.for === "UPDATE") throw unsupported(soql, "FOR UPDATE");

  const prefixes = new Set([object.toLowerCase(), ...(query.sObjectAlias ? [query.sObjectAlias.toLowerCase()] : [])]);
  const fieldName = (path: string) => plainField(soql, object, prefixes, path);
  const count = isCountQuery(soql, query);
  const result: SoqlQuery = {
    fields: count ? [] : (query.fields ?? []).map((field) => selected(soql, object, field, fieldName)),
    count,
    object,
    orderBy: orderByOf(query.orderBy).map((entry) => orderEntry(soql, entry, fieldName)),
  };
  if (query.where) {
    result.where = conditionTree(query.where, (condition) => atom(soql, condition, fieldName), (token) => {
      throw unexpectedToken(soql, token);
    });
  }
  if (query.limit !== undefined) result.limit = query.limit;
  if (query.offset !== undefined) result.offset = query.offset;
  return result;
}

/**
 * `SELECT COUNT() FROM …` (vendor-apis.md §1.10): COUNT() with no field, alone in the select list
 * and without ORDER BY, as Salesforce allows it; `COUNT(field)` is an aggregate the sandbox does
 * not evaluate.
 */
function isCountQuery(soql: string, query: Query): boolean {
  const fields = query.fields ?? [];
  const counts = fields.filter((field) => field.type === "FieldFunctionExpression" && field.functionName.toUpperCase() === "COUNT" && field.parameters.length === 0);
  if (counts.length === 0) return false;
  if (fields.length > 1) throw new MalformedQuery(`\n${soql}\nERROR at Row:1\nCOUNT() must be the only element in the SELECT list.`);
  if (query.orderBy !== undefined) throw new MalformedQuery(`\n${soql}\nERROR at Row:1\nOrdered field cannot be aggregated in a query that is not grouped: COUNT()`);
  return true;
}

function selected(soql: string, object: string, field: FieldType, fieldName: (path: string) => string): string {
  switch (field.type) {
    case "Field":
      if (field.alias !== undefined) throw unsupported(soql, `the alias '${field.alias}'`);
      return field.field;
    case "FieldRelationship":
      return fieldName(field.rawValue ?? [...field.relationships, field.field].join("."));
    case "FieldSubquery":
      // Salesforce's answer for a child relationship the object does not have (the sandbox models none).
      throw new MalformedQuery(
        `\n${soql}\nERROR at Row:1\nDidn't understand relationship '${field.subquery.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names. (The sandbox models no relationship queries on ${object}.)`,
        "INVALID_TYPE",
      );
    case "FieldFunctionExpression":
      throw unsupported(soql, `the function ${field.functionName}()`);
    case "FieldTypeof":
      throw unsupported(soql, "TYPEOF");
  }
}

/**
 * `Contact.Email` and `c.Email` (with `FROM Contact c`) name the object's own field; any other
 * dotted path crosses a relationship, which the sandbox does not model, and gets Salesforce's
 * INVALID_FIELD for a relationship the object lacks.
 */
function plainField(soql: string, object: string, prefixes: Set<string>, path: string): string {
  const parts = path.split(".");
  if (parts.length === 1) return path;
  const [first, ...rest] = parts;
  if (first !== undefined && rest.length === 1 && prefixes.has(first.toLowerCase())) return rest.join(".");
  const relationship = first !== undefined && prefixes.has(first.toLowerCase()) ? rest[0] : first;
  throw new MalformedQuery(
    `\n${soql}\nERROR at Row:1\nDidn't understand relationship '${relationship ?? path}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names. (The sandbox models no relationship fields on ${object}.)`,
    "INVALID_FIELD",
  );
}

function orderByOf(orderBy: Query["orderBy"]): OrderByClause[] {
  if (orderBy === undefined) return [];
  return Array.isArray(orderBy) ? orderBy : [orderBy];
}

function orderEntry(soql: string, entry: OrderByClause, fieldName: (path: string) => string): SoqlQuery["orderBy"][number] {
  if (!("field" in entry)) throw unsupported(soql, "ORDER BY on a function");
  const descending = entry.order === "DESC";
  // Salesforce sorts nulls first ascending and last descending unless told otherwise.
  const nullsLast = entry.nulls === undefined ? descending : entry.nulls === "LAST";
  return { field: fieldName(entry.field), descending, nullsLast };
}

const comparisons: Record<string, "=" | "!=" | "<" | ">" | "<=" | ">="> = { "=": "=", "!=": "!=", "<>": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=" };

function atom(soql: string, condition: GrammarCondition, fieldName: (path: string) => string): Comparison {
  if (!("field" in condition)) throw unsupported(soql, "a function in WHERE");
  if ("valueQuery" in condition) throw unsupported(soql, "a semi-join or anti-join (IN/NOT IN with a sub-query)");
  const field = fieldName(condition.field);
  const operator = condition.operator.toUpperCase();
  if (operator === "INCLUDES" || operator === "EXCLUDES") throw unsupported(soql, `${operator} (multi-select picklists)`);
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const literalType: LiteralType | LiteralType[] | undefined = condition.literalType;
  const types = Array.isArray(literalType) ? literalType : values.map(() => literalType);
  const literals = values.map((value, i) => literal(soql, value, types[i]));
  if (operator === "IN" || operator === "NOT IN") {
    if (!Array.isArray(condition.value)) throw unexpectedToken(soql, values[0]);
    return { kind: "in", field, values: literals.map((entry) => entry.value), negated: operator === "NOT IN" };
  }
  const [single] = literals;
  if (single === undefined || Array.isArray(condition.value)) throw unexpectedToken(soql, "(");
  if (operator === "LIKE") {
    if (single.raw === undefined) throw unexpectedToken(soql, values[0]);
    return { kind: "like", field, pattern: single.raw };
  }
  const op = comparisons[operator];
  if (!op) throw unsupported(soql, `the operator ${operator}`);
  return { kind: "compare", field, op, value: single.value };
}

/** A literal's value; `raw` is a string literal with the LIKE escapes (`\%`, `\_`, `\\`) still in. */
function literal(soql: string, value: string, type: LiteralType | undefined): { value: Literal; raw?: string } {
  switch (type) {
    case "STRING": {
      // The grammar also calls a bare word here a string (`Email = foo`); Salesforce refuses it.
      if (!value.startsWith("'")) throw unexpectedToken(soql, value);
      const raw = decodeStringLiteral(value);
      return { value: literalValue(raw), raw };
    }
    case "INTEGER":
    case "DECIMAL":
      return { value: Number(value) };
    case "BOOLEAN":
      return { value: value.toLowerCase() === "true" };
    case "NULL":
      return { value: null };
    case "DATE":
    case "DATETIME":
      return { value };
    case "DATE_LITERAL":
    case "DATE_N_LITERAL":
      throw unsupported(soql, `the date literal ${value}`);
    case "INTEGER_WITH_CURRENCY_PREFIX":
    case "DECIMAL_WITH_CURRENCY_PREFIX":
      throw unsupported(soql, `the currency literal ${value}`);
    default:
      throw unexpectedToken(soql, value);
  }
}

/** Valid SOQL the sandbox does not evaluate: refused by name rather than answered wrongly. */
function unsupported(soql: string, construct: string): MalformedQuery {
  return new MalformedQuery(`\n${soql}\nERROR at Row:1\n${construct} is valid SOQL, but the Lethe Salesforce sandbox does not evaluate it (see the connector's FIDELITY.md)`);
}
