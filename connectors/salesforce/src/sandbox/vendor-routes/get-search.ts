import type { RequestHandler } from "express";
import { sendSalesforceError } from "../http/salesforce-error";
import type { SandboxState } from "../sandbox-state";
import { MalformedQuery } from "../soql/malformed-query";
import { runSosl } from "../soql/run-sosl";
import { apiVersionOf } from "./api-version";

/**
 * `GET /search?q={SOSL}` (S4): `{ searchRecords: [...] }`, active records only, at most 2,000, no
 * cursor, and only what the search index has caught up with (`searchIndexLagMs`).
 */
export function getSearch(state: SandboxState): RequestHandler<Record<string, string>> {
  return (req, res) => {
    const version = apiVersionOf(req, res);
    if (!version) return;
    const q = req.query.q;
    if (typeof q !== "string" || q.trim() === "") {
      sendSalesforceError(res, 400, "MALFORMED_SEARCH", "A search string has to be specified");
      return;
    }
    try {
      res.status(200).json({ searchRecords: runSosl(q, state.store, version, new Date(state.clock.now().getTime() - state.searchIndexLagMs)) });
    } catch (error) {
      if (error instanceof MalformedQuery) return sendSalesforceError(res, 400, error.errorCode, error.message);
      throw error;
    }
  };
}
