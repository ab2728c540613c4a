import type { Response } from "express";
import { z } from "zod";
import { sendSalesforceError } from "../http/salesforce-error";
import { checkFieldValues } from "../world/create-record";
import type { ObjectSpec } from "../world/object-catalogue";
import type { FieldValue } from "../world/sobject-store";

/**
 * The field values of a create or PATCH body, checked as Salesforce does (create-record.ts,
 * `checkFieldValues`); a body that is not a JSON object is `JSON_PARSER_ERROR`. Undefined after
 * the error has been sent.
 */
export function readFieldValues(object: ObjectSpec, body: unknown, res: Response): Record<string, FieldValue> | undefined {
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  if (!parsed.success) {
    sendSalesforceError(res, 400, "JSON_PARSER_ERROR", "The request body is not a JSON object");
    return undefined;
  }
  const checked = checkFieldValues(object, parsed.data);
  if ("refusal" in checked) {
    sendSalesforceError(res, 400, checked.refusal.errorCode, checked.refusal.message, checked.refusal.fields);
    return undefined;
  }
  return checked.values;
}
