/**
 * Turns a connector's settings or secrets JSON Schema (draft 2020-12, from zod's `toJSONSchema`)
 * into the fields of a form, and the form's text values back into the typed object the API
 * expects. The server validates again with the connector's own zod schema; this is so the form
 * asks the right questions, marks what is required and catches typos before a round trip.
 */

import { textOf } from "../format/text-of";

export type SchemaFieldKind = "text" | "url" | "email" | "number" | "integer" | "boolean" | "enum" | "json";

export interface SchemaField {
  name: string;
  label: string;
  kind: SchemaFieldKind;
  required: boolean;
  description: string | null;
  /** Secret fields are typed as password inputs and never prefilled. */
  secret: boolean;
  options: string[];
  minimum: number | null;
  maximum: number | null;
  defaultValue: string | boolean | null;
}

/** What an input holds: text for everything but checkboxes. */
export type FieldValue = string | boolean;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `apiToken` → `Api token`, `baseUrl` → `Base URL`. */
export function labelFromName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((word) => (/^(url|id|api|uri|ssl|tls)$/i.test(word) ? word.toUpperCase() : word.toLowerCase()));
  const sentence = words.join(" ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function enumOptions(property: JsonObject): string[] {
  if (Array.isArray(property.enum)) return property.enum.map(String);
  const alternatives = Array.isArray(property.anyOf) ? property.anyOf : Array.isArray(property.oneOf) ? property.oneOf : [];
  const constants = alternatives.filter(isObject).map((alternative) => alternative.const);
  return constants.length > 0 && constants.every((c) => typeof c === "string") ? constants : [];
}

function kindOf(property: JsonObject): SchemaFieldKind {
  if (enumOptions(property).length > 0) return "enum";
  switch (property.type) {
    case "string":
      if (property.format === "uri" || property.format === "url") return "url";
      if (property.format === "email") return "email";
      return "text";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "json";
  }
}

export function fieldsFromJsonSchema(schema: unknown, options: { secret: boolean }): SchemaField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(schema.properties).map(([name, raw]) => {
    const property = isObject(raw) ? raw : {};
    const kind = kindOf(property);
    const defaultValue =
      typeof property.default === "boolean" ? property.default : property.default === undefined ? null : textOf(property.default);
    return {
      name,
      label: typeof property.title === "string" ? property.title : labelFromName(name),
      kind,
      required: required.has(name),
      description: typeof property.description === "string" ? property.description : null,
      secret: options.secret,
      options: enumOptions(property),
      minimum: typeof property.minimum === "number" ? property.minimum : null,
      maximum: typeof property.maximum === "number" ? property.maximum : null,
      defaultValue: options.secret ? null : defaultValue,
    };
  });
}

/** Start values: an example (for settings), else the schema's default, else empty. */
export function initialValues(fields: SchemaField[], example: unknown): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    const given = !field.secret && isObject(example) ? example[field.name] : undefined;
    if (field.kind === "boolean") values[field.name] = typeof given === "boolean" ? given : field.defaultValue === true;
    else if (given !== undefined) values[field.name] = field.kind === "json" ? JSON.stringify(given) : textOf(given);
    else values[field.name] = typeof field.defaultValue === "string" ? field.defaultValue : "";
  }
  return values;
}

export interface FormReading {
  value: Record<string, unknown>;
  /** Field name → what is wrong with it. Empty when the form can be sent. */
  problems: Record<string, string>;
}

/** Reads the form into the object the API takes; empty optional fields are left out. */
export function readForm(fields: SchemaField[], values: Record<string, FieldValue>): FormReading {
  const value: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === "boolean") {
      value[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (text === "") {
      if (field.required) problems[field.name] = "Required.";
      continue;
    }
    const problem = checkField(field, text);
    if (problem) {
      problems[field.name] = problem;
      continue;
    }
    value[field.name] = convert(field, text);
  }
  return { value, problems };
}

function checkField(field: SchemaField, text: string): string | null {
  switch (field.kind) {
    case "url":
      try {
        const url = new URL(text);
        return url.protocol === "http:" || url.protocol === "https:" ? null : "Must be an http:// or https:// URL.";
      } catch {
        return "Must be a full URL, e.g. https://example.com.";
      }
    case "integer":
    case "number": {
      const number = Number(text);
      if (!Number.isFinite(number)) return "Must be a number.";
      if (field.kind === "integer" && !Number.isInteger(number)) return "Must be a whole number.";
      if (field.minimum !== null && number < field.minimum) return `Must be at least ${field.minimum}.`;
      if (field.maximum !== null && number > field.maximum) return `Must be at most ${field.maximum}.`;
      return null;
    }
    case "enum":
      return field.options.includes(text) ? null : `Must be one of ${field.options.join(", ")}.`;
    case "json":
      try {
        JSON.parse(text);
        return null;
      } catch {
        return "Must be valid JSON.";
      }
    default:
      return null;
  }
}

function convert(field: SchemaField, text: string): unknown {
  if (field.kind === "integer" || field.kind === "number") return Number(text);
  if (field.kind === "json") return JSON.parse(text) as unknown;
  return text;
}
