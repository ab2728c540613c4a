import type { Request, Response } from "express";
import { sendSalesforceError } from "../http/salesforce-error";
import type { SandboxState } from "../sandbox-state";
import { objectSpec, type ObjectSpec } from "../world/object-catalogue";
import type { SObjectRow } from "../world/sobject-store";

/**
 * Resolves `/sobjects/{type}/{id}`: the object, and the row if it is of that type. Answers
 * 404 NOT_FOUND for an unknown type or id, 404 ENTITY_IS_DELETED for a row in the Recycle Bin.
 */
export function recordOf(
  state: SandboxState,
  req: Request<Record<string, string>>,
  res: Response,
): { object: ObjectSpec; row: SObjectRow } | undefined {
  const object = objectSpec(req.params.type ?? "");
  if (!object) {
    sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    return undefined;
  }
  const row = state.store.get(req.params.id ?? "");
  if (!row || row.object !== object.name) {
    sendSalesforceError(res, 404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + (req.params.id ?? ""));
    return undefined;
  }
  if (row.deletedAt) {
    sendSalesforceError(res, 404, "ENTITY_IS_DELETED", "entity is deleted", []);
    return undefined;
  }
  return { object, row };
}

export function recordJson(object: ObjectSpec, row: SObjectRow, apiVersion: string, only?: string[]): Record<string, unknown> {
  const json: Record<string, unknown> = { attributes: { type: object.name, url: `/services/data/v${apiVersion}/sobjects/${object.name}/${row.id}` } };
  for (const field of object.fields) {
    if (only && !only.includes(field.name.toLowerCase())) continue;
    json[field.name] = row.fields[field.name] ?? null;
  }
  return json;
}
