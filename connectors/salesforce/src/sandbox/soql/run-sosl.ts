import { objectSpec, type FieldSpec, type ObjectSpec } from "../world/object-catalogue";
import type { SObjectRow, SObjectStore } from "../world/sobject-store";
import { MalformedQuery } from "./malformed-query";
import { parseSoql, type SoqlQuery } from "./parse-soql";
import { resolveField, type SoqlRecord } from "./run-soql";

const searchGroups = ["ALL", "NAME", "EMAIL", "PHONE", "SIDEBAR"] as const;
type SearchGroup = (typeof searchGroups)[number];

interface Returning {
  object: ObjectSpec;
  fields: FieldSpec[];
  limit?: number;
}

/** Characters that must be escaped inside `{…}` (vendor-apis.md §1.8). */
const reservedCharacters = new Set(["?", "&", "|", "!", "{", "}", "[", "]", "(", ")", "^", "~", "*", ":", "\\", '"', "'", "+", "-"]);
/** Salesforce's cap on rows a search returns; there is no cursor. */
const maxSearchRows = 2_000;

/**
 * `FIND {term} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS] RETURNING Obj(f, …) [LIMIT n], … [LIMIT n]`.
 * The term's reserved characters must be backslash-escaped; the sandbox refuses unescaped ones
 * other than the wildcards `*`, `?` and phrase quotes (stricter than Salesforce, which reads them
 * as operators; FIDELITY.md). Words must all occur; `AND`/`OR` between them are ignored. Rows
 * written after `indexedUpTo` are not in the index yet (vendor-apis.md §1.9 trap 7).
 */
export function runSosl(sosl: string, store: SObjectStore, apiVersion: string, indexedUpTo: Date): SoqlRecord[] {
  const found = /^\s*FIND\s*\{/i.exec(sosl);
  if (!found) throw new MalformedQuery("unexpected token: expecting FIND {…}", "MALFORMED_SEARCH");
  const { words, end } = readTerm(sosl, found[0].length);
  const { group, returning, overall } = readSearchClauses(sosl.slice(end));

  const results: SoqlRecord[] = [];
  for (const entry of returning) {
    const hits = store
      .rowsOf(entry.object)
      .filter((row) => row.deletedAt === null && row.fields.IsArchived !== true && isIndexed(row, indexedUpTo) && matchesTerm(row, entry.object, group, words))
      .slice(0, entry.limit);
    for (const row of hits) {
      if (results.length >= overall) return results;
      const record: SoqlRecord = { attributes: { type: entry.object.name, url: `/services/data/v${apiVersion}/sobjects/${entry.object.name}/${row.id}` } };
      for (const field of entry.fields) record[field.name] = row.fields[field.name] ?? null;
      results.push(record);
    }
  }
  return results;
}

/* The search index lags behind writes: a row written after `indexedUpTo` is not found yet (neither its old values nor its new ones). */
function isIndexed(row: SObjectRow, indexedUpTo: Date): boolean {
  return row.writtenAt === undefined || row.writtenAt.getTime() <= indexedUpTo.getTime();
}

function readTerm(sosl: string, start: number): { words: string[]; end: number } {
  let current = "";
  const words: string[] = [];
  let inPhrase = false;
  for (let i = start; i < sosl.length; i++) {
    const char = sosl.charAt(i);
    if (char === "\\") {
      const next = sosl.charAt(i + 1);
      if (next === "") break;
      current += next;
      i++;
      continue;
    }
    if (char === "}") {
      if (current) words.push(current);
      const kept = words.filter((word) => !["AND", "OR", "NOT"].includes(word.toUpperCase()) || inPhrase);
      if (kept.length === 0) throw new MalformedQuery("search term must be longer than one character", "MALFORMED_SEARCH");
      return { words: kept, end: i + 1 };
    }
    if (char === '"') {
      inPhrase = !inPhrase;
      continue;
    }
    if (/\s/.test(char) && !inPhrase) {
      if (current) words.push(current);
      current = "";
      continue;
    }
    if (char === "*" || char === "?") {
      current += char === "*" ? "\u0000" : "\u0001";
      continue;
    }
    if (reservedCharacters.has(char)) {
      throw new MalformedQuery(`line 1:${i} no viable alternative at character '${char}'`, "MALFORMED_SEARCH");
    }
    current += char;
  }
  throw new MalformedQuery("line 1:0 mismatched character '<EOF>' expecting '}'", "MALFORMED_SEARCH");
}

function matchesTerm(row: SObjectRow, object: ObjectSpec, group: SearchGroup, words: string[]): boolean {
  const fields = object.fields.filter((field) => inGroup(field, group));
  return words.every((word) =>
    fields.some((field) => {
      const value = row.fields[field.name];
      if (typeof value !== "string") return false;
      if (field.type === "phone") {
        // Phone search compares digits, whatever the punctuation people typed.
        const digits = word.replace(/\D/g, "");
        if (digits.length >= 4 && value.replace(/\D/g, "").endsWith(digits)) return true;
      }
      return wordPattern(word).test(value);
    }),
  );
}

function inGroup(field: FieldSpec, group: SearchGroup): boolean {
  switch (group) {
    case "EMAIL":
      return field.type === "email" || field.name.endsWith("Address");
    case "PHONE":
      return field.type === "phone";
    case "NAME":
      return ["Name", "FirstName", "LastName", "Title"].includes(field.name);
    default:
      return ["string", "email", "phone", "textarea"].includes(field.type);
  }
}

function wordPattern(word: string): RegExp {
  const source = word
    .split("")
    .map((char) => (char === "\u0000" ? "\\S*" : char === "\u0001" ? "\\S" : char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(source, "i");
}

/**
 * What follows the term: `[IN group FIELDS] RETURNING Obj[(fields [LIMIT n])], … [LIMIT n]`.
 * Each RETURNING entry is SOQL in all but name (`Contact(Id, Email LIMIT 5)` is `SELECT Id,
 * Email FROM Contact LIMIT 5`), so it is read by the same grammar as SOQL.
 */
function readSearchClauses(clauses: string): { group: SearchGroup; returning: Returning[]; overall: number } {
  const head = /^\s*(?:IN\s+(\S+)\s+FIELDS\b)?\s*/i.exec(clauses);
  let group: SearchGroup = "ALL";
  if (head?.[1] !== undefined) {
    const named = head[1].toUpperCase();
    const known = searchGroups.find((candidate) => candidate === named);
    if (!known) throw unexpected(head[1]);
    group = known;
  }
  const rest = clauses.slice(head?.[0].length ?? 0);
  const returningClause = /^RETURNING\s+/i.exec(rest);
  if (!returningClause) {
    if (rest.trim() === "" || /^LIMIT\b/i.test(rest)) throw new MalformedQuery("The sandbox needs a RETURNING clause", "MALFORMED_SEARCH");
    throw unexpected(rest.split(/\s/)[0]);
  }
  const entries = splitOutsideParentheses(rest.slice(returningClause[0].length));
  let overall = maxSearchRows;
  const returning = entries.map((text, i) => {
    const entry = /^\s*([A-Za-z]\w*)\s*(?:\(([\s\S]*)\))?\s*(?:\bLIMIT\s+(\S+))?\s*$/i.exec(text);
    if (!entry?.[1]) throw unexpected(text.trim().split(/[\s(]/)[0]);
    if (entry[3] !== undefined) {
      if (i !== entries.length - 1) throw unexpected("LIMIT");
      overall = Math.min(maxSearchRows, positiveCount(entry[3]));
    }
    return returningEntry(entry[1], entry[2]);
  });
  return { group, returning, overall };
}

function returningEntry(name: string, inside: string | undefined): Returning {
  const object = objectSpec(name);
  if (!object) throw new MalformedQuery(`sObject type '${name}' is not supported.`, "INVALID_TYPE");
  if (inside === undefined) return { object, fields: [resolveField(object, "Id")] };
  const clause = /\s(?=(?:WHERE|ORDER\s+BY|LIMIT|OFFSET|WITH|USING)\b)/i.exec(inside);
  const fields = clause ? inside.slice(0, clause.index) : inside;
  const rest = clause ? inside.slice(clause.index) : "";
  let query: SoqlQuery;
  try {
    query = parseSoql(`SELECT ${fields} FROM ${object.name}${rest}`);
  } catch (error) {
    if (error instanceof MalformedQuery && error.errorCode === "MALFORMED_QUERY") throw new MalformedQuery(error.message, "MALFORMED_SEARCH");
    throw error;
  }
  if (query.where !== undefined || query.orderBy.length > 0 || query.offset !== undefined) {
    throw new MalformedQuery(`WHERE, ORDER BY and OFFSET inside RETURNING ${object.name}(…) are valid SOSL, but the Lethe Salesforce sandbox does not evaluate them (see the connector's FIDELITY.md)`, "MALFORMED_SEARCH");
  }
  if (query.limit !== undefined && query.limit < 1) throw unexpected(String(query.limit));
  return { object, fields: query.fields.map((field) => resolveField(object, field)), ...(query.limit === undefined ? {} : { limit: query.limit }) };
}

/** Splits at commas that stand outside parentheses and quoted strings. */
function splitOutsideParentheses(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted && char === "\\") {
      current += char + text.charAt(i + 1);
      i++;
      continue;
    }
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth--;
    else if (!quoted && depth === 0 && char === ",") {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

function positiveCount(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw unexpected(text);
  return Number(text);
}

function unexpected(text: string | undefined): MalformedQuery {
  return new MalformedQuery(`unexpected token: '${text || "<EOF>"}'`, "MALFORMED_SEARCH");
}
