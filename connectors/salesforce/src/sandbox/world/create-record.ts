import type { SandboxState } from "../sandbox-state";
import { fieldSpec, type ObjectSpec } from "./object-catalogue";
import { salesforceDateTime, type FieldValue } from "./sobject-store";

/** Salesforce's refusal of a create or update: its error code, message and the fields at fault. */
export interface FieldRefusal {
  errorCode: "INVALID_FIELD" | "INVALID_FIELD_FOR_INSERT_UPDATE" | "REQUIRED_FIELD_MISSING" | "JSON_PARSER_ERROR";
  message: string;
  fields: string[];
}

/**
 * The field values of a create or PATCH body, checked as Salesforce does: unknown field
 * `INVALID_FIELD`, read-only field `INVALID_FIELD_FOR_INSERT_UPDATE`, a required field set to null
 * `REQUIRED_FIELD_MISSING`, a value that is not a scalar `JSON_PARSER_ERROR`.
 */
export function checkFieldValues(object: ObjectSpec, body: Record<string, unknown>): { values: Record<string, FieldValue> } | { refusal: FieldRefusal } {
  const values: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === "attributes") continue;
    const field = fieldSpec(object, name);
    if (!field) return refuse("INVALID_FIELD", `No such column '${name}' on sobject of type ${object.name}`, name);
    if (field.readOnly) return refuse("INVALID_FIELD_FOR_INSERT_UPDATE", `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, field.name);
    if (value === null && field.required) return refuse("REQUIRED_FIELD_MISSING", `Required fields are missing: [${field.name}]`, field.name);
    if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      return refuse("JSON_PARSER_ERROR", `Cannot deserialize value for field ${field.name}`, field.name);
    }
    values[field.name] = value;
  }
  return { values };
}

/**
 * Creates a record as `POST /sobjects/{type}` does (a required field left out:
 * `REQUIRED_FIELD_MISSING`): every field present (null when not given), system fields stamped,
 * the id from the sandbox's own pod, and the people whose data it holds named for the oracle
 * (org-people.ts). It is in SOQL at once and in SOSL after the search index's lag.
 */
export function createRecord(state: SandboxState, object: ObjectSpec, body: Record<string, unknown>): { id: string } | { refusal: FieldRefusal } {
  const checked = checkFieldValues(object, body);
  if ("refusal" in checked) return checked;
  const { values } = checked;
  const missing = object.fields.filter((field) => field.required && (values[field.name] === undefined || values[field.name] === ""));
  if (missing.length > 0) {
    return { refusal: { errorCode: "REQUIRED_FIELD_MISSING", message: `Required fields are missing: [${missing.map((field) => field.name).join(", ")}]`, fields: missing.map((field) => field.name) } };
  }
  const now = state.clock.now();
  const id = state.createdIds.next(object.keyPrefix);
  const fields: Record<string, FieldValue> = {};
  for (const field of object.fields) fields[field.name] = null;
  const stamp = salesforceDateTime(now);
  Object.assign(fields, { IsDeleted: false, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp }, values, { Id: id });
  if ("IsArchived" in fields && fields.IsArchived === null) fields.IsArchived = false;
  if ("IsPublished" in fields && fields.IsPublished === null) fields.IsPublished = false;
  if ("Name" in fields && object.fields.some((field) => field.name === "FirstName")) {
    fields.Name = [fields.FirstName, fields.LastName].filter((part) => typeof part === "string" && part !== "").join(" ") || null;
  }
  const holders = state.orgPeople.holdersOfCreated(state.store, object.name, id, fields);
  state.store.insert({ object: object.name, id, fields, deletedAt: null, holders, writtenAt: now });
  return { id };
}

function refuse(errorCode: FieldRefusal["errorCode"], message: string, field: string): { refusal: FieldRefusal } {
  return { refusal: { errorCode, message, fields: [field] } };
}
