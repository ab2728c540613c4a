import type { RecordType } from "../world/world";
import type { PersonChanges } from "../world/vendor-store";
import type { FieldError } from "./vendor-error";

/** What a valid `PATCH` body asks for. */
export interface RecordPatch {
  changes: PersonChanges;
  restricted?: boolean;
}

const e164 = /^\+[1-9]\d{1,14}$/;
const emailAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const maxNameLength = 200;
const maxBodyLength = 10_000;
/** Fields a person has that no client may write (API.md, "Update a record"). */
const readOnly = new Set(["id", "customerId", "createdAt", "personId"]);

/**
 * Checks a `PATCH /api/{collection}/:id` body as Reference CRM does (API.md, "Update a record"):
 * a JSON object of at least one writable field — `restricted` on every record, `name`, `email`
 * and `phone` on a person too, `body` on a note (how agents redact a note). The vendor does not repair values: a phone must already be E.164;
 * an e-mail is only lower-cased. Every bad field is reported, not just the first.
 */
export function readPatch(type: RecordType, body: unknown): { patch: RecordPatch } | { errors: FieldError[] } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { errors: [{ field: "(body)", message: "must be a JSON object" }] };
  }
  const entries = Object.entries(body);
  if (entries.length === 0) return { errors: [{ field: "(body)", message: "must change at least one field" }] };
  const errors: FieldError[] = [];
  const patch: RecordPatch = { changes: {} };
  for (const [field, value] of entries) {
    if (field === "restricted") {
      if (typeof value === "boolean") patch.restricted = value;
      else errors.push({ field, message: "must be true or false" });
    } else if (type === "person" && (field === "name" || field === "email" || field === "phone")) {
      const checked = personField(field, value);
      if ("message" in checked) errors.push({ field, message: checked.message });
      else patch.changes[field] = checked.value;
    } else if (type === "note" && field === "body") {
      if (typeof value === "string" && value.trim() !== "" && value.length <= maxBodyLength) patch.changes.body = value;
      else errors.push({ field, message: `must be a non-empty string of at most ${maxBodyLength} characters` });
    } else {
      errors.push({ field, message: readOnly.has(field) ? "cannot be changed" : `is not a field of a ${type} that can be updated` });
    }
  }
  return errors.length > 0 ? { errors } : { patch };
}

function personField(field: "name" | "email" | "phone", value: unknown): { value: string } | { message: string } {
  if (typeof value !== "string") return { message: "must be a string" };
  if (field === "name") {
    const name = value.trim();
    if (name === "") return { message: "must not be empty" };
    if (name.length > maxNameLength) return { message: `must be at most ${maxNameLength} characters` };
    return { value: name };
  }
  if (field === "email") {
    return emailAddress.test(value) ? { value: value.toLowerCase() } : { message: "must be an e-mail address" };
  }
  return e164.test(value) ? { value } : { message: "must be an E.164 phone number, e.g. +12015550142" };
}
