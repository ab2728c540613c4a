import type { RequestHandler } from "express";
import { z } from "zod";
import { sendSalesforceError } from "../http/salesforce-error";
import type { SandboxState } from "../sandbox-state";
import { createRecord } from "../world/create-record";
import { objectSpec } from "../world/object-catalogue";
import { apiVersionOf } from "./api-version";

/**
 * `POST /sobjects/{type}`: creates a record → 201 `{id, success: true, errors: []}`; a required
 * field left out → 400 `REQUIRED_FIELD_MISSING` (create-record.ts). The record is in SOQL at once
 * and in SOSL only after the search index's lag; the oracle knows whose data it holds.
 */
export function postSObject(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const object = objectSpec(req.params.type ?? "");
    if (!object) return sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    const body = z.record(z.string(), z.unknown()).safeParse(req.body);
    if (!body.success) return sendSalesforceError(res, 400, "JSON_PARSER_ERROR", "The request body is not a JSON object");
    const created = createRecord(state, object, body.data);
    if ("refusal" in created) return sendSalesforceError(res, 400, created.refusal.errorCode, created.refusal.message, created.refusal.fields);
    res.status(201).json({ id: created.id, success: true, errors: [] });
  };
}
