import { fieldSpec, objectSpec, type FieldSpec, type ObjectSpec } from "../world/object-catalogue";
import { canonicalId } from "../world/salesforce-ids";
import type { FieldValue, SObjectRow, SObjectStore } from "../world/sobject-store";
import { MalformedQuery } from "./malformed-query";
import { parseSoql, type Condition, type Literal } from "./parse-soql";

export interface SoqlRecord {
  attributes: { type: string; url: string };
  [field: string]: unknown;
}

export interface SoqlResult {
  records: SoqlRecord[];
  /** For `SELECT COUNT()`: the number of rows, answered as `totalSize` with no records. */
  count?: number;
  /** The select list includes a long text area (pages are shorter then; FIDELITY.md). */
  selectsLongText: boolean;
}

/**
 * Runs a query against the store: `query` sees active, unarchived rows; `queryAll` also the
 * Recycle Bin (IsDeleted = true) and archived activities (vendor-apis.md §1.3, §1.9 trap 8).
 */
export function runSoql(soql: string, store: SObjectStore, options: { all: boolean; apiVersion: string }): SoqlResult {
  const query = parseSoql(soql);
  const object = objectSpec(query.object);
  if (!object) {
    throw new MalformedQuery(`\n${soql}\nERROR at Row:1\nsObject type '${query.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`, "INVALID_TYPE");
  }
  const fields = query.fields.map((name) => resolveField(object, name));
  const seen = new Set<string>();
  for (const field of fields) {
    if (seen.has(field.name)) throw new MalformedQuery(`duplicate field selected: ${field.name}`);
    seen.add(field.name);
  }
  if (query.where) checkFields(object, query.where);
  const order = query.orderBy.map((entry) => ({ ...entry, field: resolveField(object, entry.field).name }));

  let rows = store.rowsOf(object).filter((row) => options.all || (row.deletedAt === null && row.fields.IsArchived !== true));
  const where = query.where;
  if (where) rows = rows.filter((row) => matches(where, row, object));
  rows.sort((a, b) => a.id.localeCompare(b.id));
  for (const entry of [...order].reverse()) {
    rows.sort((a, b) => compareForOrder(a.fields[entry.field] ?? null, b.fields[entry.field] ?? null, entry.descending, entry.nullsLast));
  }
  rows = rows.slice(query.offset ?? 0, query.limit === undefined ? undefined : (query.offset ?? 0) + query.limit);
  if (query.count) return { records: [], count: rows.length, selectsLongText: false };

  return {
    selectsLongText: fields.some((field) => field.long === true),
    records: rows.map((row) => {
      const record: SoqlRecord = { attributes: { type: object.name, url: `/services/data/v${options.apiVersion}/sobjects/${object.name}/${row.id}` } };
      for (const field of fields) record[field.name] = row.fields[field.name] ?? null;
      return record;
    }),
  };
}

export function resolveField(object: ObjectSpec, name: string): FieldSpec {
  const field = fieldSpec(object, name);
  if (!field) {
    throw new MalformedQuery(`\nNo such column '${name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`, "INVALID_FIELD");
  }
  return field;
}

function checkFields(object: ObjectSpec, condition: Condition): void {
  switch (condition.kind) {
    case "and":
    case "or":
      condition.parts.forEach((part) => checkFields(object, part));
      return;
    case "not":
      checkFields(object, condition.part);
      return;
    default: {
      const field = resolveField(object, condition.field);
      const values = condition.kind === "in" ? condition.values : condition.kind === "compare" ? [condition.value] : [];
      for (const value of values) {
        if ((field.type === "id" || field.type === "reference") && typeof value === "string" && canonicalId(value) === undefined) {
          throw new MalformedQuery(`\ninvalid ID field: ${value}`, "INVALID_QUERY_FILTER_OPERATOR");
        }
      }
    }
  }
}

function matches(condition: Condition, row: SObjectRow, object: ObjectSpec): boolean {
  switch (condition.kind) {
    case "and":
      return condition.parts.every((part) => matches(part, row, object));
    case "or":
      return condition.parts.some((part) => matches(part, row, object));
    case "not":
      return !matches(condition.part, row, object);
    case "like": {
      const field = resolveField(object, condition.field);
      const value = row.fields[field.name];
      return typeof value === "string" && likeToRegExp(condition.pattern).test(value);
    }
    case "in": {
      const field = resolveField(object, condition.field);
      const found = condition.values.some((literal) => equal(field, row.fields[field.name] ?? null, literal));
      return condition.negated ? !found : found;
    }
    case "compare": {
      const field = resolveField(object, condition.field);
      const value = row.fields[field.name] ?? null;
      if (condition.op === "=") return equal(field, value, condition.value);
      if (condition.op === "!=") return !equal(field, value, condition.value);
      if (value === null || condition.value === null) return false;
      const order = compareValues(value, condition.value);
      return condition.op === "<" ? order < 0 : condition.op === ">" ? order > 0 : condition.op === "<=" ? order <= 0 : order >= 0;
    }
  }
}

/* Text comparisons are case-insensitive; ids compare in their 18-character form. */
function equal(field: FieldSpec, value: FieldValue, literal: Literal): boolean {
  if (value === null || literal === null) return value === literal;
  if ((field.type === "id" || field.type === "reference") && typeof literal === "string") {
    return typeof value === "string" && canonicalId(literal) === value;
  }
  if (typeof value === "string" && typeof literal === "string") return value.toLowerCase() === literal.toLowerCase();
  return value === literal;
}

function compareValues(a: FieldValue, b: Literal): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function compareForOrder(a: FieldValue, b: FieldValue, descending: boolean, nullsLast: boolean): number {
  if (a === null || b === null) return a === b ? 0 : (a === null) === nullsLast ? 1 : -1;
  const order = typeof a === "number" && typeof b === "number" ? a - b : String(a).toLowerCase().localeCompare(String(b).toLowerCase());
  return descending ? -order : order;
}

/** `%` any run, `_` one character, unless escaped (`\%`, `\_`); `\\` is a backslash. */
export function likeToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === "\\" && i + 1 < pattern.length) {
      source += escapeRegExp(pattern.charAt(i + 1));
      i++;
    } else if (char === "%") source += "[\\s\\S]*";
    else if (char === "_") source += "[\\s\\S]";
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`, "i");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
