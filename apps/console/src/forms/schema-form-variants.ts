/**
 * A connector's settings or secrets may be a union (zod `z.union`/`z.discriminatedUnion` → JSON
 * Schema `oneOf`/`anyOf` of objects), e.g. Salesforce's client-credentials or JWT-bearer flow. The
 * form then asks which alternative first and shows only that alternative's fields. The property
 * whose `const` tells the alternatives apart (the discriminator) is not asked: choosing the
 * alternative sets it, so the submitted object always matches the chosen branch.
 */
import { fieldsFromJsonSchema, labelFromName, readForm, type FieldValue, type FormReading, type SchemaField } from "./schema-form-fields";

export interface SchemaVariant {
  /** Stable key for the choice input: the discriminator's value, else the alternative's position. */
  key: string;
  title: string;
  description: string | null;
  /** The property fixed by choosing this alternative, and its value. */
  discriminator: { name: string; value: string | number | boolean } | null;
  fields: SchemaField[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function alternativesOf(schema: JsonObject): JsonObject[] {
  const listed = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [];
  return listed.filter(isObject).filter((alternative) => isObject(alternative.properties));
}

type Constant = string | number | boolean;

function constantOf(alternative: JsonObject, name: string): Constant | undefined {
  const properties = isObject(alternative.properties) ? alternative.properties : {};
  const property = properties[name];
  if (!isObject(property)) return undefined;
  const value: unknown = property.const ?? (Array.isArray(property.enum) && property.enum.length === 1 ? property.enum[0] : undefined);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

/** The property every alternative fixes to a different constant, if there is one. */
function discriminatorName(alternatives: JsonObject[]): string | null {
  const first = alternatives[0];
  if (!first || !isObject(first.properties)) return null;
  for (const name of Object.keys(first.properties)) {
    const values = alternatives.map((alternative) => constantOf(alternative, name));
    if (values.every((value) => value !== undefined) && new Set(values).size === values.length) return name;
  }
  return null;
}

/**
 * One variant per alternative of a union schema; a plain object schema is a single variant with
 * an empty title (the form shows no choice for it).
 */
export function variantsFromJsonSchema(schema: unknown, options: { secret: boolean }): SchemaVariant[] {
  if (!isObject(schema)) return [];
  const alternatives = alternativesOf(schema);
  if (alternatives.length === 0) {
    return [{ key: "only", title: "", description: null, discriminator: null, fields: fieldsFromJsonSchema(schema, options) }];
  }
  const discriminator = discriminatorName(alternatives);
  return alternatives.map((alternative, index) => {
    const value = discriminator === null ? undefined : constantOf(alternative, discriminator);
    const fixed = discriminator !== null && value !== undefined ? { name: discriminator, value } : null;
    const title =
      typeof alternative.title === "string" ? alternative.title : fixed ? labelFromName(String(fixed.value)) : `Option ${index + 1}`;
    return {
      key: fixed ? String(fixed.value) : String(index),
      title,
      description: typeof alternative.description === "string" ? alternative.description : null,
      discriminator: fixed,
      fields: fieldsFromJsonSchema(alternative, options).filter((field) => field.name !== fixed?.name),
    };
  });
}

/** Reads the chosen alternative's fields and adds its discriminator, so the value matches that branch only. */
export function readVariantForm(variant: SchemaVariant, values: Record<string, FieldValue>): FormReading {
  const reading = readForm(variant.fields, values);
  if (!variant.discriminator) return reading;
  return { value: { [variant.discriminator.name]: variant.discriminator.value, ...reading.value }, problems: reading.problems };
}
