import type { Response } from "express";
import { z } from "zod";
import { sendSalesforceError } from "../http/salesforce-error";
import { fieldSpec, type ObjectSpec } from "../world/object-catalogue";
import type { FieldValue } from "../world/sobject-store";

/**
 * The field values of a create or PATCH body, checked as Salesforce does: unknown field
 * `INVALID_FIELD`, read-only field `INVALID_FIELD_FOR_INSERT_UPDATE`, a required field set to null
 * `REQUIRED_FIELD_MISSING`, a value that is not a scalar `JSON_PARSER_ERROR`. Undefined after the
 * error has been sent.
 */
export function readFieldValues(object: ObjectSpec, body: unknown, res: Response): Record<string, FieldValue> | undefined {
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  if (!parsed.success) {
    sendSalesforceError(res, 400, "JSON_PARSER_ERROR", "The request body is not a JSON object");
    return undefined;
  }
  const values: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(parsed.data)) {
    if (name === "attributes") continue;
    const field = fieldSpec(object, name);
    if (!field) return refuse(res, "INVALID_FIELD", `No such column '${name}' on sobject of type ${object.name}`, name);
    if (field.readOnly) return refuse(res, "INVALID_FIELD_FOR_INSERT_UPDATE", `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, field.name);
    if (value === null && field.required) return refuse(res, "REQUIRED_FIELD_MISSING", `Required fields are missing: [${field.name}]`, field.name);
    if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      return refuse(res, "JSON_PARSER_ERROR", `Cannot deserialize value for field ${field.name}`, field.name);
    }
    values[field.name] = value;
  }
  return values;
}

function refuse(res: Response, errorCode: string, message: string, field: string): undefined {
  sendSalesforceError(res, 400, errorCode, message, [field]);
  return undefined;
}
