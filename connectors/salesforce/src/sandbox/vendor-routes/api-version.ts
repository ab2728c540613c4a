import type { Request, Response } from "express";
import { sendSalesforceError } from "../http/salesforce-error";
import { apiVersions } from "../sandbox-state";

/** The `vXX.X` of the path as `XX.X`; answers 404 NOT_FOUND for a version the org does not serve. */
export function apiVersionOf(req: Request<Record<string, string>>, res: Response): string | undefined {
  const version = /^v(\d+\.\d)$/.exec(req.params.version ?? "")?.[1];
  if (version === undefined || !apiVersions.includes(version)) {
    sendSalesforceError(res, 404, "NOT_FOUND", "The requested resource does not exist");
    return undefined;
  }
  return version;
}
