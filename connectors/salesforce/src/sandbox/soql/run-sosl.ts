import { objectSpec, type FieldSpec, type ObjectSpec } from "../world/object-catalogue";
import type { SObjectRow, SObjectStore } from "../world/sobject-store";
import { MalformedQuery } from "./malformed-query";
import { resolveField, type SoqlRecord } from "./run-soql";
import { tokenize, type Token } from "./soql-tokens";

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
  const tokens = tokenize(sosl.slice(end));
  let i = 0;
  const wordIs = (text: string) => {
    const token = tokens[i];
    return token?.kind === "word" && token.text.toUpperCase() === text;
  };
  let group: SearchGroup = "ALL";
  if (wordIs("IN")) {
    i++;
    const token = tokens[i++];
    const name = searchGroups.find((candidate) => token?.kind === "word" && token.text.toUpperCase() === candidate);
    if (!name || !wordIs("FIELDS")) throw unexpected(token);
    i++;
    group = name;
  }
  const returning: Returning[] = [];
  if (wordIs("RETURNING")) {
    i++;
    do {
      if (isSymbol(tokens[i], ",")) i++;
      const objectToken = tokens[i++];
      const object = objectToken?.kind === "word" ? objectSpec(objectToken.text) : undefined;
      if (!object) throw new MalformedQuery(`sObject type '${objectToken && "text" in objectToken ? objectToken.text : ""}' is not supported.`, "INVALID_TYPE");
      const entry: Returning = { object, fields: [resolveField(object, "Id")] };
      if (isSymbol(tokens[i], "(")) {
        i++;
        entry.fields = [];
        do {
          if (isSymbol(tokens[i], ",")) i++;
          const field = tokens[i++];
          if (field?.kind !== "word") throw unexpected(field);
          entry.fields.push(resolveField(object, field.text));
        } while (isSymbol(tokens[i], ","));
        if (wordIs("LIMIT")) {
          i++;
          entry.limit = limitOf(tokens[i++]);
        }
        if (!isSymbol(tokens[i], ")")) throw unexpected(tokens[i]);
        i++;
      }
      returning.push(entry);
    } while (isSymbol(tokens[i], ","));
  }
  let overall = maxSearchRows;
  if (wordIs("LIMIT")) {
    i++;
    overall = Math.min(maxSearchRows, limitOf(tokens[i++]));
  }
  if (i < tokens.length) throw unexpected(tokens[i]);
  if (returning.length === 0) throw new MalformedQuery("The sandbox needs a RETURNING clause", "MALFORMED_SEARCH");

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

function isSymbol(token: Token | undefined, text: string): boolean {
  return token?.kind === "symbol" && token.text === text;
}

function limitOf(token: Token | undefined): number {
  if (token?.kind !== "number" || !Number.isInteger(token.value) || token.value < 1) throw unexpected(token);
  return token.value;
}

function unexpected(token: Token | undefined): MalformedQuery {
  const text = !token ? "<EOF>" : token.kind === "string" ? token.raw : token.kind === "number" ? String(token.value) : token.text;
  return new MalformedQuery(`unexpected token: '${text}'`, "MALFORMED_SEARCH");
}
