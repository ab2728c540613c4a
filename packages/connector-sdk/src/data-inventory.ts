import { z } from "zod";
import type { DataCategory } from "./definition";
import { schemaDeclaresPath } from "./schema-field-paths";

/*
 * The data inventory a connector declares per record type: what personal data the type holds and in
 * which fields, why it is processed, on which lawful basis and how long it is kept by default. It is
 * the base of a record of processing activities (GDPR Art. 30) and of the Art. 15(1) information an
 * access bundle gives the person.
 */

/** The lawful bases of GDPR Art. 6(1) (a)–(f). */
export const lawfulBases = [
  "consent",
  "contract",
  "legal-obligation",
  "vital-interests",
  "public-task",
  "legitimate-interests",
] as const;
export type LawfulBasis = (typeof lawfulBases)[number];

/** How long a record type is kept by default, counted from an event said in words. */
export interface RetentionDefault {
  /** An ISO 8601 duration, e.g. `P7Y`, `P30D`. */
  period: string;
  /** The event the period runs from, in words: "the end of the call", "the ticket being closed". */
  from: string;
  /** What else the reader should know, e.g. that the vendor keeps records until deleted. */
  note?: string;
}

export interface RecordTypeInventory {
  /** Every category of personal data the record type holds. */
  categories: DataCategory[];
  /** Field path of the exported JSON (dot-separated, `*` for any array index) → the categories it holds. */
  fields: Record<string, DataCategory[]>;
  /** Why the organisation processes these records, in words for the person (Art. 13(1)(c), 15(1)(a)). */
  purposes: string[];
  lawfulBasis: LawfulBasis;
  /** Which legitimate interest, which legal obligation …: the detail Art. 13(1)(c)–(d) asks for. */
  basisNote?: string;
  retention: RetentionDefault;
}

/** Record type → its inventory entry. */
export type DataInventory = Record<string, RecordTypeInventory>;

const isoDuration = z.iso.duration();

/** Whether `value` is an ISO 8601 duration with at least one component (`P7Y`, `P1Y6M`, `PT36H`). */
export function isIsoDuration(value: unknown): boolean {
  return isoDuration.safeParse(value).success;
}

/**
 * A connector's declared inventory, or undefined when it declares none: a plugin built against
 * connector contract 1.0 predates the inventory, and the host shows its record types as "not
 * declared" instead of failing.
 */
export function declaredInventory(connector: unknown): DataInventory | undefined {
  const inventory = (connector as { inventory?: unknown } | null)?.inventory;
  return typeof inventory === "object" && inventory !== null ? (inventory as DataInventory) : undefined;
}

/** Record type → the categories of personal data it holds, as the inventory declares them. */
export function dataCategoriesOf(connector: unknown): Record<string, DataCategory[]> {
  const inventory = declaredInventory(connector) ?? {};
  return Object.fromEntries(Object.entries(inventory).map(([type, entry]) => [type, [...entry.categories]]));
}

/**
 * Every way a candidate's inventory falls short, each as a sentence: a record type of
 * `recordSchemas` without an entry, an entry for a type with no schema, empty categories,
 * fields or purposes, a field its record schema does not declare, a field category missing from the type's categories, an unknown lawful basis,
 * a retention period that is not an ISO 8601 duration or runs from nothing. Pure; the conformance
 * suite and `validateConnectorPlugin` apply this same rule.
 */
export function inventoryProblems(candidate: unknown): string[] {
  const definition = (candidate ?? {}) as { inventory?: unknown; recordSchemas?: unknown };
  const inventory = definition.inventory;
  if (typeof inventory !== "object" || inventory === null) return ["declares no data inventory"];
  const schemas = typeof definition.recordSchemas === "object" && definition.recordSchemas !== null ? definition.recordSchemas : {};
  const problems: string[] = [];
  for (const type of Object.keys(schemas)) {
    if (!(type in inventory)) problems.push(`declares no inventory for record type "${type}"`);
  }
  for (const [type, entry] of Object.entries(inventory as Record<string, unknown>)) {
    if (!(type in schemas)) problems.push(`declares inventory for record type "${type}", which has no schema`);
    problems.push(...entryProblems(entry, (schemas as Record<string, unknown>)[type]).map((problem) => `its inventory of "${type}" ${problem}`));
  }
  return problems;
}

function entryProblems(candidate: unknown, schema: unknown): string[] {
  if (typeof candidate !== "object" || candidate === null) return ["is not an object"];
  const entry = candidate as Partial<Record<keyof RecordTypeInventory, unknown>>;
  const problems: string[] = [];
  const categories = nonEmptyStrings(entry.categories);
  if (!categories) problems.push("names no categories of personal data");
  const fields = typeof entry.fields === "object" && entry.fields !== null ? Object.entries(entry.fields as Record<string, unknown>) : [];
  if (fields.length === 0) problems.push("names no fields that hold personal data");
  for (const [path, fieldCategories] of fields) {
    if (schema !== undefined && !schemaDeclaresPath(schema, path)) problems.push(`names field "${path}", which its record schema does not declare`);
    const named = nonEmptyStrings(fieldCategories);
    if (!named) problems.push(`names no categories for field "${path}"`);
    const undeclared = (named ?? []).filter((category) => !(categories ?? []).includes(category));
    if (undeclared.length > 0) problems.push(`gives field "${path}" categories the type does not declare (${undeclared.join(", ")})`);
  }
  if (!nonEmptyStrings(entry.purposes)) problems.push("states no purpose");
  if (!(lawfulBases as readonly unknown[]).includes(entry.lawfulBasis)) {
    problems.push(`has lawful basis ${JSON.stringify(entry.lawfulBasis)}, not one of Art. 6(1): ${lawfulBases.join(", ")}`);
  }
  const retention = (entry.retention ?? {}) as Partial<Record<keyof RetentionDefault, unknown>>;
  if (!isIsoDuration(retention.period)) problems.push(`has retention period ${JSON.stringify(retention.period)}, not an ISO 8601 duration`);
  if (typeof retention.from !== "string" || retention.from.trim() === "") problems.push("does not say what its retention period runs from");
  return problems;
}

function nonEmptyStrings(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((item) => typeof item === "string" && item.trim() !== "") ? (value as string[]) : undefined;
}
