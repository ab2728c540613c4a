import { z } from "zod";

/*
 * The type-specific input of a request, stored in `requests.parameters` (docs/rights-engine.md,
 * "Request parameters"). Written by fileRequest after validation; read by the plan builder
 * (rectification) and the restrict task. Identifier-like values are stored normalised.
 */

/** One proposed correction: the field in Lethe's words and its new value. */
export const fieldChange = z.object({ field: z.string().min(1), value: z.string() });
export type FieldChange = z.output<typeof fieldChange>;

/** `{ changes: [{ field, value }, …] }` — one entry per field, at least one. */
export const rectificationParameters = z.object({ changes: z.array(fieldChange).min(1) });
export type RectificationParameters = z.output<typeof rectificationParameters>;

/** `{ lift: boolean }` — `true` lifts an earlier restriction instead of setting one. */
export const restrictionParametersSchema = z.object({ lift: z.boolean().default(false) });
export type RestrictionParameters = z.output<typeof restrictionParametersSchema>;

/**
 * A restriction's parameters; none stored means a restriction is set. Anything else that does not
 * parse throws: guessing between setting and lifting a restriction is not the engine's call.
 */
export function restrictionParameters(stored: unknown): RestrictionParameters {
  if (stored === null || stored === undefined) return { lift: false };
  return restrictionParametersSchema.parse(stored);
}

/** The fields a rectification may correct: the names connectors declare in `capabilities.rectify`. */
export const rectifiableFields = ["name", "email", "phone"] as const;
export type RectifiableField = (typeof rectifiableFields)[number];

/** A request's type-specific input that does not hold; `fields` name each bad one by path. */
export class InvalidRequestParametersError extends Error {
  readonly code = "invalid_parameters";
  constructor(readonly fields: Array<{ path: string; message: string }>) {
    super(`Invalid request parameters: ${fields.map((field) => `${field.path} ${field.message}`).join("; ")}`);
    this.name = "InvalidRequestParametersError";
  }
}

export interface RawRequestParameters {
  /** rectification: the corrections the subject asks for. */
  changes?: ReadonlyArray<{ field: string; value: string }>;
  /** restriction: lift an earlier restriction instead of setting one. */
  lift?: boolean;
}

/**
 * Checks and normalises a request's type-specific input into what `requests.parameters` stores:
 * a rectification needs `changes` of known fields, one entry per field, e-mail and phone values
 * normalised as identifiers are (canonical address, E.164 — an unreadable one is refused, never
 * stored as typed); a restriction takes `lift`; other types take neither. Messages name fields,
 * never values.
 */
export function requestParameters(
  type: string,
  raw: RawRequestParameters,
  normalise: (kind: "email" | "phone", value: string) => string,
): RectificationParameters | RestrictionParameters | null {
  const errors: Array<{ path: string; message: string }> = [];
  if (type !== "rectification" && raw.changes !== undefined) errors.push({ path: "changes", message: "is only for rectification requests" });
  if (type !== "restriction" && raw.lift !== undefined) errors.push({ path: "lift", message: "is only for restriction requests" });
  if (type === "restriction" && errors.length === 0) return { lift: raw.lift ?? false };
  if (type !== "rectification") {
    if (errors.length > 0) throw new InvalidRequestParametersError(errors);
    return null;
  }
  const changes = raw.changes ?? [];
  if (changes.length === 0) errors.push({ path: "changes", message: "must name at least one field to correct" });
  const seen = new Set<string>();
  const normalised: FieldChange[] = [];
  changes.forEach((change, index) => {
    if (!(rectifiableFields as readonly string[]).includes(change.field)) {
      errors.push({ path: `changes.${index}.field`, message: `must be one of ${rectifiableFields.join(", ")}` });
      return;
    }
    if (seen.has(change.field)) errors.push({ path: `changes.${index}.field`, message: "is given twice" });
    seen.add(change.field);
    const value = change.value.trim();
    if (value === "") {
      errors.push({ path: `changes.${index}.value`, message: "must not be empty" });
      return;
    }
    if (change.field === "name") {
      normalised.push({ field: "name", value });
      return;
    }
    try {
      normalised.push({ field: change.field, value: normalise(change.field as "email" | "phone", value) });
    } catch (error) {
      errors.push({ path: `changes.${index}.value`, message: `is not a valid ${change.field === "email" ? "e-mail address" : "phone number"}` });
      if (!(error instanceof Error)) throw error;
    }
  });
  if (errors.length > 0) throw new InvalidRequestParametersError(errors);
  return { changes: normalised };
}
