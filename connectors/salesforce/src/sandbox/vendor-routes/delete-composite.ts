import type { RequestHandler } from "express";
import { sendSalesforceError } from "../http/salesforce-error";
import type { SandboxState } from "../sandbox-state";
import { canonicalId } from "../world/salesforce-ids";
import { apiVersionOf } from "./api-version";

type DeleteResult = { id?: string; success: boolean; errors: { statusCode: string; message: string; fields: string[] }[] };

/**
 * `DELETE /composite/sobjects?ids=a,b&allOrNone=false` (S9): 200 with one result per id in input
 * order, even when items fail; per-item errors use `statusCode`; a malformed id has no `id`.
 * With allOrNone=true a failure rolls everything back (ALL_OR_NONE_OPERATION_ROLLED_BACK).
 */
export function deleteComposite(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    if (!apiVersionOf(req, res)) return;
    const ids = typeof req.query.ids === "string" ? req.query.ids.split(",").filter((id) => id !== "") : [];
    if (ids.length === 0) return sendSalesforceError(res, 400, "INVALID_FIELD", "ids parameter is required");
    if (ids.length > 200) return sendSalesforceError(res, 400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
    const allOrNone = req.query.allOrNone === "true";
    const now = state.clock.now();
    const results: DeleteResult[] = [];
    const done: string[] = [];
    for (const raw of ids) {
      const id = canonicalId(raw);
      if (id === undefined) {
        results.push({ success: false, errors: [{ statusCode: "MALFORMED_ID", message: `malformed id ${raw}`, fields: [] }] });
        continue;
      }
      const outcome = state.store.softDelete(id, now);
      if (outcome.ok) {
        results.push({ id, success: true, errors: [] });
        done.push(id);
      } else {
        results.push({ id, success: false, errors: [{ statusCode: outcome.statusCode, message: outcome.message, fields: [] }] });
      }
    }
    if (allOrNone && results.some((result) => !result.success)) {
      // Salesforce rolls the whole call back; the sandbox restores what it had moved to the bin.
      for (const id of done) {
        const row = state.store.get(id);
        if (row) {
          row.deletedAt = null;
          row.fields.IsDeleted = false;
        }
      }
      res.status(200).json(results.map((result) => (result.success ? { id: result.id, success: false, errors: [{ statusCode: "ALL_OR_NONE_OPERATION_ROLLED_BACK", message: "Record rolled back because not all records were valid and the request was using AllOrNone header", fields: [] }] } : result)));
      return;
    }
    res.status(200).json(results);
  };
}
