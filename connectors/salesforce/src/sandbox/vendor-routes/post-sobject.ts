import type { RequestHandler } from "express";
import { sendSalesforceError } from "../http/salesforce-error";
import type { SandboxState } from "../sandbox-state";
import { objectSpec } from "../world/object-catalogue";
import { salesforceDateTime, type FieldValue } from "../world/sobject-store";
import { apiVersionOf } from "./api-version";
import { readFieldValues } from "./field-values";

/**
 * `POST /sobjects/{type}`: creates a record → 201 `{id, success: true, errors: []}`; a required
 * field left out → 400 `REQUIRED_FIELD_MISSING`. The record is in SOQL at once and in SOSL only
 * after the search index's lag. It holds no seeded person's data (the oracle does not list it).
 */
export function postSObject(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const object = objectSpec(req.params.type ?? "");
    if (!object) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    const values = readFieldValues(object, req.body, res);
    if (!values) return;
    const missing = object.fields.filter((field) => field.required && (values[field.name] === undefined || values[field.name] === ""));
    if (missing.length > 0) {
      return sendSalesforceError(res, 400, "REQUIRED_FIELD_MISSING", `Required fields are missing: [${missing.map((field) => field.name).join(", ")}]`, missing.map((field) => field.name));
    }
    const now = state.clock.now();
    const id = state.createdIds.next(object.keyPrefix);
    const fields: Record<string, FieldValue> = {};
    for (const field of object.fields) fields[field.name] = null;
    const stamp = salesforceDateTime(now);
    Object.assign(fields, { IsDeleted: false, CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp }, values, { Id: id });
    if ("IsArchived" in fields && fields.IsArchived === null) fields.IsArchived = false;
    if ("Name" in fields) fields.Name = [fields.FirstName, fields.LastName].filter((part) => typeof part === "string" && part !== "").join(" ") || null;
    state.store.insert({ object: object.name, id, fields, deletedAt: null, holders: [], writtenAt: now });
    res.status(201).json({ id, success: true, errors: [] });
  };
}
